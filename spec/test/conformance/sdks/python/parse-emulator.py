"""Calls each public method of Auth and AsyncAuth (propelauth-py, released) against the local emulator
seeded with the document's examples, and records the emulator's status and what the method raised
(emulator-parsed.json). Not run by the tests (PyPI cannot be reached from the test machines):
  propelauth-emulator --memory --port 4010 --seed-examples --validate-responses --auth-url https://127.0.0.1:4010
  python3 parse-emulator.py <propelauth-py checkout> http://127.0.0.1:4010 <Full Access key> > emulator-parsed.json
Each method gets capture.py's argument values (its ids are the seeded examples' own), on a store
reset to the seeded data before each call. Its one request goes to the emulator instead of
https://propelauth-api.com; the answer is the emulator's, and the SDK reads it with its own code.
"""
import asyncio, json, sys, urllib.parse, urllib.request

from sdk_methods import backend_methods, call, load_capture

root, emulator, key = sys.argv[1], sys.argv[2].rstrip("/"), sys.argv[3]
p, NOT_BACKEND, value_for = load_capture(root)
import httpx, requests  # noqa: E402

target = urllib.parse.urlsplit(emulator)
seen = {}


def routed(url):
    u = urllib.parse.urlsplit(str(url))
    if u.hostname != "propelauth-api.com":
        return str(url)
    seen["path"] = u.path
    return urllib.parse.urlunsplit((target.scheme, target.netloc, u.path, u.query, ""))


_send = requests.adapters.HTTPAdapter.send


def send(self, request, **kwargs):
    request.url = routed(request.url)
    response = _send(self, request, **kwargs)
    seen["status"] = response.status_code
    return response


requests.adapters.HTTPAdapter.send = send
_handle = httpx.AsyncHTTPTransport.handle_async_request


async def handle(self, request):
    request.url = httpx.URL(routed(request.url))
    response = await _handle(self, request)
    seen["status"] = response.status_code
    return response


httpx.AsyncHTTPTransport.handle_async_request = handle


def reseed():
    body = json.dumps({"seed": "examples"}).encode()
    req = urllib.request.Request(f"{emulator}/__emulator/reset", body, {"content-type": "application/json"}, method="POST")
    urllib.request.urlopen(req).read()


async def main():
    host = target.netloc
    auths = {p.Auth: p.Auth(host, key, None), p.AsyncAuth: p.AsyncAuth(host, key, None, httpx.AsyncClient())}
    out = []
    for cls, name, kwargs in backend_methods(p, NOT_BACKEND, value_for):
        reseed()
        seen.clear()
        error = await call(getattr(auths[cls], name), kwargs)
        if "path" not in seen:  # raised before sending (see capture.py)
            continue
        out.append({"public": f"{cls.__name__}.{name}", "path": seen["path"], "status": seen.get("status"), "error": error})
    print(json.dumps({"calls": out}, indent=1))


asyncio.run(main())
