"""The demo loads a few inspection findings, one with an overdue rectification, and loading twice adds nothing."""

from __future__ import annotations

from django.utils import timezone

from gongkai.demo.oversight import load_demo_oversight
from gongkai.demo.services import load_demo
from gongkai.oversight.models import Finding


def test_demo_findings(db):
    load_demo()
    assert Finding.objects.count() == 3
    overdue = Finding.objects.overdue(timezone.localdate())
    assert [f.organization.name for f in overdue] == ["六安市公共资源交易中心"]
    assert Finding.objects.filter(state="rectified").count() == 1
    assert load_demo_oversight() == []
    assert Finding.objects.count() == 3
