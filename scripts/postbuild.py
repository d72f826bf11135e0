"""Trunk post-build hook (also runnable by hand on a built folder: postbuild.py DIR).

0. Drops Trunk's <link rel="preload"> of the wasm (see WASM_PRELOAD), and minifies the
   wasm-bindgen glue with terser (tools/), writing its integrity hash anew; the Web Workers'
   glue too (see WORKERS; they have no integrity hash).
1. Puts the app's stylesheet into index.html (see inline_stylesheets), has Trunk's loader ask
   for the host's settings file and wait for the loading shell's paint before the wasm (see
   EARLY), and writes the Content-Security-Policy into index.html as a <meta> tag, allowing
   Trunk's one inline loader script and that style sheet by their SHA-256 hashes, so that the
   policy holds on any static host.
2. Writes lang/<code>.json for each language other than English: its string tables
   (content/i18n/<code>/*.json) and content overlays (content/*.<code>.json), each embedded as
   it is under its file name, minified. The app reads them (src/i18n.rs, Bundle); English is
   compiled in.
3. Writes HICP in OSCAL into oscal/ (see OSCAL), when run as Trunk's hook.
4. Fills in sw.js (without its comments): the list of every file a visit needs (hashed names; not the languages,
   which are kept once used, nor the bitmap icons, nor the Web Workers' files, nor oscal/), the list of
   files index.html refers to that are fetched only when needed (the bitmap icons: the worker
   does not expect them in its cache when it checks the cached index.html against it), the
   list of files kept once used (the Web Workers' files, see WORKERS), and a version that
   changes whenever any file (the service worker included) changes, so that a deployment
   offers "reload to update".
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {script_hash}; "
    "style-src 'self' {style_hash}; img-src 'self' data:; font-src 'none'; connect-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; frame-src 'none'; object-src 'none'; "
    "base-uri 'none'; form-action 'none'"
)
META = re.compile(r'\s*<meta http-equiv="Content-Security-Policy"[^>]*>')
INLINE = re.compile(r"<script type=\"module\">(.*?)</script>", re.S)
# Every inline script, whatever its attributes: each needs its hash in the policy to run.
ANY_INLINE = re.compile(r"<script\b(?![^>]*\bsrc\s*=)[^>]*>(.*?)</script>", re.S | re.I)
# Trunk preloads the wasm from <head>; that download then competes with the first paint of the
# loading shell on slow links. The loader fetches it right after the small JS glue anyway.
WASM_PRELOAD = re.compile(r'<link rel="preload" href="[^"]*_bg\.wasm"[^>]*>')


# The app's stylesheet as Trunk links it (hashed name, minified, with an integrity hash).
STYLESHEET = re.compile(r'<link rel="stylesheet" href="\./([^"/]+\.css)"[^>]*>')
STYLE = re.compile(r"<style>(.*?)</style>", re.S)


def inline_stylesheets(folder, index_html):
    """index.html with the app's stylesheet in a <style> element, and the file gone. A linked
    stylesheet holds back the page's scripts until it arrives, and the loading shell's first
    paint too; in the page, it costs no request of its own and nothing waits for it. A folder
    already processed has nothing left to inline."""
    for m in STYLESHEET.finditer(index_html):
        path = os.path.join(folder, m.group(1))
        with open(path, encoding="utf-8") as f:
            css = f.read()
        if "</style" in css.lower():
            sys.exit("postbuild.py: %s cannot go into a <style> element" % m.group(1))
        index_html = index_html.replace(m.group(0), "<style>" + css.strip() + "</style>", 1)
        os.remove(path)
    return index_html


# What Trunk's loader does before it asks for the app's wasm (EARLY, after its imports):
# - asks for the host's settings file (src/config.rs, FILE) as the app would (past the HTTP
#   cache; see src/ui/browser/fetch.rs, load_settings), so that the answer is there when the
#   app reads it; handled at once, so that a failed request (offline) is no unhandled rejection,
#   the app reading the outcome all the same;
# - waits until the browser has taken the loading shell as the page's largest paint (its
#   `largest-contentful-paint` entry), 250 ms at most; at once in a hidden page or a browser
#   that reports no such paint. Lighthouse counts every request that ends before the page's
#   largest paint into that paint's time: a wasm downloaded before the shell's paint made it
#   2.6 s instead of 0.9 s. And the app, ready sooner, replaced the shell before its paint
#   was reported, so the app's own first paint counted;
# - then touches the browser's storage, in a task of its own once the wasm is asked for: the
#   first access waits for the browser to load this site's stored items (about 5 ms of a cold
#   start in Chromium), and the app's first act is to read them. Where storage is refused, the
#   app finds out and says so itself.
EARLY = ('const s=fetch("hicp-check.config.json",{cache:"no-cache"});'
         's.catch(()=>{});window.hicpCheckSettings=s;'
         'await new Promise((go)=>{const t="largest-contentful-paint";'
         'const P=window.PerformanceObserver;'
         'if(document.hidden||!P||!(P.supportedEntryTypes||[]).includes(t))return go();'
         'setTimeout(go,250);const o=new P(()=>{o.disconnect();go()});'
         'o.observe({type:t,buffered:true})});'
         'setTimeout(()=>{try{localStorage.length;sessionStorage.length}catch(e){}});')


def loader_first(index_html):
    """index.html with EARLY in Trunk's loader, after its imports (once)."""
    m = INLINE.search(index_html)
    if not m or EARLY in m.group(1):
        return index_html
    body = m.group(1)
    imports_end = body.rfind("';", 0, body.find("await init")) + 2
    if imports_end < 2:
        sys.exit("postbuild.py: Trunk's loader has no import before its init: cannot add what it does first (EARLY)")
    loader = body[:imports_end] + "\n" + EARLY + body[imports_end:]
    return index_html.replace(body, loader, 1)


