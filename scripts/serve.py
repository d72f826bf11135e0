"""A static file server for the built app, on 127.0.0.1 only.

It compresses text and wasm with gzip when the browser accepts it, as static hosts do (once
per version of a file, kept in memory, as hosts and CDNs keep theirs), and
sends the headers a deployment should send: no caching of index.html and the service
worker (hashed files are immutable), no MIME sniffing, no referrer, and the wasm MIME type
that streaming compilation needs. The end-to-end tests use it too.
"""
import argparse
import functools
import gzip
import io
import http.server
import os
import sys
import threading

COMPRESSIBLE = (".html", ".js", ".css", ".wasm", ".json", ".webmanifest", ".svg")
_compressed = {}
_lock = threading.Lock()


def compressed(path):
    """The gzip body of `path`, made once for each version (size and modification time)."""
    stat = os.stat(path)
    key = (path, stat.st_size, stat.st_mtime_ns)
    with _lock:
        body = _compressed.get(key)
    if body is None:
        with open(path, "rb") as f:
            body = gzip.compress(f.read(), 6)
        with _lock:
            _compressed[key] = body
    return body


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        path = self.path.split("?", 1)[0]
        if path.endswith("/") or path.endswith(".html") or path.endswith("sw.js"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not accepts or not path.endswith(COMPRESSIBLE) or not os.path.isfile(path):
            return super().send_head()
        body = compressed(path)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, fmt, *args):
        if self.server.verbose:
            super().log_message(fmt, *args)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=8080)
    p.add_argument("--verbose", action="store_true")
    a = p.parse_args()
    handler = functools.partial(Handler, directory=a.dir)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", a.port), handler)
    server.verbose = a.verbose
    print(f"serving {a.dir} on http://127.0.0.1:{server.server_port}/", file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
