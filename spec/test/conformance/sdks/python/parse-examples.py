"""Serves each operation's success examples from the bundled document to the Python SDK and records
whether its functions read them (parsed.json). Not run by the tests:
  python3 parse-examples.py <propelauth-py checkout> <spec/dist/openapi.json> > parsed.json
Each public method of Auth and AsyncAuth is called with its required arguments (as capture.py
does); the answer to its one request is the success example of the operation the request routes
to, one call per named example. A function reads an example when it returns without raising.
"""
import asyncio, hashlib, json, sys, urllib.parse

from sdk_methods import backend_methods, call, load_capture

root, doc_path = sys.argv[1], sys.argv[2]
doc = json.load(open(doc_path))


def deref(node):
    while isinstance(node, dict) and "$ref" in node:
        cur = doc
        for part in node["$ref"][2:].split("/"):
            cur = cur[part.replace("~1", "/").replace("~0", "~")]
        node = cur
    return node


routes = []
for path, item in doc["paths"].items():
    for method, op in item.items():
        if not isinstance(op, dict) or "operationId" not in op:
            continue
        status = sorted(s for s in op["responses"] if s.startswith("2"))[0]
        media = (deref(op["responses"][status]).get("content") or {})
        examples = []
        for ctype, m in media.items():
            if "example" in m:
                examples.append(("example", ctype, m["example"]))
            for name, ex in (m.get("examples") or {}).items():
                examples.append((name, ctype, deref(ex).get("value")))
        if not examples:
            examples.append(("empty", None, None))
        segs = path.split("/")
        routes.append((method.upper(), segs, op["operationId"], int(status), examples))
routes.sort(key=lambda r: [0 if not s.startswith("{") else 1 for s in r[1]])


def route(method, path):
    parts = path.split("/")
    for m, segs, op_id, status, examples in routes:
        if len(segs) == len(parts) and all(s.startswith("{") and p or s == p for s, p in zip(segs, parts)):
            if m == method:
                return op_id, status, examples
    return None, None, None


p, NOT_BACKEND, value_for = load_capture(root)
import httpx, requests  # noqa: E402

current = {}


def answer(method, url):
    u = urllib.parse.urlsplit(url)
    op_id, status, examples = route(method, u.path)
    current["op"] = op_id
    name, ctype, value = examples[current["index"]] if current["index"] < len(examples) else examples[0]
    current["example"], current["count"] = name, len(examples)
    canonical = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    current["sha256"] = hashlib.sha256(canonical.encode()).hexdigest()
    if value is None:
        return status, b"", None
    body = value.encode() if isinstance(value, str) else json.dumps(value).encode()
    return status, body, ctype


def fake_send(self, request, **kwargs):
    status, body, ctype = answer(request.method, request.url)
    r = requests.Response()
    r.status_code, r._content, r.url = status, body, request.url
    if ctype:
        r.headers["content-type"] = ctype
    return r


requests.adapters.HTTPAdapter.send = fake_send


def handler(request):
    status, body, ctype = answer(request.method, str(request.url))
    return httpx.Response(status, content=body, headers={"content-type": ctype} if ctype else {})


async def main():
    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    auths = {p.Auth: p.Auth("auth.example.com", "k", None), p.AsyncAuth: p.AsyncAuth("auth.example.com", "k", None, client)}
    out = []
    for cls, name, kwargs in backend_methods(p, NOT_BACKEND, value_for):
        index = 0
        while True:
            current.clear()
            current["index"] = index
            error = await call(getattr(auths[cls], name), kwargs)
            if "op" not in current:  # raised before sending (see capture.py)
                break
            out.append({"public": f"{cls.__name__}.{name}", "operationId": current["op"], "example": current["example"], "sha256": current["sha256"], "error": error})
            index += 1
            if index >= current["count"]:
                break
    # init_base_auth and init_base_async_auth fetch the token verification metadata
    current.clear()
    current["index"] = 0
    error = await call(lambda: p._fetch_token_verification_metadata("auth.example.com", "k", None), {})
    out.append({"public": "init_base_auth", "operationId": current["op"], "example": current["example"], "sha256": current["sha256"], "error": error})
    print(json.dumps({"calls": out}, indent=1))


asyncio.run(main())
