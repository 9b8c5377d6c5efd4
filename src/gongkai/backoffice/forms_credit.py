"""Back-office forms for credit information. They check shape only; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.core.codes import uscc_problem
from gongkai.credit.choices import (
    BlacklistReason,
    EntityKind,
    PartyRole,
    PublicationScope,
    RecordKind,
    RemovalKind,
)
from gongkai.credit.rules import get_rules


def _date_field(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, help_text=help_text,
                           widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}))  # fmt: skip


def _text_area(label: str, *, required: bool = True, rows: int = 3, help_text: str = "") -> forms.CharField:
    return forms.CharField(label=label, required=required, help_text=help_text,
                           widget=forms.Textarea(attrs={"rows": rows}))  # fmt: skip


class UsccField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("min_length", 18)
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = (super().clean(value) or "").strip().upper()
        if value and (problem := uscc_problem(value)):
            raise forms.ValidationError(problem)
        return value


class EntityForm(forms.Form):
    uscc = UsccField(label="统一社会信用代码")
    name = forms.CharField(label="名称", max_length=200)
    kind = forms.ChoiceField(label="主体类别", choices=EntityKind.choices)
    legal_representative = forms.CharField(
        label="法定代表人（负责人、经营者）", max_length=60, required=False
    )
    registered_address = forms.CharField(label="住所（经营场所）", max_length=300, required=False)
    registration_authority = forms.CharField(label="登记机关", max_length=120, required=False)
    established_on = _date_field("成立日期", required=False)
    renamed_on = _date_field("名称变更日期", required=False, help_text="修改名称时填写，原名称记入曾用名")


def severity_choices() -> list[tuple[str, str]]:
    """Every scheme's classes, as "scheme:class" (blank: the default scheme in force on the decision date)."""
    rules = get_rules()
    choices = [("", "（非行政处罚信息不选）")]
    for scheme in rules.schemes.values():
        for klass in scheme.classes.values():
            choices.append((f"{scheme.key}:{klass.key}", f"{klass.label}（《{scheme.title}》）"))
    return choices


def _split_severity(value: str) -> tuple[str, str]:
    scheme, _sep, severity = (value or "").partition(":")
    return scheme, severity


class CreditRecordForm(forms.Form):
    organization = forms.ModelChoiceField(label="录入机构", queryset=None, empty_label=None)
    uscc = UsccField(label="市场主体统一社会信用代码")
    kind = forms.ChoiceField(label="信息类别", choices=RecordKind.choices)
    title = forms.CharField(
        label="名称", max_length=300, help_text="如：行政处罚决定书、许可证书名称、表彰名称"
    )
    content = _text_area("内容")
    decided_by_name = forms.CharField(label="作出决定的机关", max_length=200)
    decided_by_uscc = UsccField(label="作出决定的机关统一社会信用代码", required=False)
    decided_on = _date_field("决定日期")
    doc_no = forms.CharField(label="决定文书文号", max_length=100, required=False)
    basis = _text_area("依据", required=False, rows=2)
    severity = forms.ChoiceField(
        label="失信程度（行政处罚）", required=False, help_text="决定公示期限；按决定日期适用施行中的规定"
    )
    publicity_from = _date_field("公示起始日期", required=False, help_text="默认为决定日期")
    publicity_until = _date_field(
        "公示截止日期", required=False, help_text="一般不填，由公示期限规则计算；没有适用规则时按决定文书填写"
    )
    disclose = forms.BooleanField(label="确需公示（轻微失信信息原则上不公示）", required=False)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["severity"].choices = severity_choices()

    def to_data(self) -> dict[str, Any]:
        data = {k: v for k, v in self.cleaned_data.items() if k not in ("organization", "uscc", "severity")}
        scheme, severity = _split_severity(self.cleaned_data.get("severity", ""))
        if severity:
            data.update(scheme=scheme, severity=severity)
        data["disclose"] = bool(self.cleaned_data.get("disclose")) or None
        return data


class BlacklistForm(forms.Form):
    organization = forms.ModelChoiceField(label="管理部门", queryset=None, empty_label=None)
    uscc = UsccField(label="主体统一社会信用代码")
    list_name = forms.CharField(label="名单类型", max_length=100, initial="公共资源交易领域严重失信主体名单")
    role = forms.ChoiceField(label="主体角色", choices=[("", "（请选择）"), *PartyRole.choices])
    legal_representative = forms.CharField(label="法定代表人", max_length=60, required=False)
    reason_category = forms.ChoiceField(
        label="列入事由（类别）", choices=[("", "（请选择）"), *BlacklistReason.choices]
    )
    reason = _text_area("列入事由（失信行为）")
    legal_basis = _text_area("认定依据", rows=2)
    decided_by_name = forms.CharField(label="认定单位", max_length=200)
    decided_by_uscc = UsccField(label="认定单位统一社会信用代码")
    doc_no = forms.CharField(label="认定文书文号", max_length=100)
    decided_on = _date_field("认定日期")
    valid_from = _date_field("有效期起", required=False, help_text="默认为认定日期")
    valid_to = _date_field("有效期至", required=False, help_text="默认为公示期限规则规定的最长期限，不得超过")
    restricted_activities = _text_area("惩戒措施（限制行为）")
    publication_scope = forms.ChoiceField(label="公开范围", choices=PublicationScope.choices)

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def to_data(self) -> dict[str, Any]:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("organization", "uscc")}

    @staticmethod
    def initial_from(entry) -> dict[str, Any]:
        keys = ["list_name", "role", "legal_representative", "reason_category", "reason", "legal_basis",
                "decided_by_name", "decided_by_uscc", "doc_no", "decided_on", "valid_from", "valid_to",
                "restricted_activities", "publication_scope"]  # fmt: skip
        return {"organization": entry.organization_id, "uscc": entry.entity.uscc,
                **{k: getattr(entry, k) for k in keys}}  # fmt: skip


class RemovalForm(forms.Form):
    kind = forms.ChoiceField(label="移出方式", choices=RemovalKind.choices)
    reason = _text_area("理由", rows=2)


class RepairForm(forms.Form):
    applied_on = _date_field("申请日期")
    applicant = forms.CharField(label="申请人", max_length=200, required=False, help_text="默认为该市场主体")
    evidence = _text_area("纠正失信行为、履行法定义务的情况及证明材料")
    commitment = forms.BooleanField(label="已提交信用承诺书", required=False)
