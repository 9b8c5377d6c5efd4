"""Run libcoveocds (the Open Contracting Partnership's validator) without the internet.

    uvx --from libcoveocds==0.17.0 python bench/cove_offline.py FILE

libcoveocds reads the standard from `--standard-zip` (our committed copy), but a record package also makes it
fetch `versioned-release-validation-schema.json` from standard.open-contracting.org. This wrapper answers requests
for the OCDS 1.1.5 schema URLs from data/ocds/schema/ and leaves every other request alone (the extension URL is
served by Gongkai), then runs the libcoveocds command with the committed standard zip.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import requests
from libcoveocds.__main__ import main

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "data" / "ocds" / "schema"
PREFIXES = (
    "https://standard.open-contracting.org/schema/1__1__5/",
    "http://standard.open-contracting.org/schema/1__1__5/",
)
_get = requests.get
_session_get = requests.Session.get


class _Local:
    status_code = 200

    def __init__(self, path: Path) -> None:
        self.text = path.read_text(encoding="utf-8")
        self.content = self.text.encode()

    def json(self, **kwargs):
        return json.loads(self.text, **kwargs)

    def raise_for_status(self) -> None:
        return None


def _local(url: str) -> _Local | None:
    for prefix in PREFIXES:
        if str(url).startswith(prefix):
            return _Local(SCHEMA_DIR / str(url)[len(prefix) :])
    return None


def get(url, *args, **kwargs):
    return _local(url) or _get(url, *args, **kwargs)


def session_get(self, url, *args, **kwargs):
    return _local(url) or _session_get(self, url, *args, **kwargs)


requests.get = get
requests.Session.get = session_get

if __name__ == "__main__":
    sys.argv = [
        "libcoveocds",
        "--standard-zip",
        str(SCHEMA_DIR / "standard-1__1__5-schema.zip"),
        *sys.argv[1:],
    ]
    main()
