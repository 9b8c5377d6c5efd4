"""Bulk downloads (issue 11 point 3): per jurisdiction (with children) and month and a full snapshot, in JSON Lines,
CSV with BOM and .xlsx, with checksums, rebuilt only when something changed, listed on the data page."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from openpyxl import load_workbook

from gongkai.disclosures import services
from gongkai.opendata import services as opendata
from gongkai.opendata.models import DataFile
from tests.disclosures.fixtures import publish_through_services


@pytest.fixture
def records(publisher, reviewer, centre, award_item):
    september = publish_through_services(publisher, reviewer, centre, award_item, title="六安市开放数据测试工程中标结果公告",
                                         body="根据评标委员会的评审结果，确定中标人如下。", today=dt.date(2026, 9, 30))  # fmt: skip
    october = publish_through_services(publisher, reviewer, centre, award_item, title="=HYPERLINK(\"http://evil/\",\"点我\")工程中标结果公告",
                                       body="根据评标委员会的评审结果，确定中标人如下。", today=dt.date(2026, 10, 9))  # fmt: skip
    return september, october


def close_file(response) -> None:
    """Close the streamed file only: response.close() also sends request_finished, which would close the test's
    database connection (PostgreSQL then fails the rest of the test)."""
    for closer in response._resource_closers:
        closer()


def path_of(f: DataFile) -> Path:
    return Path(settings.OPENDATA_DIR) / f.name


def test_each_month_and_the_snapshot_in_three_formats_with_checksums(records):
    results = opendata.build_all()

    built = {(r.scope, r.period): r.rows for r in results}
    assert built[("all", "all")] == 2
    assert built[("341500", "2026-09")] == built[("341500", "2026-10")] == 1
    assert built[("340000", "all")] == 2  # 安徽省 holds 六安市's records
    for f in DataFile.objects.all():
        assert hashlib.sha256(path_of(f).read_bytes()).hexdigest() == f.sha256
        assert path_of(f).stat().st_size == f.size


def test_csv_has_a_bom_chinese_headers_crlf_and_no_formula(records):
    opendata.build("341500", "2026-10")
    raw = path_of(DataFile.objects.get(scope="341500", period="2026-10", fmt="csv")).read_bytes()

    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:3] == ["记录编号", "页面地址", "标题名称"]
    assert rows[1][2].startswith("'=HYPERLINK")  # shown as text by Excel and WPS, never run


def test_xlsx_opens_with_headers_rows_and_the_dictionary(records):
    opendata.build("all", "all")
    book = load_workbook(path_of(DataFile.objects.get(scope="all", period="all", fmt="xlsx")))

    sheet = book["公开信息"]
    values = list(sheet.values)
    assert values[0][2] == "标题名称"
    assert len(values) == 3
    titles = {row[2] for row in values[1:]}
    assert "六安市开放数据测试工程中标结果公告" in titles
    assert all(sheet.cell(row=r, column=3).data_type == "s" for r in (2, 3))
    assert book["数据字典"]["A1"].value == "列名"


def test_jsonl_has_body_and_fields_and_withdrawn_records_keep_only_the_notice(records, reviewer):
    september, _ = records
    services.withdraw(actor=reviewer, disclosure=september, reason="项目终止")
    opendata.build("341500", "2026-09")
    f = DataFile.objects.get(scope="341500", period="2026-09", fmt="jsonl")
    (row,) = [json.loads(line) for line in path_of(f).read_text(encoding="utf-8").splitlines()]

    assert row["state"] == "已撤回"
    assert row["withdrawal_reason"] == "项目终止"
    assert row["body"] == ""
    assert row["fields"] == {}
    assert row["published_on"] == "2026-09-30"


def test_an_unchanged_month_is_not_rebuilt_and_a_corrected_one_is(records, publisher, reviewer):
    september, _ = records
    opendata.build_all()
    before = {(f.scope, f.period, f.fmt): (f.name, f.generated_at) for f in DataFile.objects.all()}

    assert not any(r.built for r in opendata.build_all())
    rev = services.propose_correction(actor=publisher, disclosure=september, data={"title": "六安市开放数据测试工程中标结果公告（更正）"},
                                      reason="标题有误")  # fmt: skip
    services.decide_correction(actor=reviewer, revision=rev, approve=True, confirm_personal_data=True)
    rebuilt = {(r.scope, r.period) for r in opendata.build_all() if r.built}

    assert ("341500", "2026-09") in rebuilt
    assert ("341500", "2026-10") not in rebuilt
    after = DataFile.objects.get(scope="341500", period="2026-09", fmt="jsonl")
    assert after.name != before[("341500", "2026-09", "jsonl")][0]
    assert not (
        Path(settings.OPENDATA_DIR) / before[("341500", "2026-09", "jsonl")][0]
    ).exists()  # old one removed
    assert "（更正）" in path_of(after).read_text(encoding="utf-8")


def test_the_data_page_lists_files_with_checksums_and_the_dictionary_and_downloads_them(client, records):
    opendata.build_all()
    page = client.get("/data/").content.decode()

    assert "开放数据" in page
    assert "完整快照" in page
    assert "六安市" in page
    assert "数据字典" in page
    assert "统一交易标识码" in page
    f = DataFile.objects.get(scope="all", period="all", fmt="csv")
    assert f.sha256[:12] in page
    response = client.get(f"/data/files/{f.name}")
    assert response.status_code == 200
    assert response["X-Checksum-SHA256"] == f.sha256
    assert hashlib.sha256(b"".join(response.streaming_content)).hexdigest() == f.sha256
    close_file(response)
    assert client.get("/data/files/all/../../secret_key").status_code == 404
    assert client.get("/data/files/all/nothing.csv").status_code == 404


def test_the_api_lists_the_same_files_and_the_dictionary(client, records):
    opendata.build_all()
    files = client.get("/api/data/files", {"scope": "341500"}).json()

    assert {(f["period"], f["format"]) for f in files} >= {
        ("2026-09", "csv"),
        ("2026-10", "xlsx"),
        ("all", "jsonl"),
    }
    one = next(f for f in files if f["period"] == "all" and f["format"] == "csv")
    assert one["sha256"] == DataFile.objects.get(scope="341500", period="all", fmt="csv").sha256
    download = client.get(one["url"])
    assert download.status_code == 200
    close_file(download)
    dictionary = client.get("/api/data/dictionary").json()
    assert dictionary[2] == {"key": "title", "name": "标题名称", "type": "text", "type_name": "文本",
                             "source": dictionary[2]["source"]}  # fmt: skip
