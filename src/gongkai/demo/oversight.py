"""Demo inspection findings (监督检查), from `data/demo/oversight/<slug>.yaml` (docs/demo.md): in Lu'an one overdue
rectification against the trading centre, one rectified and awaiting acceptance, recorded by the demo supervisor
through the services. Dates are relative to today so the overdue one stays overdue."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from gongkai.core.errors import DomainError
from gongkai.core.yamlfile import read_yaml
from gongkai.demo.datafile import read_dated
from gongkai.orgs.models import Organization
from gongkai.oversight import services
from gongkai.oversight.models import Finding

logger = logging.getLogger(__name__)


def load_demo_oversight(today: dt.date | None = None) -> list[Finding]:
    """Idempotent: a finding with the same text is not recorded twice."""
    today = today or timezone.localdate()
    demo_dir = Path(settings.DATA_DIR) / "demo"
    users = get_user_model().objects
    out = []
    for j in read_yaml(demo_dir / "organizations.yaml").data["jurisdictions"]:
        path = demo_dir / "oversight" / f"{j['slug']}.yaml"
        if not path.exists():
            continue
        data = read_dated(path, today)
        supervisor = users.filter(username=data["supervisor"]).first()
        try:
            for f in data["findings"]:
                organization = Organization.objects.filter(uscc=f["organization"]).first()
                if (
                    supervisor is None
                    or organization is None
                    or Finding.objects.filter(finding=f["finding"]).exists()
                ):
                    continue
                answer = f.pop("rectification", None)
                finding = services.record_finding(actor=supervisor, **{**f, "organization": organization})
                if answer:
                    by = users.get(username=answer.pop("by"))
                    finding = services.record_rectification(actor=by, finding=finding, **answer)
                out.append(finding)
        except DomainError as exc:  # demo data must never stop the demo from starting
            logger.warning("demo oversight findings not loaded: %s", exc.message)
    return out