def sha256(script):
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"


def csp(index_html):
    """index.html with its policy. Fails (and so fails the build) unless the page ends up with
    exactly one policy that holds the hash of every inline script: a page without one would
    run unprotected, and a script without its hash would not run at all."""
    html = WASM_PRELOAD.sub("", META.sub("", index_html))
    hashes = " ".join(sha256(s) for s in INLINE.findall(html))
    styles = " ".join(sha256(s) for s in STYLE.findall(html))
    meta = '\n    <meta http-equiv="Content-Security-Policy" content="' + POLICY.format(script_hash=hashes, style_hash=styles) + '" />'
    out = html.replace('<meta charset="utf-8" />', '<meta charset="utf-8" />' + meta, 1)
    policies = META.findall(out)
    if len(policies) != 1:
        sys.exit("postbuild.py: index.html must carry exactly one Content-Security-Policy; "
                 "it would carry %d (is its <meta charset=\"utf-8\" /> there, as written?)" % len(policies))
    unhashed = [s for s in ANY_INLINE.findall(out) if sha256(s) not in policies[0]]
    if unhashed:
        sys.exit("postbuild.py: %d inline script(s) of index.html have no hash in its policy "
                 "and would not run; only <script type=\"module\"> is hashed" % len(unhashed))
    return out


# The wasm-bindgen glue as Trunk links it: preloaded with an integrity hash.
GLUE = re.compile(r'<link rel="modulepreload" href="\./([^"/]+\.js)"[^>]*\bintegrity="(sha384-[^"]+)"')
TERSER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools", "node_modules", ".bin", "terser")


def minify(path):
    """Minifies the ES module `path` in place (a wasm-bindgen glue: the names of its exports,
    of the wasm's imports and of properties stay)."""
    if not os.path.exists(TERSER):
        sys.exit("postbuild.py: terser is missing from tools/node_modules: run scripts/bootstrap")
    subprocess.run([TERSER, path, "--module", "--compress", "--mangle", "-o", path], check=True)


