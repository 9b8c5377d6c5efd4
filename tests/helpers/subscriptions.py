"""Publishing records the way the back office does, and reading what the servers received."""

from __future__ import annotations

import hashlib
import hmac
import re

from gongkai.disclosures import services
from tests.helpers.disclosures import award_data

MATCHING_TITLE = "六安市城区2026年老旧小区改造工程施工中标结果公告"
OTHER_TITLE = "六安市体育中心维修工程施工中标结果公告"
QUERY = {"q": "老旧小区"}
SITE_URL = "https://gongkai.example.cn"


def publish(capture, *, publisher, reviewer, centre, award_item, title=MATCHING_TITLE, project=None):
    """Draft → review → approve → publish, with the on-commit hooks run (indexing, scan, pushes)."""
    data = award_data(title=title)
    data["fields"]["project_name"] = project or title.removesuffix("中标结果公告")
    with capture(execute=True):
        d = services.create_draft(actor=publisher, organization=centre, item=award_item, data=data)
        d = services.submit(actor=publisher, disclosure=d)
        d = services.review(actor=reviewer, disclosure=d, comment="无涉密内容")
        services.mask_personal_data(actor=reviewer, disclosure=d)
        d = services.approve(actor=reviewer, disclosure=d)
        d = services.publish(actor=publisher, disclosure=d)
    return d


def signature_ok(secret: str, request) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, request.headers.get("X-Gongkai-Signature", ""))


def subject(message) -> str:
    # Django folds a long encoded Subject onto the next line; unfolding leaves a leading space, which readers drop.
    return str(message["Subject"]).strip()


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def link_in(text: str, path_fragment: str) -> str:
    match = re.search(rf"https?://\S*{re.escape(path_fragment)}\S*/", text)
    assert match, f"no link containing {path_fragment!r} in:\n{text}"
    return match.group(0)
