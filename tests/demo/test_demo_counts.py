"""`gongkai demo` loads the same demo whatever form its content takes: the records it creates, counted by kind, and a
fingerprint of their content are compared with demo_counts.json (on a fixed day, since demo dates are relative to
today). A change to the demo content changes the expected figures on purpose: rewrite the file from the failure's
`actual` and say why in the commit."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import zoneinfo
from collections import Counter
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db import connection, models

from gongkai.demo.services import load_demo

EXPECTED = Path(__file__).with_name("demo_counts.json")
DAY = dt.datetime(2026, 11, 16, 10, tzinfo=zoneinfo.ZoneInfo("Asia/Shanghai"))
# Natural keys for foreign keys: primary keys differ between databases (PostgreSQL sequences survive rollbacks).
NATURAL = {
    "disclosures.Disclosure": "external_id",
    "orgs.Organization": "uscc",
    "auth.User": "username",
    "catalog.Jurisdiction": "code",
    "catalog.CatalogItem": "key",
    "catalog.Domain": "code",
    "catalog.Stage": "code",
    "credit.Entity": "uscc",
    "applications.Application": "registration_no",
    "complaints.Complaint": "registration_no",
}
RULE_APPS = {"workdays", "catalog"}  # loaded by `gongkai setup`, not by the demo
# not demo content: framework tables and the task queue
SKIPPED_MODELS = {
    "core.AuditHead",
    "django_tasks_database.DBTaskResult",
    "sessions.Session",
    "auth.Permission",
    "contenttypes.ContentType",
    "admin.LogEntry",
}


def _plain(value: Any) -> Any:
    """JSON content without database ids and times of day (`…_at`)."""
    if isinstance(value, dict):
        return {
            k: _plain(v) for k, v in value.items() if k not in ("id", "pk") and not k.endswith(("_id", "_at"))
        }
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _row(obj: models.Model) -> list[Any]:
    row = []
    for f in obj._meta.concrete_fields:
        if f.primary_key or isinstance(f, models.DateTimeField) or f.name in ("password", "last_login"):
            continue
        if "hash" in f.name or "secret" in f.name:
            continue
        if f.is_relation:
            label = f.related_model._meta.label
            if label in NATURAL and getattr(obj, f.attname) is not None:
                row.append(getattr(getattr(obj, f.name), NATURAL[label]))
            continue
        value = getattr(obj, f.attname)
        row.append(_plain(value) if isinstance(f, models.JSONField) else str(value))
    return row


def demo_figures() -> dict[str, Any]:
    """Rows per model, the demo disclosures by state, jurisdiction, item, validity and revision status, the
    transactions' steps by stage, credit by kind and state, and a SHA-256 per model over its sorted rows."""
    from gongkai.credit.models import BlacklistEntry, CreditRecord
    from gongkai.disclosures.models import Disclosure, DisclosureLink, Revision, SupervisorCopy
    from gongkai.transactions.models import TransactionStep

    demo = Disclosure.objects.filter(external_id__startswith="demo-")
    counts: dict[str, Any] = {}
    fingerprints: dict[str, str] = {}
    for model in apps.get_models():
        label = model._meta.label
        if model._meta.app_label in RULE_APPS or label in SKIPPED_MODELS:
            continue
        counts[label] = model.objects.count()
        if label in ("core.AuditEntry", "search.SearchOutbox"):
            continue
        rows = sorted(json.dumps(_row(o), ensure_ascii=False, sort_keys=True) for o in model.objects.all())
        fingerprints[label] = hashlib.sha256("\n".join(rows).encode()).hexdigest()
    by = {
        "demo disclosures by state": Counter(demo.values_list("state", flat=True)),
        "demo disclosures by jurisdiction": Counter(demo.values_list("jurisdiction__code", flat=True)),
        "demo disclosures by item": Counter(demo.values_list("catalog_item__key", flat=True)),
        "demo disclosures by validity": Counter(demo.values_list("validity", flat=True)),
        "revisions by status": Counter(Revision.objects.values_list("status", flat=True)),
        "links by kind": Counter(DisclosureLink.objects.values_list("kind", flat=True)),
        "copies by state": Counter(SupervisorCopy.objects.values_list("state", flat=True)),
        "transaction steps by stage": Counter(TransactionStep.objects.values_list("stage__code", flat=True)),
        "credit records by kind": Counter(CreditRecord.objects.values_list("kind", flat=True)),
        "blacklist entries by state": Counter(BlacklistEntry.objects.values_list("state", flat=True)),
    }
    return {
        "counts": counts,
        **{name: dict(sorted(c.items())) for name, c in by.items()},
        "fingerprints": fingerprints,
    }


def test_the_demo_loads_the_same_records(db, time_machine):
    time_machine.move_to(DAY)
    load_demo()
    actual = demo_figures()
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert actual["counts"]["disclosures.Disclosure"] > 200  # the demo did load
    for key in ("counts", "fingerprints"):  # a model added since, with no demo rows, changes nothing
        actual[key] = {k: v for k, v in actual[key].items() if k in expected[key] or actual["counts"].get(k)}
    if os.environ.get(
        "GONGKAI_WRITE_DEMO_COUNTS"
    ):  # after a deliberate change to the demo: write, review the diff
        EXPECTED.write_text(
            json.dumps(actual, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
        )
    for key in expected:
        if key == "fingerprints" and connection.vendor != "sqlite":
            # The fingerprints hash rows as the database gives them back (JSON key order, decimals, times differ
            # between SQLite and PostgreSQL); the file holds SQLite's. Counts and breakdowns hold on both.
            continue
        assert actual[key] == expected[key], key
    assert actual.keys() == expected.keys()
