"""`gongkai ocds export` writes both packages, valid, for all public transactions or a jurisdiction's."""

from __future__ import annotations

import datetime as dt
import io
import json

from django.core.management import call_command

from gongkai.ocds.releases import ocid_for
from gongkai.ocds.validation import errors


def test_export_writes_valid_packages(build, tmp_path):
    t = build.transaction()
    build.step(t, "construction.tender_notice", published_on=dt.date(2026, 3, 3),
               fields={"tenderer": build.owner.name, "tenderer_uscc": build.owner.uscc, "bid_deadline": "2026-03-25"})  # fmt: skip
    releases, records, out = tmp_path / "releases.json", tmp_path / "records.json", io.StringIO()
    call_command("ocds", "export", "--releases", str(releases), "--records", str(records), "--jurisdiction", "341500",
                 stdout=out)  # fmt: skip
    release_package = json.loads(releases.read_text(encoding="utf-8"))
    record_package = json.loads(records.read_text(encoding="utf-8"))
    assert errors(release_package, "release-package-schema.json") == []
    assert errors(record_package, "record-package-schema.json") == []
    assert [r["ocid"] for r in record_package["records"]] == [ocid_for(t.code)]
    assert release_package["uri"].endswith("/api/ocds/releases?jurisdiction=341500")
    assert "六安市" in release_package["publisher"]["name"]
    assert "1 个交易项目、1 条发布" in out.getvalue()
