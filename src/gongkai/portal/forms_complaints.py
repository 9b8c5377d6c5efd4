"""The public complaint form (举报, 六安市实施细则第四十二条); the service checks everything again."""

from __future__ import annotations

from django import forms

from gongkai.complaints.rules import COMPLAINANT_FIELDS, InvalidComplaint, clean_complaint, rules


class ComplaintForm(forms.Form):
    organization = forms.ModelChoiceField(
        label="被举报单位", queryset=None, empty_label="请选择",
        error_messages={"required": "请选择被举报单位", "invalid_choice": "请从列表中选择被举报单位"},
    )  # fmt: skip
    category = forms.ChoiceField(label="举报类别", choices=(), error_messages={
        "required": "请选择举报类别", "invalid_choice": "请从列表中选择举报类别"})  # fmt: skip
    subject_ref = forms.CharField(
        label="涉及的公开信息或事项（选填）", max_length=300, required=False,
        help_text="可填写本站公开信息的网址或编号、目录事项代码，或信息的名称",
        error_messages={"max_length": "不能超过300字"},
    )  # fmt: skip
    description = forms.CharField(
        label="举报内容", widget=forms.Textarea(attrs={"rows": 6, "cols": 20}),
        help_text="请具体说明未依法履行公开义务的事实：什么信息、应当何时公开、实际情况如何",
        error_messages={"required": "请填写举报内容"},
    )  # fmt: skip
    anonymous = forms.BooleanField(
        label="匿名举报", required=False,
        help_text="匿名举报不填写姓名和联系方式，也不会收到邮件回复；凭查询码仍可查看办理结果",
    )  # fmt: skip
    complainant_name = forms.CharField(label="姓名或名称", max_length=120, required=False)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(
        label="电子邮箱", required=False, help_text="填写后将收到受理回执邮件",
        error_messages={"invalid": "电子邮箱格式不正确"},
    )  # fmt: skip
    # A honeypot: people do not see this field (hidden by CSS and from assistive technology); robots fill it.
    website = forms.CharField(
        label="网站（请勿填写）", required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )  # fmt: skip

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["category"].choices = [("", "请选择"), *rules().choices()]

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError("提交未成功，请刷新页面后重试")
        return ""

    def clean(self) -> dict:
        """The service's checks too, so that every problem is shown at once (the service checks again)."""
        data = super().clean()
        try:
            clean_complaint({k: data.get(k, self.data.get(k, "")) for k in COMPLAINANT_FIELDS})
        except InvalidComplaint as exc:
            for field, message in exc.problems:
                if field in self.fields and field not in self.errors:
                    self.add_error(field, message)
        return data

    def complaint_fields(self):
        return [self[n] for n in ("category", "subject_ref", "description")]

    def complainant_fields(self):
        return [self[n] for n in ("anonymous", "complainant_name", "phone", "email")]
