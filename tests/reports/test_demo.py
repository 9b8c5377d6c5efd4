"""`load_demo()` leaves a published 2025 annual report and a 2026 draft for the Lu'an trading centre."""

from __future__ import annotations

from gongkai.demo.reports import load_demo_reports, read_reports
from gongkai.demo.services import load_demo
from gongkai.reports.models import Report

DEMO_USCC = read_reports()[0]["organization"]  # data/demo/reports/luan.yaml


def test_demo_reports(db, client):
    load_demo()
    reports = {r.year: r for r in Report.objects.filter(organization__uscc=DEMO_USCC)}
    assert reports[2025].state == "published"
    assert reports[2025].versions.count() == 1
    assert reports[2026].state == "draft"
    assert client.get(f"/reports/{reports[2025].pk}/").status_code == 200
    assert client.get(f"/reports/{reports[2026].pk}/").status_code == 404
    assert client.get(f"/api/annual-reports/{DEMO_USCC}/2025").status_code == 200
    load_demo_reports()  # again: nothing new
    assert Report.objects.filter(organization__uscc=DEMO_USCC).count() == 2
    assert reports[2025].versions.count() == 1
