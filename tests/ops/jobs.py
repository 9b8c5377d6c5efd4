"""A task for the reaper test: the first run signals that it started, then hangs until killed; a later run
(the retry) returns at once."""

from __future__ import annotations

import os
import time
from pathlib import Path

from django_tasks import task


@task()
def hold(marker: str) -> str:
    path = Path(marker)
    if path.exists():
        return "retried"
    path.write_text(str(os.getpid()))
    time.sleep(120)
    return "first"
