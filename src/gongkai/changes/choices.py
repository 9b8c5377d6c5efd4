from django.db import models


class Kind(models.TextChoices):
    DISCLOSURE = "disclosure", "公开信息"
    TRANSACTION = "transaction", "交易项目"
    CREDIT_RECORD = "credit_record", "信用信息"
    BLACKLIST_ENTRY = "blacklist_entry", "严重失信主体名单"
    ANNUAL_REPORT = "annual_report", "政府信息公开工作年度报告"


class Change(models.TextChoices):
    PUBLISHED = "published", "发布"
    CORRECTED = "corrected", "更正"
    WITHDRAWN = "withdrawn", "撤回"
    VALIDITY_CHANGED = "validity_changed", "效力变更"
    UPDATED = "updated", "更新"
    REPAIRED = "repaired", "信用修复"
    EXPIRED = "expired", "期满"
    LISTED = "listed", "列入名单"
    REMOVED = "removed", "移出名单"
