from django.db import models


class EntityKind(models.TextChoices):
    """主体类别 (民法典: 法人、非法人组织; 个体工商户 registered on its own)."""

    LEGAL_PERSON = "legal_person", "法人"
    UNINCORPORATED = "unincorporated", "非法人组织"
    INDIVIDUAL_BUSINESS = "individual_business", "个体工商户"


class RecordKind(models.TextChoices):
    """The kinds of market-entity credit information of Lu'an art. 5."""

    REGISTRATION = "registration", "主体登记信息"
    LICENCE = "licence", "行政许可信息"
    PENALTY = "penalty", "行政处罚信息"
    HONOUR = "honour", "信誉业绩信息"
    OTHER = "other", "其他信息"


class RecordState(models.TextChoices):
    PUBLIC = "public", "公示中"
    NOT_DISCLOSED = "not_disclosed", "不予公示"
    EXPIRED = "expired", "公示期满"
    REPAIRED = "repaired", "已信用修复，提前停止公示"
    WITHDRAWN = "withdrawn", "已撤回"


class BlacklistState(models.TextChoices):
    DRAFT = "draft", "草稿（退回修改）"
    SUBMITTED = "submitted", "列入待审核"
    LISTED = "listed", "已列入"
    REMOVAL_SUBMITTED = "removal_submitted", "移出待审核"
    REMOVED = "removed", "已移出"
    EXPIRED = "expired", "有效期届满"
    REVOKED = "revoked", "已撤销"


class RemovalKind(models.TextChoices):
    REMOVED = "removed", "移出名单"  # conditions met, or credit repair
    REVOKED = "revoked", "撤销认定"  # the decision was changed, revoked, held illegal or void


class BlacklistReason(models.TextChoices):
    """列入事由: the dishonest conduct, by category (the facts are in the entry's reason text)."""

    DEFRAUD = "defraud", "骗取公共资源"
    COLLUSION = "collusion", "串通投标、严重破坏公平竞争"
    FALSIFICATION = "falsification", "弄虚作假、提供虚假材料"
    BRIBERY = "bribery", "行贿谋取中标（成交）"
    BREACH = "breach", "拒不签订或履行合同"
    OBSTRUCTION = "obstruction", "拒不履行法定义务或执行处罚决定"
    OTHER = "other", "其他严重失信行为"


class PartyRole(models.TextChoices):
    """主体角色 in the transaction where the conduct happened."""

    BIDDER = "bidder", "投标人（竞买人、供应商）"
    WINNER = "winner", "中标（成交）人"
    TENDERER = "tenderer", "招标人（采购人、出让人）"
    AGENCY = "agency", "招标（采购）代理机构"
    EXPERT = "expert", "评标（评审）专家所在单位"
    OTHER = "other", "其他"


class PublicationScope(models.TextChoices):
    """公开范围: only `public` entries are on the public list; `shared` ones go to other authorities only."""

    PUBLIC = "public", "向社会公开"
    SHARED = "shared", "政府部门间共享"


class RepairState(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "准予修复"
    REJECTED = "rejected", "不予修复"
