"""Letters of the procedure — the reply (答复书), the consultation letter (征求意见书) and the written notice to a
third party (书面告知) — and the applicant's e-mails, from editable templates.

Default texts are data (data/applications/letters.yaml); an organization may replace any of them
(`LetterTemplate`, saved by `services.save_letter_template`). Placeholders are `${name}`; one unknown to the
letter stays as written, so a typo in an edited template shows instead of vanishing."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from string import Template

from django.conf import settings

from gongkai.applications.choices import ReplyGround, ReplyType
from gongkai.applications.models import Application, Consultation, LetterTemplate
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import read_yaml
from gongkai.orgs.models import Organization

KEY_LABELS: dict[str, str] = {
    "reply.title": "答复书标题",
    "reply.opening": "答复书开头",
    **{f"reply.types.{t.value}": f"答复：{t.label}" for t in ReplyType},
    "reply.types.unavailable.not_held": "答复：无法提供（本机关不掌握，告知负责机关）",
    "reply.types.not_handled.repeat": "答复：不予处理（重复申请）",
    "reply.publication": "答复书：同时主动公开",
    "reply.remedy": "答复书：救济途径",
    "reply.closing": "答复书落款",
    "consultation.title": "征求意见书标题",
    "consultation.body": "征求意见书正文",
    "third_party_notice.title": "书面告知第三方标题",
    "third_party_notice.body": "书面告知第三方正文",
    "mail.receipt": "邮件：收到申请",
    "mail.correction": "邮件：告知补正",
    "mail.extension": "邮件：延期答复",
    "mail.fee": "邮件：收费通知",
    "mail.reply": "邮件：答复",
}


PLACEHOLDERS = (
    "applicant", "registration_no", "receipt_date", "info", "organization", "date", "facts", "ground",
    "ground_basis", "referred_body", "referred_contact", "earlier_no", "earlier_date", "url", "party", "due_on",
    "decision_reasons", "items", "days", "reason", "amount", "basis", "pay_by", "replied_on", "reply_type",
)  # fmt: skip


def letters_path() -> Path:
    return Path(settings.DATA_DIR) / "applications" / "letters.yaml"


@cache
def defaults() -> dict[str, str]:
    """Every default text by dotted key ("reply.types.withheld"), plus the grounds' legal basis."""
    doc = read_yaml(letters_path())
    flat: dict[str, str] = {}

    def walk(prefix: str, node) -> None:
        for k, v in node.items():
            key = f"{prefix}{k}"
            if isinstance(v, dict):
                walk(key + ".", v)
            else:
                flat[key] = str(v)

    walk("", doc.data)
    missing = [k for k in KEY_LABELS if k not in flat]
    if missing:
        raise DataFileError(doc.path, [(None, f"缺少模板“{k}”") for k in missing])
    return flat


def template_text(
    organization: Organization | None, key: str, overrides: dict[str, str] | None = None
) -> str:
    if overrides is None and organization is not None:
        overrides = organization_overrides(organization)
    return (overrides or {}).get(key) or defaults()[key]


def organization_overrides(organization: Organization) -> dict[str, str]:
    return dict(LetterTemplate.objects.filter(organization=organization).values_list("key", "text"))


def fill(text: str, context: dict) -> str:
    return Template(text).safe_substitute({k: "" if v is None else str(v) for k, v in context.items()})


def _day(d: dt.date | None) -> str:
    return f"{d.year}年{d.month}月{d.day}日" if d else ""


@dataclass
class Letter:
    title: str
    paragraphs: list[str]
    closing: list[str] = field(default_factory=list)
    reference: str = ""

    @property
    def text(self) -> str:
        return "\n".join([self.title, self.reference, *self.paragraphs, *self.closing])


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def base_context(app: Application) -> dict:
    return {
        "applicant": app.applicant_name,
        "registration_no": app.registration_no,
        "receipt_date": _day(app.receipt_date),
        "info": app.info_title or app.info_description[:60],
        "organization": app.organization.name,
    }