def minified_glue(folder, html):
    """index.html once the wasm-bindgen glue is minified by terser (every visitor downloads it;
    the names of its exports, of the wasm's imports and of properties stay), with the glue's
    integrity hash written anew."""
    m = GLUE.search(html)
    if not m:
        return html
    path = os.path.join(folder, m.group(1))
    minify(path)
    with open(path, "rb") as f:
        digest = "sha384-" + base64.b64encode(hashlib.sha384(f.read()).digest()).decode()
    return html.replace(m.group(2), digest)


CONTENT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content")
DEFAULT_LANGUAGE = "en"
# Not precached: icons the browser fetches itself only when it needs one (Apple's home-screen
# icon; the large ones for installing), and the vector original of the icon, which neither the
# page nor the manifest names. The page's icon (icons/icon-32.png) and the manifest's 192-pixel
# one, which Chromium asks for on every visit, are precached; both are bitmaps, since Chromium
# decodes an SVG icon by building a document for it on the page's main thread, just while the
# app starts.
ON_DEMAND = {
    "icons/apple-touch-icon.png",
    "icons/icon.svg",
    "icons/icon-512.png",
    "icons/icon-maskable-512.png",
}


# The parts Trunk builds as workers (index.html, data-type="worker"), by their binary's name:
# the package worker, run in a Web Worker, and the tools part, run on the page. Their files are
# unhashed: the app starts each by a name it knows. None is precached (a first visit never
# fetches one); the service worker keeps each file once used (sw.js, ON_USE).
WORKERS = ["package-worker", "tools"]

# The parts run on the page (src/ui/browser/parts.rs): Trunk's loader starts the module and
# says nothing when its wasm cannot be fetched; this one tells the app (offline before the
# part's first use, say), so that the app can say so instead of waiting.
PAGE_PART_LOADER = ("import init from './%s.js';"
                    "init().catch(()=>dispatchEvent(new Event('hicp-%s-failed')));")
PAGE_PARTS = ["tools"]


def worker_files(folder):
    """The Web Workers' files in the built folder, each worker's glue minified like the app's.
    A folder with none of a worker's files (the postbuild tests') is fine; one with a part of
    them is not."""
    files = []
    for worker in WORKERS:
        names = [worker + "_loader.js", worker + ".js", worker + "_bg.wasm"]
        found = [n for n in names if os.path.exists(os.path.join(folder, n))]
        if not found:
            continue
        if found != names:
            sys.exit("postbuild.py: the worker %s lacks %s" % (worker, sorted(set(names) - set(found))))
        minify(os.path.join(folder, worker + ".js"))
        if worker in PAGE_PARTS:
            with open(os.path.join(folder, worker + "_loader.js"), "w", encoding="utf-8") as f:
                f.write(PAGE_PART_LOADER % (worker, worker))
        files += names
    return files


# HICP in OSCAL (src/domain/oscal/publish.rs): generated from the built-in pack by a native
# run of src/bin/oscal.rs, into oscal/. Static files that someone downloads from the results
# screen or fetches with a tool: never precached, nor kept by the service worker.
OSCAL = "oscal/"


def oscal_documents(folder):
    """Writes oscal/ into the built folder. Only as Trunk's hook: the postbuild tests run this
    script on folders of their own, from within cargo."""
    subprocess.run(["cargo", "run", "--quiet", "--bin", "oscal", "--", folder], check=True)


# The built-in pack's guidance texts (each sub-practice's in_place, why and technical), which
# the app does not compile in (build.rs): fetched once an assessment is open, then kept
# (ON_USE).
GUIDANCE = "hicp-2018-guidance.json"


def guidance(folder):
    with open(os.path.join(CONTENT, "hicp-2018.json"), encoding="utf-8") as f:
        pack = json.load(f)
    fields = ("in_place", "why", "technical")  # content::GUIDANCE_FIELDS
    texts = {s["id"]: {f: s[f] for f in fields} for s in pack["sub_practices"]}
    with open(os.path.join(folder, GUIDANCE), "w", encoding="utf-8") as f:
        json.dump(texts, f, ensure_ascii=False, separators=(",", ":"))


