from django.db import models


class State(models.TextChoices):
    DRAFT = "draft", "草稿"
    SUBMITTED = "submitted", "待保密审查"
    REVIEWED = "reviewed", "待审批"
    APPROVED = "approved", "待发布"
    PUBLISHED = "published", "已发布"
    WITHDRAWN = "withdrawn", "已撤回"


class Validity(models.TextChoices):
    VALID = "valid", "有效"
    EXPIRED = "expired", "失效"
    REPEALED = "repealed", "废止"


class RevisionStatus(models.TextChoices):
    PROPOSED = "proposed", "待审核的更正"
    PUBLISHED = "published", "现行版本"
    SUPERSEDED = "superseded", "已被更正"
    REJECTED = "rejected", "更正未通过"


class LinkKind(models.TextChoices):
    INTERPRETATION = "interpretation", "政策解读"
    CORRECTION = "correction", "更正公告"
    STAGE = "stage", "同一交易的其他环节"
    RELATED = "related", "相关信息"


class CopyState(models.TextChoices):
    PENDING = "pending", "待抄送"
    SENT = "sent", "已抄送"


BODY_MARK_FULL = "此件公开发布"
BODY_MARK_REDACTED = "本文有删减"
