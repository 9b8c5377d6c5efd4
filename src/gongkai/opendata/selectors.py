"""Reading the list of open-data files."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.db.models import QuerySet

from gongkai.core.errors import NotFound
from gongkai.opendata.models import DataFile


def files(scope: str | None = None) -> QuerySet[DataFile]:
    qs = DataFile.objects.order_by("scope", "-period", "fmt")
    return qs.filter(scope=scope) if scope else qs


def file_path(name: str) -> tuple[DataFile, Path]:
    """A listed file and its path; anything not listed (or a path that leaves the folder) is not found."""
    f = DataFile.objects.filter(name=name).first()
    root = Path(settings.OPENDATA_DIR).resolve()
    path = (root / name).resolve() if f else None
    if f is None or path is None or root not in path.parents or not path.is_file():
        raise NotFound("没有这个数据文件（可能已按新数据重新生成，请回到开放数据页面下载最新版本）")
    return f, path
