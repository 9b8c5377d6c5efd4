"""RSS 2.0 and Atom feeds of a search: valid XML, newest first, absolute links, plain-text descriptions."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from tests.helpers.subscriptions import MATCHING_TITLE, OTHER_TITLE, SITE_URL, publish

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own feed, made by the code under test


@pytest.fixture
def two_records(publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks):
    kw = {"publisher": publisher, "reviewer": reviewer, "centre": centre, "award_item": award_item}
    first = publish(django_capture_on_commit_callbacks, **kw)
    second = publish(django_capture_on_commit_callbacks, title=OTHER_TITLE, **kw)
    return first, second


def test_the_rss_feed_of_a_search(client, two_records):
    matching, _other = two_records
    response = client.get("/feeds/search.rss", {"q": "老旧小区", "page": "2", "item": "x"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    channel = root.find("channel")
    assert channel.findtext("title") == "公开 · 搜索：老旧小区"
    assert channel.findtext("link").startswith(f"{SITE_URL}/search/?q=")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == [MATCHING_TITLE]
    item = items[0]
    url = f"{SITE_URL}/disclosures/{matching.pk}/"
    assert item.findtext("link") == url
    assert item.findtext("guid") == url
    assert parsedate_to_datetime(item.findtext("pubDate")).date() == matching.published_on
    description = item.findtext("description")
    assert description
    assert "<" not in description
    assert "&amp;" not in description


def test_the_atom_feed_lists_the_newest_first(client, two_records):
    matching, other = two_records
    response = client.get("/feeds/search.atom", {"domain": matching.catalog_item.domain.code})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = parse(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title").startswith("公开 · ")
    entries = root.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [OTHER_TITLE, MATCHING_TITLE]
    hrefs = [e.find(f"{ATOM}link").get("href") for e in entries]
    assert hrefs == [f"{SITE_URL}/disclosures/{other.pk}/", f"{SITE_URL}/disclosures/{matching.pk}/"]
    assert all(e.findtext(f"{ATOM}id") for e in entries)
    assert all(e.findtext(f"{ATOM}updated") for e in entries)


def test_a_feed_without_matches_is_still_a_valid_feed(client, db):
    response = client.get("/feeds/search.rss", {"q": "不存在的关键词组合"})
    assert response.status_code == 200
    channel = parse(response.content).find("channel")
    assert channel.findall("item") == []
