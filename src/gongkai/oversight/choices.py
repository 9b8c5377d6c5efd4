from django.db import models


class FindingState(models.TextChoices):
    OPEN = "open", "待整改"
    RECTIFIED = "rectified", "已整改待验收"
    ACCEPTED = "accepted", "整改已验收"
    REOPENED = "reopened", "验收未通过，重新整改"


# Findings the organization still has to act on (an overdue one of these is an overdue rectification).
UNRECTIFIED_STATES = (FindingState.OPEN, FindingState.REOPENED)


class ReminderKind(models.TextChoices):
    DUE_SOON = "due_soon", "即将到期"
    OVERDUE = "overdue", "已逾期"