def language_bundles(folder):
    i18n = os.path.join(CONTENT, "i18n")
    for code in sorted(os.listdir(i18n)):
        tables_dir = os.path.join(i18n, code)
        if code == DEFAULT_LANGUAGE or not os.path.isdir(tables_dir):
            continue
        bundle = {"language": code, "tables": {}, "packs": {}}
        for name in sorted(os.listdir(tables_dir)):
            if name.endswith(".json"):
                with open(os.path.join(tables_dir, name), encoding="utf-8") as f:
                    bundle["tables"][name] = json.load(f)
        for name in sorted(os.listdir(CONTENT)):
            parts = name.split(".")
            if len(parts) == 3 and parts[1] == code and parts[2] == "json":
                with open(os.path.join(CONTENT, name), encoding="utf-8") as f:
                    bundle["packs"][name] = json.load(f)
        os.makedirs(os.path.join(folder, "lang"), exist_ok=True)
        with open(os.path.join(folder, "lang", code + ".json"), "w", encoding="utf-8") as f:
            json.dump(bundle, f, ensure_ascii=False, separators=(",", ":"))


def without_comments(js):
    """The worker as served: its whole-line comments (// and /* */ blocks) and blank lines
    dropped, since every visitor downloads it; assets/sw.js keeps them for its readers."""
    out, in_block = [], False
    for line in js.splitlines():
        s = line.strip()
        if in_block:
            in_block = not s.endswith("*/")
        elif s.startswith("/*"):
            in_block = not s.endswith("*/")
        elif s and not s.startswith("//"):
            out.append(line)
    return "\n".join(out) + "\n"


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.environ["TRUNK_STAGING_DIR"]
    index = os.path.join(folder, "index.html")
    with open(index, encoding="utf-8") as f:
        html = minified_glue(folder, csp(loader_first(inline_stylesheets(folder, f.read()))))
    with open(index, "w", encoding="utf-8") as f:
        f.write(html)

    language_bundles(folder)
    guidance(folder)
    if "TRUNK_STAGING_DIR" in os.environ:
        oscal_documents(folder)
    on_use = worker_files(folder) + [GUIDANCE]
    files = []
    for root, _, names in os.walk(folder):
        for name in names:
            rel = os.path.relpath(os.path.join(root, name), folder).replace(os.sep, "/")
            if rel not in ("sw.js", "index.html"):
                files.append(rel)
    files.sort()
    sw_path = os.path.join(folder, "sw.js")
    with open(sw_path, encoding="utf-8") as f:
        sw = without_comments(f.read())
    # Line by line, so that a folder already processed can be processed again.
    sw = re.sub(r"^const PRECACHE = .*;$", lambda _: "const PRECACHE = %s;" % json.dumps(["./"] + [f for f in files if f not in ON_DEMAND and f not in on_use and not f.startswith(("lang/", OSCAL))]), sw, count=1, flags=re.M)
    sw = re.sub(r"^const ON_DEMAND = .*;$", lambda _: "const ON_DEMAND = %s;" % json.dumps(sorted(f for f in files if f in ON_DEMAND)), sw, count=1, flags=re.M)
    sw = re.sub(r"^const ON_USE = .*;$", lambda _: "const ON_USE = %s;" % json.dumps(on_use), sw, count=1, flags=re.M)
    sw = re.sub(r"^const VERSION = .*;$", "const VERSION = '';", sw, count=1, flags=re.M)
    # The version covers the worker itself too: a worker that changed and nothing else gets a
    # cache of its own, so that a failed install never touches the cache in use.
    digest = hashlib.sha256()
    for rel in files + ["index.html"]:
        with open(os.path.join(folder, rel), "rb") as f:
            digest.update(rel.encode() + b"\0" + f.read())
    digest.update(b"sw.js\0" + sw.encode())
    sw = re.sub(r"^const VERSION = .*;$", lambda _: "const VERSION = '%s';" % digest.hexdigest()[:16], sw, count=1, flags=re.M)
    with open(sw_path, "w", encoding="utf-8") as f:
        f.write(sw)

if __name__ == "__main__":
    main()
