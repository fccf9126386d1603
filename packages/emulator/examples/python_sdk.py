"""PropelAuth's official Python SDK (propelauth-py) against the emulator: its own code, sync and async.

Start the emulator so that the SDK's issuer check passes (it takes the issuer to be "https://" plus
the host and port of the Auth URL; the emulator still serves plain HTTP):

    npx propelauth-emulator --memory --port 4010 --auth-url https://127.0.0.1:4010

then, with propelauth-py installed (pip install propelauth-py):

    PROPELAUTH_API_KEY=<Full Access key> python3 python_sdk.py
"""
import asyncio
import os

# --- routing: send the SDK's calls to https://propelauth-api.com to the emulator instead ---------
import httpx
from requests.adapters import HTTPAdapter

EMULATOR = httpx.URL(os.environ.get("PROPELAUTH_EMULATOR_URL", "http://127.0.0.1:4010"))


def _to_emulator(url: httpx.URL) -> httpx.URL:
    if url.host != "propelauth-api.com":
        return url
    return url.copy_with(scheme=EMULATOR.scheme, host=EMULATOR.host, port=EMULATOR.port)


_send = HTTPAdapter.send  # requests: the sync client


def _routed_send(self, request, *args, **kwargs):
    request.url = str(_to_emulator(httpx.URL(request.url)))
    return _send(self, request, *args, **kwargs)


HTTPAdapter.send = _routed_send
_handle = httpx.AsyncHTTPTransport.handle_async_request  # httpx: the async client


async def _routed_handle(self, request):
    request.url = _to_emulator(request.url)
    return await _handle(self, request)


httpx.AsyncHTTPTransport.handle_async_request = _routed_handle
# --- end of routing -------------------------------------------------------------------------------

from propelauth_py import init_base_auth, init_base_async_auth  # noqa: E402

AUTH_URL = os.environ.get("PROPELAUTH_AUTH_URL", "https://127.0.0.1:4010")
API_KEY = os.environ["PROPELAUTH_API_KEY"]

auth = init_base_auth(AUTH_URL, API_KEY)
user_id = auth.create_user(email="ada@example.com", password="analytical-engine")["user_id"]
org_id = auth.create_org(name="Acme")["org_id"]
auth.add_user_to_org(user_id, org_id, "Admin")
personal = auth.create_api_key(user_id=user_id)["api_key_id"]
auth.create_api_key(user_id=user_id, org_id=org_id)
keys = auth.fetch_current_api_keys(user_id=user_id, api_key_type="personal")
assert [k.api_key_id for k in keys.api_keys] == [personal], keys

token = auth.create_access_token(user_id, 10).access_token
user = auth.validate_access_token_and_get_user(f"Bearer {token}")
assert user.user_id == user_id, user
org_member = auth.validate_access_token_and_get_user_with_org_by_minimum_role(f"Bearer {token}", org_id, "Member")
assert org_member.org_member_info.user_assigned_role == "Admin", org_member


async def main():
    async_auth = init_base_async_auth(AUTH_URL, API_KEY)
    fetched = await async_auth.fetch_user_metadata_by_user_id(user_id, include_orgs=True)
    assert fetched.email == "ada@example.com", fetched
    await async_auth.delete_user(user_id)
    assert await async_auth.fetch_user_metadata_by_user_id(user_id) is None


asyncio.run(main())
print("propelauth-py against the emulator: ok")
