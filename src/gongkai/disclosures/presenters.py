"""What the public sees of a disclosure: the published revision's content and metadata, history, links."""

from __future__ import annotations

import datetime as dt
from typing import Any

from gongkai.catalog.vocabulary import vocabulary
from gongkai.disclosures.choices import State, Validity
from gongkai.disclosures.models import Disclosure
from gongkai.disclosures.selectors import links_of, revisions_of


def public_view(d: Disclosure, number: int | None = None) -> dict[str, Any] | None:
    """The context of the public page: the current revision, or an earlier one by number (None if no such)."""
    revisions = revisions_of(d)
    if not revisions:
        return None
    current = revisions[0]
    shown = current if number is None else next((r for r in revisions if r.number == number), None)
    if shown is None:
        return None
    vocab = vocabulary()
    content = shown.content
    metadata = [
        ("发布机构", d.organization.name),
        ("标题名称", content["title"]),
        ("文号", content.get("doc_no") or "无"),
        ("组配分类", f"{d.catalog_item.domain.name} · {d.catalog_item.category}"),
        ("主题分类", vocab.subjects.get(content.get("subject") or "", "无")),
        ("体裁分类", vocab.genres.get(content.get("genre") or "", "无")),
        ("索引号", d.index_no),
        ("发布日期", f"{d.published_on:%Y-%m-%d}"),
        ("信息来源", content.get("info_source") or d.organization.name),
        ("关键字", content.get("keywords") or "无"),
        ("有效期", f"至 {content['valid_until']}" if content.get("valid_until") else "长期"),
        ("效力状态", Validity(d.validity).label),
    ]
    return {
        "disclosure": d,
        "content": content,
        "revision": shown,
        "is_current": shown.pk == current.pk,
        "current": current,
        "revisions": revisions,
        "corrected": len(revisions) > 1,
        "withdrawn": d.state == State.WITHDRAWN,
        "metadata": metadata,
        "formed_on": dt.date.fromisoformat(content["formed_on"]) if content.get("formed_on") else None,
        "links": links_of(d),
        "attachments": list(d.attachments.all()) if d.state == State.PUBLISHED else [],
    }
