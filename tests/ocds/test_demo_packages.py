"""Must show (a): the OCDS release and record packages of every demo transaction validate with 0 errors against the
OCDS 1.1.5 schemas (committed copy, offline), and the releases also against the schema with our extension."""

from __future__ import annotations

from gongkai.demo.services import load_demo
from gongkai.disclosures.models import Disclosure
from gongkai.ocds import packages
from gongkai.ocds.releases import ocid_for, parse_release_id, releases_for_transaction
from gongkai.ocds.validation import errors
from gongkai.transactions.models import TransactionStep
from gongkai.transactions.selectors import with_details


def test_every_demo_transaction_validates(db):
    load_demo()
    transactions = list(with_details(packages.public_transactions()))
    assert len(transactions) >= 24
    uri = "http://testserver/api/ocds"
    release_count = 0
    exported: set[int] = set()
    for t in transactions:
        releases = releases_for_transaction(t)
        assert releases, t.code
        release_count += len(releases)
        exported |= {parse_release_id(r["id"])[0] for r in releases}
        release_package = packages.release_package(releases, uri=uri, jurisdiction=t.jurisdiction)
        assert errors(release_package, "release-package-schema.json") == [], t.code
        for release in releases:
            assert errors(release, "release-schema.json", extended=True) == [], (t.code, release["id"])
        record_package = packages.record_package(
            [packages.record_of(t)], uri=uri, jurisdiction=t.jurisdiction
        )
        assert errors(record_package, "record-package-schema.json") == [], t.code
        assert (
            errors(record_package["records"][0]["compiledRelease"], "release-schema.json", extended=True)
            == []
        )
        assert record_package["records"][0]["ocid"] == ocid_for(t.code)
    assert release_count >= 60

    # records that belong to no transaction (catalogs, policies, credit records) stay out of OCDS
    steps = set(TransactionStep.objects.values_list("disclosure_id", flat=True))
    assert exported <= steps
    assert Disclosure.objects.published().exclude(pk__in=steps).count() > 100

    # the winner the demo lists as seriously dishonest before the award carries that status in the award release
    stadium = next(t for t in transactions if t.title == "六安市体育中心附属设施改造工程施工")
    award = next(
        r
        for r in releases_for_transaction(stadium)
        if r["tag"] == ["award"] and r["awards"][0]["status"] == "active"
    )
    supplier_id = award["awards"][0]["suppliers"][0]["id"]
    winner = next(p for p in award["parties"] if p["id"] == supplier_id)
    assert winner["details"]["blacklist"]["listed"] is True
    assert winner["details"]["blacklist"]["decisionNumber"] == "六公管罚〔2026〕3号"

    # the validator can fail: a release without its ocid, a bad tag and a bad amount are each an error
    broken = dict(releases_for_transaction(transactions[0])[0])
    del broken["ocid"]
    broken["tag"] = ["notATag"]
    problems = errors(packages.release_package([broken], uri=uri), "release-package-schema.json")
    assert len(problems) >= 2
