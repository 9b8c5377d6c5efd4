"""Demo annual reports, from `data/demo/reports/<slug>.yaml` (docs/demo.md): the Lu'an people's government office's
report for 2025, published, and its draft for 2026. The figures are computed from whatever the demo ledger and
disclosures hold (run after them): the demo applications are dated shortly before today, so they show in the 2026
draft."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.core.yamlfile import read_yaml
from gongkai.demo.datafile import plain
from gongkai.orgs.models import Organization
from gongkai.reports import services
from gongkai.reports.models import State

logger = logging.getLogger(__name__)


def read_reports() -> list[dict[str, Any]]:
    """Every jurisdiction's demo report file (organization, author, reports), in the order of organizations.yaml."""
    demo_dir = Path(settings.DATA_DIR) / "demo"
    paths = [
        demo_dir / "reports" / f"{j['slug']}.yaml"
        for j in read_yaml(demo_dir / "organizations.yaml").data["jurisdictions"]
    ]
    return [plain(read_yaml(path).data) for path in paths if path.exists()]


def load_demo_reports() -> list:
    """Idempotent: a report that exists is left as it is (only an unpublished report to publish is published)."""
    today = timezone.localdate()
    out = []
    for data in read_reports():
        org = Organization.objects.filter(uscc=data["organization"]).first()
        author = get_user_model().objects.filter(username=data["author"]).first()
        if org is None or author is None:
            continue
        for r in data["reports"]:
            if r["year"] > today.year:
                continue
            report = services.create_draft(actor=author, organization=org, year=r["year"], today=today)
            if r.get("publish"):
                if report.state == State.DRAFT and not report.versions.exists():
                    report = services.edit_narrative(actor=author, report=report, data=r["narrative"])
                    try:
                        services.publish(actor=author, report=report)
                    except DomainError as exc:  # the demo ledger does not balance: keep the draft, say why
                        logger.warning("演示年度报告未发布：%s", exc.message)
            elif not report.overview:
                report = services.edit_narrative(actor=author, report=report, data=r["narrative"])
            out.append(report)
    return out
