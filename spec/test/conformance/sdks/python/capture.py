"""Records every backend request the Python SDK (propelauth-py) builds, sync and async.

Usage (not run by the tests; its output is reviewed and committed as cases.json):
  git -C <mirror of PropelAuth/propelauth-py> archive v4.4.0 | tar -x -C <dir>
  python3 capture.py <dir> v4.4.0 > cases.json      # needs requests, httpx, PyJWT

Each public method of Auth and AsyncAuth is called twice: with its required arguments only
("minimal") and with every optional argument given ("all options"). HTTP is intercepted below
`requests` (HTTPAdapter.send) and `httpx` (MockTransport), so what is recorded is exactly what the
SDK would put on the wire. The backend function named in each case is the `propelauth_py.api`
function the public method calls (the one that builds the request).
"""
import asyncio, datetime, enum, inspect, json, os, sys, typing, urllib.parse

root, version = sys.argv[1], sys.argv[2]
sys.path.insert(0, root)
import httpx, requests  # noqa: E402
import propelauth_py as p  # noqa: E402
from propelauth_py.types.saml_types import SamlIdpMetadata, SetOktaOidcMetadataRequest  # noqa: E402

USER_ID = "2667ae3c-36c6-4d42-9bd4-a4f1ac0c1d6a"
ORG_ID = "1189c444-8a2d-4c41-8b4b-ae43ce79a492"
API_KEY_ID = "9d3f8c1a2b7e4f60a5c8d1e2f3a4b5c6"
VALUES = {
    "user_id": USER_ID, "org_id": ORG_ID, "active_org_id": ORG_ID, "required_org_id": ORG_ID, "existing_user_id": "legacy-42",
    "email": "ada@example.com", "new_email": "ada@new.example.com", "user_email": "ada@example.com",
    "invitee_email": "grace@example.com", "username": "ada", "email_or_username": "ada",
    "emails": ["ada@example.com"], "usernames": ["ada"], "user_ids": [USER_ID],
    "api_key_id": API_KEY_ID, "api_key_token": "Bearer 4f7e2b1c", "api_key_type": "personal",
    "employee_id": "5f0c9a7e-3b2d-4c1e-9f8a-7b6c5d4e3f2a", "group_id": "7f1e2d3c-4b5a-4968-8776-655443322110",
    "name": "Acme", "display_name": "Acme Inc.", "domain": "acme.com", "extra_domains": ["acme.org"],
    "first_name": "Ada", "last_name": "Lovelace", "picture_url": "https://example.com/ada.png",
    "password": "correct horse battery staple", "password_hash": "$2b$12$abcdefghijklmnopqrstuv",
    "existing_password_hash": "$2b$12$abcdefghijklmnopqrstuv", "existing_mfa_base32_encoded_secret": "JBSWY3DPEHPK3PXP",
    "role": "Admin", "additional_roles": ["Member"], "metadata": {"plan": "pro"}, "properties": {"favorite_language": "Rust"},
    "custom_role_mapping_name": "Enterprise", "legacy_org_id": "legacy-org-7", "legacy_user_id": "legacy-42",
    "redirect_to_url": "https://app.example.com/welcome", "expires_in_hours": 24, "expires_in_seconds": 3600,
    "expires_at_seconds": 1767225600, "valid_for_seconds": 900, "duration_in_minutes": 15,
    "page_size": 10, "page_number": 1, "members_page_size": 10, "members_page_number": 0,
    "max_users": 100, "require_2fa_by": "2026-01-01T00:00:00Z",
    "password_rotation_period": 90, "password_rotation_history_size": 3,
    "user_signup_query_parameters": {"utm_source": "ads"}, "action_type": "delete_account",
    "grant": "gr_7c3d", "code": "123456", "challenge_id": "ch_1", "mfa_phone_id": "9b1c4a2e-0f3d-4e5a-8b7c-6d5e4f3a2b1c",
    "date": "2025-06-01", "provider": "google", "start_date": datetime.date(2025, 5, 1), "end_date": datetime.date(2025, 6, 1),
    "email_confirmed": True, "require_email_confirmation": True,
    "saml_idp_metadata": SamlIdpMetadata("https://idp.example.com", "https://idp.example.com/sso", "MIIC...", "Okta"),
    "request": SetOktaOidcMetadataRequest(org_id=ORG_ID, client_id="cid", client_secret="secret", uses_pkce=True, idp_type="Okta", okta_sso_domain="acme.okta.com"),
}
NOT_BACKEND = {"configure_logging"}  # and validate_access_token_*/validate_*_and_get_org: local JWT checks

