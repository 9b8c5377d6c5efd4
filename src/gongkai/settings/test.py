"""Test settings: the same as production but quick password hashing and plain static storage."""

from gongkai.settings import *  # noqa: F403
from gongkai.settings import DATABASES

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DEBUG = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": None}  # in-memory for speed

import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

MEDIA_ROOT = tempfile.mkdtemp(prefix="gongkai-test-media-")  # uploads in tests never touch var/
SEARCH_INDEX_DIR = Path(tempfile.mkdtemp(prefix="gongkai-test-index-"))
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
WHITENOISE_USE_FINDERS = True  # live-server tests get static files without collectstatic
WHITENOISE_AUTOREFRESH = True
# Tests share one process and reuse ids across rolled-back tests: the page cache is on only where a test turns it
# on (tests/portal/test_page_cache.py), with a fresh cache.
PUBLIC_CACHE_ENABLED = False
