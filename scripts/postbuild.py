"""Trunk post-build hook (also runnable by hand on a built folder: postbuild.py DIR).

0. Drops Trunk's <link rel="preload"> of the wasm (see WASM_PRELOAD).
1. Writes the Content-Security-Policy into index.html as a <meta> tag, allowing Trunk's one
   inline loader script by its SHA-256 hash, so that the policy holds on any static host.
2. Fills in sw.js: the list of every file of the build (hashed names) and a version that
   changes whenever any file changes, so that a deployment offers "reload to update".
"""
import base64
import hashlib
import json
import os
import re
import sys

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script_hash}; "
    "style-src 'self'; img-src 'self' data:; font-src 'none'; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
INLINE = re.compile(r"<script type=\"module\">(.*?)</script>", re.S)
# Trunk preloads the wasm from <head>; that download then competes with the first paint of the
# loading shell on slow links. The loader fetches it right after the small JS glue anyway.
WASM_PRELOAD = re.compile(r'<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>')


def csp(index_html):
    html = WASM_PRELOAD.sub("", META.sub("", index_html))
    scripts = INLINE.findall(html)
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
        for s in scripts
    )
    meta = '\n    <meta http-equiv="Content-Security-Policy" content="' + POLICY.format(script_hash=hashes) + '" />'
    return html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />' + meta, 1)


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        html = csp(f.read())
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)

    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if rel not in ("sw.js", "index.html"):
                files.append(rel)
    files.sort()
    digest = hashlib.sha256()
    for rel in files + ["index.html"]:
        with open(os.path.join(folder, rel), "rb") as f:
            digest.update(rel.encode() + b"\0" + f.read())
    sw_path = os.path.join(folder, "sw.js")
    with open(sw_path, encoding="utf-8") as f:
        sw = f.read()
    # Line by line, so that a folder already processed can be processed again.
    sw = re.sub(r"^const VERSION = .*;$", lambda _: "const VERSION = '%s';" % digest.hexdigest()[:16], sw, count=1, flags=re.M)
    sw = re.sub(r"^const PRECACHE = .*;$", lambda _: "const PRECACHE = %s;" % json.dumps(["./"] + files), sw, count=1, flags=re.M)
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)

if __name__ == "__main__":
    main()
