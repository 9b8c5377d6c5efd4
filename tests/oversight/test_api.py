"""GET /api/oversight/summary: public figures and per-organization rows, never the records."""

from __future__ import annotations

import pytest

from tests.helpers.oversight import END, START, TODAY


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: TODAY)


def test_summary_answers_the_figures_and_organization_rows(client, world):
    r = client.get(f"/api/oversight/summary?jurisdiction=341500&from={START}&to={END}")
    assert r.status_code == 200
    data = r.json()
    assert (data["start"], data["end"], data["as_of"]) == (str(START), str(END), str(TODAY))
    figures = {f["code"]: f["value"] for f in data["figures"]}
    assert (figures["due"], figures["on_time"], figures["late"], figures["overdue"]) == (5, 2, 1, 2)
    assert figures["copies_missing"] == 1
    assert figures["applications_late"] == 1
    assert figures["withdrawals"] == 1
    assert "findings_overdue" not in figures  # inspections stay internal
    assert data["on_time_rate"] == 40.0
    rows = {row["name"]: row for row in data["organizations"]}
    assert rows[world.centre.name]["figures"]["on_time"] == 1
    assert rows[world.centre.name]["on_time_rate"] == 50.0
    assert rows[world.county_org.name]["jurisdiction"] == "341502"
    assert world.outside_org.name not in rows
    body = r.content.decode()
    assert "逾期未发布" not in body
    assert "张三" not in body


def test_summary_defaults_to_this_quarter_and_validates(client, world):
    data = client.get("/api/oversight/summary?jurisdiction=341500").json()
    assert (data["start"], data["end"]) == ("2026-01-01", "2026-03-31")
    bad = client.get("/api/oversight/summary?jurisdiction=341500&from=2025-12-01&to=2025-11-01")
    assert bad.status_code == 400
    assert bad.json()["code"] == "invalid_input"
    assert client.get("/api/oversight/summary?jurisdiction=999999").status_code == 404
    assert client.get("/api/oversight/summary").status_code == 422
