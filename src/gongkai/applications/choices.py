"""Codes of the application procedure. Applicant kinds and reply types with their grounds follow the columns
and rows of the annual report's table 三 (国办公开办函〔2021〕30号; cn-rules.md §2.3), so the statistics can be
counted from the ledger without mapping."""

from __future__ import annotations

from django.db import models


class ApplicantKind(models.TextChoices):
    NATURAL_PERSON = "natural_person", "自然人"
    BUSINESS = "business", "商业企业"
    RESEARCH = "research", "科研机构"
    NONPROFIT = "nonprofit", "社会公益组织"
    LEGAL_SERVICE = "legal_service", "法律服务机构"
    OTHER_ORG = "other_org", "其他"


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", "居民身份证"
    PASSPORT = "passport", "护照"
    HK_MACAO = "hk_macao", "港澳居民来往内地通行证"
    TAIWAN = "taiwan", "台湾居民来往大陆通行证"
    OTHER = "other", "其他有效身份证件"
    USCC = "uscc", "统一社会信用代码"


class Channel(models.TextChoices):
    IN_PERSON = "in_person", "当面提交"
    POST = "post", "邮寄"
    LETTER = "letter", "平常信函"
    ONLINE = "online", "互联网"
    FAX = "fax", "传真"


# 第三十一条: channels whose receipt date is the day both sides confirm, not a day of the act itself.
CONFIRMED_CHANNELS = frozenset({Channel.LETTER, Channel.ONLINE, Channel.FAX})


class DeliveryForm(models.TextChoices):
    PAPER = "paper", "纸质"
    ELECTRONIC = "electronic", "电子"


class DeliveryWay(models.TextChoices):
    PICKUP = "pickup", "自行领取"
    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    FAX = "fax", "传真"
    ONLINE = "online", "网上查阅"


class State(models.TextChoices):
    PENDING = "pending", "待确认收到"
    RECEIVED = "received", "办理中"
    CORRECTION_REQUESTED = "correction_requested", "待补正"
    IN_CONSULTATION = "in_consultation", "征求意见中"
    EXTENDED = "extended", "已延期"
    AWAITING_FEE = "awaiting_fee", "待缴费"
    REPLIED = "replied", "已答复"
    CLOSED = "closed", "已终止"


OPEN_STATES = frozenset(
    {State.PENDING, State.RECEIVED, State.CORRECTION_REQUESTED, State.IN_CONSULTATION, State.EXTENDED,
     State.AWAITING_FEE}
)  # fmt: skip
# States in which the reply period runs (or is paused by a consultation).
CLOCK_STATES = frozenset({State.RECEIVED, State.IN_CONSULTATION, State.EXTENDED})


class ReplyType(models.TextChoices):
    DISCLOSED = "disclosed", "予以公开"
    PARTIAL = "partial", "部分公开"
    WITHHELD = "withheld", "不予公开"
    UNAVAILABLE = "unavailable", "无法提供"
    NOT_HANDLED = "not_handled", "不予处理"
    OTHER = "other", "其他处理"


class ReplyGround(models.TextChoices):
    # 不予公开 (arts. 14–16, 36(七)); codes as data/vocabulary.yaml withheld_grounds
    STATE_SECRET = "state_secret", "属于国家秘密"
    PROHIBITED_BY_LAW = "prohibited_by_law", "其他法律行政法规禁止公开"
    SECURITY_STABILITY = "security_stability", "危及“三安全一稳定”"
    THIRD_PARTY_RIGHTS = "third_party_rights", "保护第三方合法权益"
    INTERNAL_AFFAIRS = "internal_affairs", "属于三类内部事务信息"
    PROCESS_INFORMATION = "process_information", "属于四类过程性信息"
    ENFORCEMENT_FILES = "enforcement_files", "属于行政执法案卷"
    ADMINISTRATIVE_QUERY = "administrative_query", "属于行政查询事项"
    # 无法提供
    NOT_HELD = "not_held", "本机关不掌握相关政府信息"
    NEEDS_CREATION = "needs_creation", "没有现成信息需要另行制作"
    STILL_UNCLEAR = "still_unclear", "补正后申请内容仍不明确"
    # 不予处理
    PETITION = "petition", "信访举报投诉类申请"
    REPEAT = "repeat", "重复申请"
    PUBLICATION = "publication", "要求提供公开出版物"
    EXCESSIVE = "excessive", "无正当理由大量反复申请"
    CONFIRM_OR_REISSUE = "confirm_or_reissue", "要求行政机关确认或重新出具已获取信息"
    # 其他处理
    UNCORRECTED = "uncorrected", "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    UNPAID = "unpaid", "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    OTHER = "other", "其他"


G = ReplyGround
# Which grounds each reply type takes, in the table's order; an empty tuple means the type takes none.
GROUNDS_BY_TYPE: dict[str, tuple[ReplyGround, ...]] = {
    ReplyType.DISCLOSED: (),
    ReplyType.PARTIAL: (),
    ReplyType.WITHHELD: (G.STATE_SECRET, G.PROHIBITED_BY_LAW, G.SECURITY_STABILITY, G.THIRD_PARTY_RIGHTS,
                         G.INTERNAL_AFFAIRS, G.PROCESS_INFORMATION, G.ENFORCEMENT_FILES, G.ADMINISTRATIVE_QUERY),
    ReplyType.UNAVAILABLE: (G.NOT_HELD, G.NEEDS_CREATION, G.STILL_UNCLEAR),
    ReplyType.NOT_HANDLED: (G.PETITION, G.REPEAT, G.PUBLICATION, G.EXCESSIVE, G.CONFIRM_OR_REISSUE),
    ReplyType.OTHER: (G.UNCORRECTED, G.UNPAID, G.OTHER),
}  # fmt: skip


class ConsultationKind(models.TextChoices):
    THIRD_PARTY = "third_party", "第三方（第三十二条）"
    OTHER_BODY = "other_body", "其他机关（第三十四条）"


class ConsultationOutcome(models.TextChoices):
    CONSENT = "consent", "同意公开"
    OBJECTION = "objection", "不同意公开"
    NO_ANSWER = "no_answer", "逾期未提出意见"


class ConsultationDecision(models.TextChoices):
    """What the body decided after the consultation (第三十二条; 第十五条 for the public interest)."""

    WITHHOLD = "withhold", "采纳第三方意见，不予公开"
    DISCLOSE = "disclose", "予以公开（第三方同意或逾期未提出意见）"
    PUBLIC_INTEREST = "public_interest", "不公开可能对公共利益造成重大影响，决定予以公开（第十五条）"


class FeeMethod(models.TextChoices):
    """国办函〔2020〕109号 第三条: per application (按件) or per page (按量), never both for one application."""

    PER_PIECE = "per_piece", "按件计收"
    PER_PAGE = "per_page", "按量计收"


class FeeOutcome(models.TextChoices):
    PENDING = "pending", "待缴费"
    PAID = "paid", "已缴费"
    WAIVED = "waived", "已减免"
    UNPAID = "unpaid", "逾期未缴费"


class RemedyKind(models.TextChoices):
    """The groups of the annual report's table 四 (cn-rules.md §2.4)."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER = "litigation_after", "行政诉讼（复议后起诉）"


class RemedyResult(models.TextChoices):
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已逾期"


class ApplicantMail(models.TextChoices):
    """The moments the applicant is told by e-mail (when they gave an address)."""

    RECEIPT = "receipt", "收到申请"
    CORRECTION = "correction", "告知补正"
    EXTENSION = "extension", "延期答复"
    FEE = "fee", "收费通知"
    REPLY = "reply", "答复"
