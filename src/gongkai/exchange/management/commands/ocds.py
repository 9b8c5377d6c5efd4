"""`gongkai ocds export`: the OCDS release package and record package of every public transaction (or those of a
jurisdiction with its children) written to files, e.g. to check them with libcoveocds (docs/ocds.md)."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from gongkai.catalog import selectors as catalog_selectors
from gongkai.core.errors import DomainError
from gongkai.ocds import packages
from gongkai.ocds.releases import Blacklist, party_codes
from gongkai.transactions.selectors import with_details


class Command(BaseCommand):
    help = "导出开放合同数据：gongkai ocds export --releases 文件 --records 文件 [--jurisdiction 代码]"

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export"])
        parser.add_argument(
            "--releases", type=Path, required=True, help="发布包（release package）写入的文件"
        )
        parser.add_argument("--records", type=Path, required=True, help="记录包（record package）写入的文件")
        parser.add_argument("--jurisdiction", help="行政区划代码（含下级）")
        parser.add_argument("--uri", help="包的地址（uri），默认为开放接口上相应发布包的地址")

    def handle(self, *args, releases: Path, records: Path, jurisdiction: str | None, uri: str | None, **opts):
        try:
            j = catalog_selectors.get_jurisdiction(jurisdiction) if jurisdiction else None
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        transactions = list(with_details(packages.public_transactions(j)))
        blacklist = Blacklist()
        blacklist.prime(party_codes(transactions))
        all_records = [packages.record_of(t, blacklist=blacklist) for t in transactions]
        all_releases = [r for record in all_records for r in record["releases"]]
        query = f"?jurisdiction={j.code}" if j else ""
        uri = uri or settings.SITE_URL.rstrip("/") + reverse("api:ocds_releases") + query
        for path, package in (
            (releases, packages.release_package(all_releases, uri=uri, jurisdiction=j)),
            (records, packages.record_package(all_records, uri=uri, jurisdiction=j)),
        ):
            path.write_text(json.dumps(package, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        self.stdout.write(
            f"已导出 {len(transactions)} 个交易项目、{len(all_releases)} 条发布：{releases}、{records}"
        )
