"""What parse-emulator.py and parse-examples.py share: capture.py's SDK and argument values, and
calling each public backend method of Auth and AsyncAuth with its required arguments, as
capture.py does."""
import inspect, os


def load_capture(root):
    """propelauth_py (from the checkout at `root`), NOT_BACKEND and value_for, as capture.py defines
    them, without running its capture."""
    source = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "capture.py")).read()
    ns = {"__file__": __file__}
    exec(source[: source.index("sent = []")].replace("root, version = sys.argv[1], sys.argv[2]", f"root = {root!r}"), ns)
    exec(source[source.index("def value_for"): source.index("builders = {}")], ns)
    return ns["p"], ns["NOT_BACKEND"], ns["value_for"]


def backend_methods(p, not_backend, value_for):
    """(class, method name, required arguments) for each public backend method of Auth and AsyncAuth;
    the validate_* methods that check a token locally are left out."""
    for cls in (p.Auth, p.AsyncAuth):
        for name, fn in cls.__dict__.items():
            if name.startswith("_") or not callable(fn) or name in not_backend or name.startswith("validate_") and "api_key" not in name:
                continue
            params = [(k, v) for k, v in inspect.signature(fn).parameters.items() if k != "self"]
            yield cls, name, {k: value_for(k, v) for k, v in params if v.default is inspect.Parameter.empty}


async def call(method, kwargs):
    """Calls the method (awaiting it when it is async): what it raised, as "Type: message" cut to
    300 characters, or None."""
    try:
        result = method(**kwargs)
        if inspect.isawaitable(result):
            await result
    except Exception as e:
        return f"{type(e).__name__}: {e}"[:300]
    return None
