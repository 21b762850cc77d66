"""A small static server for a built site, for the tests and the benchmark.

    with SiteServer(site_dir, gzip=True) as server:
        server.url        # "http://127.0.0.1:<port>/", a free port
        server.requests   # one Served(path, status, size, sent) per GET

It listens on 127.0.0.1 (port 0: a free port) in a thread of its own, and
serves like a static host: a folder asked for without its slash is
redirected, a folder serves its index.html, a missing file gets the site's
404.html with status 404. With gzip=True, text responses are gzip-encoded
when the client accepts it. Nothing is logged.

The folder may be built after the server starts (bind first, then build with
SITE_URL=server.url, as Material's instant navigation needs), and
`server.directory` may be pointed at another folder at any time.
"""
from __future__ import annotations

import functools
import gzip as gzip_module
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

# Content types worth compressing; images, fonts and the like are sent as they are.
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")


def compressible(content_type: str) -> bool:
    return content_type.startswith(COMPRESSIBLE)


@functools.lru_cache(maxsize=4096)
def gzip_bytes(data: bytes) -> bytes:
    """The body as a gzip response carries it (level 6, as most hosts; no timestamp)."""
    return gzip_module.compress(data, compresslevel=6, mtime=0)


@dataclass(frozen=True)
class Served:
    path: str      # as requested, query string included
    status: int
    size: int      # bytes of the file
    sent: int      # bytes sent (after gzip)


class SiteServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, directory: Path | str, gzip: bool = False, port: int = 0):
        super().__init__(("127.0.0.1", port), _Handler)
        self.directory = Path(directory)
        self.gzip = gzip
        self.requests: list[Served] = []
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"
        self._thread: threading.Thread | None = None

    def __enter__(self) -> SiteServer:
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.shutdown()
        self.server_close()

    def handle_error(self, request, client_address) -> None:
        """A client that hangs up early is no error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: SiteServer

    def __init__(self, request, client_address, server: SiteServer):
        super().__init__(request, client_address, server, directory=str(server.directory))

    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass

    def do_GET(self):  # noqa: N802 - the stdlib's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?")[0] + "/")
                self.end_headers()
                return
            path = path / "index.html"
        status = 200
        if not path.is_file():
            status, path = 404, Path(self.directory) / "404.html"
        data = path.read_bytes() if path.is_file() else b"Not found"
        ctype = self.guess_type(str(path))
        size = len(data)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        if self.server.gzip and compressible(ctype) and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip_bytes(data)
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.server.requests.append(Served(self.path, status, size, len(data)))  # before the client has it
        self.wfile.write(data)
