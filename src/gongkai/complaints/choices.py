"""Codes of complaint handling (举报, 六安市实施细则第四十二条). Categories are data: data/complaints/categories.yaml."""

from __future__ import annotations

from django.db import models


class State(models.TextChoices):
    RECEIVED = "received", "待受理"
    ACCEPTED = "accepted", "办理中"
    EXPLANATION_REQUESTED = "explanation_requested", "待被举报单位说明"
    DECIDED = "decided", "已认定"
    CLOSED = "closed", "已办结"


OPEN_STATES = frozenset({State.RECEIVED, State.ACCEPTED, State.EXPLANATION_REQUESTED, State.DECIDED})


class Finding(models.TextChoices):
    UPHELD = "upheld", "属实"
    PARTLY_UPHELD = "partly_upheld", "部分属实"
    NOT_UPHELD = "not_upheld", "不属实"


# Findings counted as "upheld" (substantiated at least in part) in complaint_counts.
UPHELD_FINDINGS = frozenset({Finding.UPHELD, Finding.PARTLY_UPHELD})


class StepKind(models.TextChoices):
    RECEIVED = "received", "收到举报"
    ACCEPTED = "accepted", "受理"
    TRANSFERRED = "transferred", "转办"
    EXPLANATION_REQUESTED = "explanation_requested", "要求被举报单位说明情况"
    EXPLANATION_GIVEN = "explanation_given", "被举报单位作出说明"
    DECIDED = "decided", "作出认定"
    RECTIFIED = "rectified", "被举报单位反馈整改情况"
    CLOSED = "closed", "办结"