sent = []


def record(method, url, headers, body):
    u = urllib.parse.urlsplit(url)
    sent.append({"method": method, "path": u.path, "query": u.query, "contentType": headers.get("content-type"),
                 "body": None if not body else body.decode() if isinstance(body, bytes) else body,
                 "auth": headers.get("authorization"), "host": headers.get("x-propelauth-url")})


def fake_send(self, request, **kwargs):
    record(request.method, request.url, {k.lower(): v for k, v in request.headers.items()}, request.body)
    r = requests.Response()
    r.status_code, r._content, r.url = 200, b"{}", request.url
    r.headers["content-type"] = "application/json"
    return r


requests.adapters.HTTPAdapter.send = fake_send


def handler(request: httpx.Request):
    record(request.method, str(request.url), {k.lower(): v for k, v in request.headers.items()}, request.content)
    return httpx.Response(200, json={})


def value_for(name, param):
    if name in VALUES:
        return VALUES[name]
    ann = param.annotation
    for t in typing.get_args(ann) or (ann,):
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return list(t)[0]
        if typing.get_origin(t) is typing.Literal:
            return typing.get_args(t)[0]
    if "bool" in str(ann):
        return True
    if "int" in str(ann):
        return 30
    raise KeyError(f"no value for {name}: {ann}")


builders = {}  # public method -> the propelauth_py.api function it calls
for cls in (p.Auth, p.AsyncAuth):
    for name, fn in cls.__dict__.items():
        if name.startswith("_") or not callable(fn) or name in NOT_BACKEND or name.startswith("validate_") and "api_key" not in name:
            continue
        src = inspect.getsource(fn)
        called = [n for n in fn.__code__.co_names if n.startswith("_") and hasattr(p, n) and getattr(getattr(p, n), "__module__", "").startswith("propelauth_py.api")]
        assert len(called) == 1, (cls.__name__, name, called)
        builders[(cls, name)] = getattr(p, called[0])


def rel(fn):
    return os.path.relpath(inspect.getsourcefile(fn), root)


async def main():
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    auths = {p.Auth: p.Auth("auth.example.com", "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f", None),
             p.AsyncAuth: p.AsyncAuth("auth.example.com", "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f", None, client)}
    out = []
    for (cls, name), builder in builders.items():
        params = [(k, v) for k, v in inspect.signature(cls.__dict__[name]).parameters.items() if k != "self"]
        variants = {"minimal": {k: value_for(k, v) for k, v in params if v.default is inspect.Parameter.empty}}
        if any(v.default is not inspect.Parameter.empty for _, v in params):
            variants["all options"] = {k: value_for(k, v) for k, v in params}
        for variant, kwargs in variants.items():
            sent.clear()
            try:
                result = getattr(auths[cls], name)(**kwargs)
                if inspect.isawaitable(result):
                    await result
                error = None
            except Exception as e:  # the fake answer may not parse; the request is what matters
                error = f"{type(e).__name__}: {e}"
            if not sent:  # the SDK raised before sending anything
                out.append({"public": f"{cls.__name__}.{name}", "fn": builder.__name__, "file": rel(builder), "variant": variant, "neverSent": error})
                continue
            assert len(sent) == 1, (cls.__name__, name, variant, sent)
            s = sent[0]
            out.append({"public": f"{cls.__name__}.{name}", "fn": builder.__name__, "file": rel(builder), "variant": variant, **s})
    # init_base_auth / init_base_async_auth fetch the token verification metadata first
    sent.clear()
    fetch = p._fetch_token_verification_metadata
    fetch("auth.example.com", "3bd5e4f7a0c14b8e9d2f6a1c0e7b5d3f", None)
    out.append({"public": "init_base_auth", "fn": fetch.__name__, "file": rel(fetch), "variant": "minimal", **sent[0]})
    print(json.dumps({"version": version, "cases": out}, indent=1))


asyncio.run(main())
