"""A feed stays well-formed XML whatever the records hold: a control character typed into a title (pasted from a
word processor) is dropped from the feed instead of making every feed that lists the record fail."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from tests.subscriptions.helpers import publish

pytestmark = pytest.mark.django_db


def test_control_characters_in_a_record_do_not_break_the_feed(
    client, publisher, reviewer, centre, award_item, django_capture_on_commit_callbacks
):
    kw = {"publisher": publisher, "reviewer": reviewer, "centre": centre, "award_item": award_item}
    publish(django_capture_on_commit_callbacks, title="老旧小区\x0b改造\x01工程中标结果公告", **kw)
    for path in ("/feeds/search.rss", "/feeds/search.atom"):
        response = client.get(path, {"q": "老旧小区"})
        assert response.status_code == 200, path
        root = ET.fromstring(response.content)  # noqa: S314 - our own feed, made by the code under test
        assert "老旧小区改造工程中标结果公告" in ET.tostring(root, encoding="unicode")
