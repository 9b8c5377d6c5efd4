"""Serve the site with granian (a production server), on IPv4 and, when asked, IPv6."""

import os
import sys
from pathlib import Path
from typing import TextIO

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

MANIFEST = "staticfiles.json"  # what ManifestStaticFilesStorage writes into STATIC_ROOT


def static_files_stale() -> bool:
    """True when STATIC_ROOT has no manifest, or a source file under STATICFILES_DIRS is newer than it.

    Without a current manifest every page that names a static file answers 500, so `serve` collects first.
    """
    manifest = Path(settings.STATIC_ROOT) / MANIFEST
    if not manifest.exists():
        return True
    collected_at = manifest.stat().st_mtime
    for source in settings.STATICFILES_DIRS:
        for path in Path(source).rglob("*"):
            if path.is_file() and path.stat().st_mtime > collected_at:
                return True
    return False


def ensure_static_collected(out: TextIO) -> bool:
    """Collect static files when they are missing or out of date; True when it collected."""
    if not static_files_stale():
        return False
    out.write("静态文件尚未收集或已过期，正在收集（等同于 ./gongkai collectstatic --no-input）…\n")
    call_command("collectstatic", interactive=False, verbosity=0)
    return True


class Command(BaseCommand):
    help = "以 granian 提供服务（生产级 WSGI 服务器）。--ipv6 同时监听 IPv6（双栈）。"

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "2")))
        parser.add_argument(
            "--ipv6",
            action="store_true",
            default=os.environ.get("GONGKAI_IPV6", "").lower() in {"1", "true", "yes"},
            help="监听 [::]（IPv6 与 IPv4 双栈）",
        )

    def handle(self, *args, host, port, workers, ipv6, **opts):
        ensure_static_collected(self.stdout)
        if ipv6 and host in {"127.0.0.1", "0.0.0.0"}:  # noqa: S104 - widening to dual stack is what --ipv6 asks
            host = "::1" if host == "127.0.0.1" else "::"
        cmd = [
            sys.executable, "-m", "granian", "--interface", "wsgi", "--host", host, "--port", str(port),
            "--workers", str(workers), "--blocking-threads", "4", "gongkai.wsgi:application",
        ]  # fmt: skip
        shown = f"[{host}]" if ":" in host else host
        self.stdout.write(f"监听 http://{shown}:{port}/")
        os.execvp(cmd[0], cmd)  # noqa: S606 - replaces this process with the server; arguments are ours
