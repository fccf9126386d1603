"""Re-extracts errors.json from a checkout of PropelAuth/propelauth-py (see extract-inventory.ts):
  python3 extract-errors.py <dir> > errors.json
For every function of propelauth_py/api/, each `status_code == N` branch it takes, and what the
branch does with the body: parses it as JSON (`.json()`), keeps it as text (`.text`), or ignores it.
"""
import json, os, re, sys

root = sys.argv[1]
out = []
for dirpath, _, files in os.walk(os.path.join(root, "propelauth_py/api")):
    for name in sorted(files):
        if not name.endswith(".py"):
            continue
        path = os.path.join(dirpath, name)
        text = open(path).read()
        defs = list(re.finditer(r"^(?:async )?def (\w+)\(", text, re.M))
        for i, d in enumerate(defs):
            body = text[d.start(): defs[i + 1].start() if i + 1 < len(defs) else len(text)]
            lines = body.split("\n")
            for k, line in enumerate(lines):
                m = re.search(r"status_code == (\d{3})", line)
                if not m:
                    continue
                branch = []
                for nxt in lines[k + 1:]:
                    if re.match(r"\s*(elif|else|if)\b", nxt) and len(nxt) - len(nxt.lstrip()) <= len(line) - len(line.lstrip()):
                        break
                    branch.append(nxt)
                code = "\n".join(branch)
                kind = "json" if ".json()" in code else "text" if ".text" in code else "ignored"
                out.append({"fn": d.group(1), "file": os.path.relpath(path, root), "status": int(m.group(1)), "body": kind})
print(json.dumps(out, indent=1))
