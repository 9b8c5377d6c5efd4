"""The OCDS endpoints: release packages paged with a cursor and filtered by jurisdiction (with children), one
release, the record of an ocid, the extension files, the policy page — and what they refuse."""

from __future__ import annotations

import base64
import datetime as dt

from gongkai.disclosures import services as disclosure_services
from gongkai.ocds.releases import ocid_for
from gongkai.ocds.validation import errors
from tests.disclosures.fixtures import WINNER_USCC

D = dt.date


def two_transactions(build):
    owner = {"tenderer": build.owner.name, "tenderer_uscc": build.owner.uscc}
    out = []
    for n in range(2):
        t = build.transaction(title=f"六安市第一中学教学楼改造工程（{n + 1}）")
        build.step(
            t,
            "construction.tender_notice",
            published_on=D(2026, 3, 3),
            fields={**owner, "bid_deadline": "2026-03-25"},
        )
        build.step(t, "construction.award", published_on=D(2026, 4, 10),
                   fields={**owner, "winner": "安徽建工集团股份有限公司", "winner_uscc": WINNER_USCC, "bid_price": "980000.00"})  # fmt: skip
        out.append(t)
    return out


def test_release_packages_are_paged_with_a_cursor(client, build, django_assert_max_num_queries):
    first, second = two_transactions(build)
    with django_assert_max_num_queries(20):
        response = client.get("/api/ocds/releases?limit=1")
    assert response.status_code == 200
    package = response.json()
    assert errors(package, "release-package-schema.json") == []
    assert {r["ocid"] for r in package["releases"]} == {ocid_for(first.code)}
    assert package["version"] == "1.1"
    assert package["publicationPolicy"].endswith("/ocds/")
    assert package["extensions"][0].endswith("/api/ocds/extension/extension.json")
    assert package["license"]
    next_url = package["links"]["next"]
    response = client.get(next_url.removeprefix("http://127.0.0.1:8000"))
    package = response.json()
    assert {r["ocid"] for r in package["releases"]} == {ocid_for(second.code)}
    assert "links" not in package or package["links"] is None

    # a bigger page costs no more queries: no N+1
    with django_assert_max_num_queries(20):
        assert len(client.get("/api/ocds/releases?limit=100").json()["releases"]) == 4


def test_jurisdiction_filter_takes_children_and_names_the_publisher(client, build):
    two_transactions(build)
    anhui = client.get("/api/ocds/releases?jurisdiction=340000").json()  # Lu'an is a city of Anhui
    assert len(anhui["releases"]) == 4
    assert "安徽省" in anhui["publisher"]["name"]
    assert client.get("/api/ocds/releases?jurisdiction=140100").json()["releases"] == []
    assert client.get("/api/ocds/releases?jurisdiction=999999").status_code == 404


def test_bad_parameters_are_refused_with_a_message(client, db):
    huge = base64.urlsafe_b64encode(b"t" + b"9" * 30).decode().rstrip("=")
    for query in ("cursor=bad!", "cursor=Zm9v", f"cursor={huge}", "limit=0", "limit=101", "jurisdiction=34"):
        response = client.get(f"/api/ocds/releases?{query}")
        assert response.status_code == 422, query
        assert set(response.json()) >= {"code", "message"}


def test_one_release_and_a_record(client, build):
    t, _ = two_transactions(build)
    release = client.get("/api/ocds/releases?limit=1").json()["releases"][0]
    response = client.get(f"/api/ocds/releases/{release['id']}")
    assert response.status_code == 200
    assert response.json()["releases"] == [release]
    assert client.get("/api/ocds/releases/d999999-v1").status_code == 404

    response = client.get(f"/api/ocds/records/{ocid_for(t.code)}")
    assert response.status_code == 200
    package = response.json()
    assert errors(package, "record-package-schema.json") == []
    (record,) = package["records"]
    assert record["compiledRelease"]["awards"][0]["status"] == "active"
    assert "versionedRelease" in record
    assert client.get(f"/api/ocds/records/ocds-other1-{t.code}").status_code == 404
    assert client.get("/api/ocds/records/ocds-test00-NOPE").status_code == 404


def test_a_withdrawn_release_is_no_longer_served(client, build):
    t, _ = two_transactions(build)
    award = t.steps.get(stage__code="award").disclosure
    disclosure_services.withdraw(actor=build.reviewer, disclosure=award, reason="内容有误")
    assert client.get(f"/api/ocds/releases/d{award.pk}-v1").status_code == 404
    response = client.get(f"/api/ocds/releases/d{award.pk}-withdrawn")
    assert response.json()["releases"][0]["tag"] == ["awardCancellation"]


def test_extension_files_and_policy_page(client, db):
    extension = client.get("/api/ocds/extension/extension.json").json()
    assert extension["schemas"] == ["release-schema.json"]
    assert extension["documentationUrl"]["zh"].endswith("/ocds/")
    patch = client.get("/api/ocds/extension/release-schema.json").json()
    assert "candidateRank" in patch["definitions"]["Award"]["properties"]
    assert client.get("/api/ocds/extension/other.json").status_code == 404

    page = client.get("/ocds/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "不发布什么" in text
    assert "中标候选人公示" in text
