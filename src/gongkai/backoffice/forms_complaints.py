"""Staff forms for complaints: the queue filter and each handling step. The services check states, dates and
permissions; these forms only give the fields their types."""

from __future__ import annotations

from django import forms

from gongkai.complaints.choices import Finding, State

DATE = forms.DateInput(attrs={"type": "date"})
TEXT = forms.Textarea(attrs={"rows": 3})


class QueueFilterForm(forms.Form):
    state = forms.ChoiceField(
        label="状态", required=False, choices=[("", "全部"), ("open", "未办结"), *State.choices]
    )
    mark = forms.ChoiceField(
        label="期限", required=False, choices=[("", "全部"), ("due_soon", "即将到期"), ("overdue", "已逾期")]
    )


class AcceptForm(forms.Form):
    note = forms.CharField(label="受理意见（内部）", required=False, widget=TEXT)


class TransferForm(forms.Form):
    to_supervisor = forms.ModelChoiceField(label="转至监督机构", queryset=None, empty_label="请选择")
    reason = forms.CharField(label="转办理由（内部）", widget=TEXT)

    def __init__(self, *args, targets, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_supervisor"].queryset = targets
        self.fields["to_supervisor"].label_from_instance = lambda o: f"{o.jurisdiction.name} · {o.name}"


class ExplanationRequestForm(forms.Form):
    questions = forms.CharField(
        label="需被举报单位说明的问题",
        widget=TEXT,
        help_text="被举报单位只能看到这里填写的内容，看不到举报人和举报原文，请勿写入举报人信息",
    )


class DecideForm(forms.Form):
    finding = forms.ChoiceField(label="认定结果", choices=[("", "请选择"), *Finding.choices])
    finding_text = forms.CharField(label="认定意见（举报人和被举报单位可见）", widget=TEXT)
    rectification_required = forms.CharField(
        label="整改要求", required=False, widget=TEXT, help_text="属实或部分属实的必须填写"
    )
    decided_on = forms.DateField(label="认定日期", required=False, widget=DATE, help_text="不填为今天")


class CloseForm(forms.Form):
    result = forms.CharField(label="办理结果（举报人和被举报单位可见）", widget=TEXT)


class AnswerForm(forms.Form):
    explanation = forms.IntegerField(widget=forms.HiddenInput)
    answer = forms.CharField(label="情况说明", widget=TEXT)


class RectificationForm(forms.Form):
    rectification = forms.CharField(label="整改情况", widget=TEXT)
