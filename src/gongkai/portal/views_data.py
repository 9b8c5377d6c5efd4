"""The open-data page (/data/): every generated file with its checksum, row count, time and licence, and the data
dictionary; downloads of the files themselves."""

from __future__ import annotations

from itertools import groupby

from django.conf import settings
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import NotFound
from gongkai.opendata import selectors
from gongkai.opendata.dictionary import columns

CONTENT_TYPES = {
    "jsonl": "application/x-ndjson; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@require_GET
def data_index(request: HttpRequest) -> HttpResponse:
    names = {j.code: j.name for j in catalog_selectors.jurisdictions()}
    groups = []
    for scope, rows in groupby(selectors.files(), key=lambda f: f.scope):
        periods = []
        for period, fs in groupby(rows, key=lambda f: f.period):
            fs = list(fs)
            periods.append(
                {"period": period, "files": fs, "rows": fs[0].rows, "generated_at": fs[0].generated_at}
            )
        label = "全部行政区域" if scope == "all" else names.get(scope, scope)
        groups.append({"scope": scope, "label": label, "periods": periods})
    groups.sort(key=lambda g: (g["scope"] != "all", g["scope"]))
    return render(request, "portal/data.html", {
        "groups": groups, "columns": columns(), "license": settings.OPENDATA_LICENSE,
    })  # fmt: skip


@require_GET
def data_file(request: HttpRequest, name: str) -> FileResponse:
    try:
        f, path = selectors.file_path(name)
    except NotFound as exc:
        raise Http404(exc.message) from exc
    response = FileResponse(path.open("rb"), as_attachment=True, filename=path.name)
    response["Content-Type"] = CONTENT_TYPES.get(f.fmt, "application/octet-stream")
    response["X-Checksum-SHA256"] = f.sha256
    response["Cache-Control"] = "public, max-age=3600, immutable"  # the name changes with the content
    return response
