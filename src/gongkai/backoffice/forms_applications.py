"""Staff forms for applications: registering one received offline and each handling step. The services check
dates, states and permissions; these forms only give the fields their types."""

from __future__ import annotations

from django import forms

from gongkai.applications.choices import (
    ApplicantKind,
    Channel,
    ConsultationDecision,
    ConsultationKind,
    ConsultationOutcome,
    DeliveryForm,
    DeliveryWay,
    FeeMethod,
    IdType,
    RemedyKind,
    RemedyResult,
    ReplyGround,
    ReplyType,
    State,
)

DATE = forms.DateInput(attrs={"type": "date"})
OFFLINE_CHANNELS = [(c.value, c.label) for c in Channel if c != Channel.ONLINE]


class LedgerFilterForm(forms.Form):
    q = forms.CharField(label="关键词", required=False)
    organization = forms.ModelChoiceField(label="受理机关", queryset=None, required=False, empty_label="全部")
    state = forms.ChoiceField(label="状态", choices=[("", "全部"), *State.choices], required=False)
    channel = forms.ChoiceField(label="渠道", choices=[("", "全部"), *Channel.choices], required=False)
    reply_type = forms.ChoiceField(
        label="答复类型", choices=[("", "全部"), *ReplyType.choices], required=False
    )
    received_from = forms.DateField(label="收到日期自", required=False, widget=DATE)
    received_to = forms.DateField(label="至", required=False, widget=DATE)

    def __init__(self, *args, organizations=None, **kwargs) -> None:
        from gongkai.orgs.models import Organization

        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = (
            organizations if organizations is not None else Organization.objects.none()
        )


