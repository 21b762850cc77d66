"""Progress lines on stderr, so stdout holds only the report."""
from __future__ import annotations

import sys
import time

_START = time.monotonic()


def log(message: str) -> None:
    print(f"[trial {time.monotonic() - _START:6.0f}s] {message}", file=sys.stderr, flush=True)
