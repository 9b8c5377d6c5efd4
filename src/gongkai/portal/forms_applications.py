"""The public application form (第二十九条); the service checks identities and contact details again."""

from __future__ import annotations

from django import forms

from gongkai.applications.choices import ApplicantKind, DeliveryForm, DeliveryWay, IdType


class ApplicationForm(forms.Form):
    organization = forms.ModelChoiceField(label="受理机关", queryset=None, empty_label="请选择")
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=ApplicantKind.choices)
    applicant_name = forms.CharField(label="姓名或名称", max_length=120)
    id_type = forms.ChoiceField(label="证件类型", choices=IdType.choices,
                                help_text="法人或其他组织请选择统一社会信用代码")  # fmt: skip
    id_number = forms.CharField(label="证件号码或统一社会信用代码", max_length=40)
    contact_person = forms.CharField(label="联系人", max_length=60, required=False)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=10, required=False)
    info_title = forms.CharField(label="所需信息的名称", max_length=200, required=False)
    info_doc_no = forms.CharField(label="文号", max_length=100, required=False)
    info_description = forms.CharField(label="所需信息的内容描述", widget=forms.Textarea(attrs={"rows": 4}),
                                       help_text="便于机关查询的特征性描述，如项目名称、时间、文件类型")  # fmt: skip
    delivery_form = forms.ChoiceField(label="提供形式", choices=DeliveryForm.choices)
    delivery_way = forms.ChoiceField(label="获取方式", choices=DeliveryWay.choices)

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations

    def section(self, *names: str):
        return [self[name] for name in names]

    def applicant_fields(self):
        return self.section("applicant_kind", "applicant_name", "id_type", "id_number", "contact_person", "phone",
                            "email", "address", "postcode")  # fmt: skip

    def info_fields(self):
        return self.section("info_title", "info_doc_no", "info_description")

    def delivery_fields(self):
        return self.section("delivery_form", "delivery_way")