class RegisterForm(forms.Form):
    organization = forms.ModelChoiceField(label="受理机关", queryset=None)
    channel = forms.ChoiceField(label="申请渠道", choices=OFFLINE_CHANNELS)
    submitted_on = forms.DateField(label="提交（收件）日期", widget=DATE)
    signed_on = forms.DateField(label="签收日期（邮寄）", required=False, widget=DATE)
    confirmed_on = forms.DateField(label="双方确认日期（平常信函、传真）", required=False, widget=DATE)
    applicant_kind = forms.ChoiceField(label="申请人类型", choices=ApplicantKind.choices)
    applicant_name = forms.CharField(label="姓名或名称", max_length=120)
    id_type = forms.ChoiceField(label="证件类型", choices=IdType.choices)
    id_number = forms.CharField(label="证件号码或统一社会信用代码", max_length=40)
    contact_person = forms.CharField(label="联系人", max_length=60, required=False)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=200, required=False)
    postcode = forms.CharField(label="邮政编码", max_length=10, required=False)
    info_title = forms.CharField(label="所需信息的名称", max_length=200, required=False)
    info_doc_no = forms.CharField(label="文号", max_length=100, required=False)
    info_description = forms.CharField(label="所需信息的内容描述", widget=forms.Textarea(attrs={"rows": 3}))
    delivery_form = forms.ChoiceField(label="提供形式", choices=DeliveryForm.choices)
    delivery_way = forms.ChoiceField(label="获取方式", choices=DeliveryWay.choices)

    def __init__(self, *args, organizations, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ConfirmForm(forms.Form):
    confirmed_on = forms.DateField(label="双方确认日期", widget=DATE)


class CorrectionRequestForm(forms.Form):
    sent_on = forms.DateField(label="告知补正日期", widget=DATE)
    due_on = forms.DateField(label="补正期限", widget=DATE)
    items = forms.CharField(label="需要补正的事项", widget=forms.Textarea(attrs={"rows": 2}))


class CorrectionForm(forms.Form):
    corrected_on = forms.DateField(label="收到补正申请日期", widget=DATE)
    correction = forms.CharField(label="补正内容", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ConsultationForm(forms.Form):
    kind = forms.ChoiceField(label="征求对象类型", choices=ConsultationKind.choices)
    party = forms.CharField(label="征求意见对象", max_length=120)
    sent_on = forms.DateField(label="征求意见书送达日期", widget=DATE)


class ConsultationAnswerForm(forms.Form):
    consultation = forms.IntegerField(widget=forms.HiddenInput)
    outcome = forms.ChoiceField(label="意见", choices=ConsultationOutcome.choices)
    answered_on = forms.DateField(label="答复日期", required=False, widget=DATE)
    answer = forms.CharField(label="意见内容", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    reasons = forms.CharField(label="理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class ExtensionForm(forms.Form):
    approved_by = forms.ModelChoiceField(label="批准人（政府信息公开工作机构负责人）", queryset=None)
    days = forms.IntegerField(label="延长工作日数", min_value=1)
    reason = forms.CharField(label="延期理由", widget=forms.Textarea(attrs={"rows": 2}))
    approved_on = forms.DateField(label="批准日期", widget=DATE)
    notice_sent_on = forms.DateField(label="告知申请人日期", widget=DATE)

    def __init__(self, *args, approvers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = approvers


class ReplyForm(forms.Form):
    reply_type = forms.ChoiceField(label="答复类型", choices=ReplyType.choices)
    ground = forms.ChoiceField(label="理由（不予公开、无法提供、不予处理、其他处理时选择）",
                               choices=[("", "—"), *ReplyGround.choices], required=False)  # fmt: skip
    text = forms.CharField(label="答复内容（事实、理由、获取方式）", widget=forms.Textarea(attrs={"rows": 4}))
    replied_on = forms.DateField(label="答复日期", widget=DATE)
    referred_body = forms.CharField(label="负责公开的机关（本机关不掌握、能确定负责机关时）", max_length=120,
                                    required=False)  # fmt: skip
    referred_contact = forms.CharField(label="负责机关的联系方式", max_length=200, required=False)
    repeat_of = forms.ModelChoiceField(label="此前的申请（重复申请时）", queryset=None, required=False)
    publish_item = forms.ModelChoiceField(label="同时主动公开：公开目录事项（予以公开、部分公开时可选）",
                                          queryset=None, required=False)  # fmt: skip
    publish_title = forms.CharField(label="主动公开的标题", max_length=300, required=False)
    publish_body = forms.CharField(
        label="主动公开的正文", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    publish_formed_on = forms.DateField(label="信息形成日期", required=False, widget=DATE)

    def __init__(self, *args, earlier=None, items=None, **kwargs) -> None:
        from gongkai.applications.models import Application
        from gongkai.catalog.models import CatalogItem

        super().__init__(*args, **kwargs)
        self.fields["repeat_of"].queryset = earlier if earlier is not None else Application.objects.none()
        self.fields["repeat_of"].label_from_instance = lambda a: f"{a.registration_no}（{a.replied_on}答复）"
        self.fields["publish_item"].queryset = (
            CatalogItem.objects.filter(pk__in=[i.pk for i in items]) if items else CatalogItem.objects.none()
        )
        self.fields["publish_item"].label_from_instance = lambda i: f"{i.category}（{i.key}）"

    def clean(self):
        data = super().clean()
        if data.get("publish_item") and not (data.get("publish_title") and data.get("publish_formed_on")):
            raise forms.ValidationError("同时主动公开须填写标题和信息形成日期")
        return data


class DecisionForm(forms.Form):
    consultation = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(label="决定", choices=ConsultationDecision.choices)
    reasons = forms.CharField(label="理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    decided_on = forms.DateField(label="决定日期", widget=DATE)
    notice_sent_on = forms.DateField(
        label="书面告知第三方日期（因公共利益决定公开时）", required=False, widget=DATE
    )


class FeeForm(forms.Form):
    method = forms.ChoiceField(label="计费方式（二者只能选其一）", choices=FeeMethod.choices)
    pages = forms.IntegerField(label="页数（按量计收时）", min_value=1, required=False)
    reason = forms.CharField(
        label="申请数量、频次明显超过合理范围的情况", widget=forms.Textarea(attrs={"rows": 2})
    )
    notice_sent_on = forms.DateField(label="收费通知日期", widget=DATE)


class FeePaidForm(forms.Form):
    paid_on = forms.DateField(label="缴费（减免）日期", widget=DATE)
    waived = forms.BooleanField(label="减免", required=False)


class RemedyForm(forms.Form):
    kind = forms.ChoiceField(label="类型", choices=RemedyKind.choices)
    body = forms.CharField(label="复议机关或受理法院", max_length=120)
    case_no = forms.CharField(label="案号", max_length=80, required=False)
    filed_on = forms.DateField(label="受理日期", widget=DATE)
    summary = forms.CharField(label="情况说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RemedyDecisionForm(forms.Form):
    remedy = forms.IntegerField(widget=forms.HiddenInput)
    result = forms.ChoiceField(label="结果", choices=RemedyResult.choices)
    decided_on = forms.DateField(label="审结日期", required=False, widget=DATE)
    summary = forms.CharField(label="情况说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class LetterTemplateForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput)
    text = forms.CharField(label="文本", widget=forms.Textarea(attrs={"rows": 6}))