def reply_key(reply_type: str, ground: str, referred_body: str = "") -> str:
    if reply_type == ReplyType.UNAVAILABLE and ground == ReplyGround.NOT_HELD and referred_body:
        return "reply.types.unavailable.not_held"
    if reply_type == ReplyType.NOT_HANDLED and ground == ReplyGround.REPEAT:
        return "reply.types.not_handled.repeat"
    return f"reply.types.{reply_type}"


def reply_context(app: Application, *, url: str = "") -> dict:
    earlier = app.repeat_of
    return {
        **base_context(app),
        "date": _day(app.replied_on or app.completed_on),
        "facts": app.reply_text,
        "ground": app.get_reply_ground_display() if app.reply_ground else "",
        "ground_basis": defaults().get(f"grounds.{app.reply_ground}", "") if app.reply_ground else "",
        "referred_body": app.referred_body,
        "referred_contact": app.referred_contact or "（未能确定）",
        "earlier_no": earlier.registration_no if earlier else "",
        "earlier_date": _day(earlier.replied_on or earlier.completed_on) if earlier else "",
        "url": url,
    }


def reply_letter(app: Application, *, url: str = "") -> Letter:
    """The reply letter: what was decided (type), on which ground, the facts written by the handler, and how to
    seek a remedy."""
    overrides = organization_overrides(app.organization)
    ctx = reply_context(app, url=url)

    def t(key: str) -> str:
        return fill(template_text(app.organization, key, overrides), ctx)

    paragraphs = _paragraphs(t("reply.opening"))
    paragraphs += _paragraphs(t(reply_key(app.reply_type, app.reply_ground, app.referred_body)))
    if url:
        paragraphs += _paragraphs(t("reply.publication"))
    paragraphs += _paragraphs(t("reply.remedy"))
    return Letter(title=t("reply.title"), paragraphs=paragraphs, closing=_paragraphs(t("reply.closing")),
                  reference=f"（{app.registration_no}）")  # fmt: skip


def consultation_text(app: Application, *, party: str, due_on: dt.date, sent_on: dt.date) -> str:
    ctx = {**base_context(app), "party": party, "due_on": _day(due_on), "date": _day(sent_on)}
    return fill(template_text(app.organization, "consultation.body"), ctx)


def third_party_notice_text(app: Application, c: Consultation, *, reasons: str, on: dt.date) -> str:
    ctx = {**base_context(app), "party": c.party, "decision_reasons": reasons, "date": _day(on)}
    return fill(template_text(app.organization, "third_party_notice.body"), ctx)


def stored_letter(app: Application, title_key: str, text: str, reference: str = "") -> Letter:
    """A letter whose text was generated and recorded when it was sent (consultation, notice to a third party):
    the last two lines are its closing (organization and date)."""
    lines = _paragraphs(text)
    body, closing = (lines[:-2], lines[-2:]) if len(lines) > 2 else (lines, [])
    return Letter(title=template_text(app.organization, title_key), paragraphs=body, closing=closing,
                  reference=reference or f"（{app.registration_no}）")  # fmt: skip


def mail_text(app: Application, kind: str, **context) -> str:
    return fill(template_text(app.organization, f"mail.{kind}"), {**base_context(app), **context})


def to_docx(letter: Letter) -> bytes:
    """The letter as a Word document: a centred title, the reference, the paragraphs, the closing on the right."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(16)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "仿宋")
    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = title.add_run(letter.title)
    run.bold, run.font.size = True, Pt(22)
    if letter.reference:
        ref = doc.add_paragraph(letter.reference)
        ref.alignment = WD_ALIGN_PARAGRAPH.CENTER
    for i, text in enumerate(letter.paragraphs):
        p = doc.add_paragraph(text)
        if i > 0:  # the salutation stays flush left; body paragraphs are indented two characters
            p.paragraph_format.first_line_indent = Pt(32)
    for text in letter.closing:
        p = doc.add_paragraph(text)
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
