from django import forms


class SubscriptionForm(forms.Form):
    name = forms.CharField(label="订阅名称", max_length=200, required=False,
                           help_text="留空则按查询条件自动命名")  # fmt: skip
    email = forms.EmailField(label="电子邮箱", help_text="用于接收确认邮件；确认后才会推送")
    send_email = forms.BooleanField(label="通过电子邮件接收新信息", required=False, initial=True)
    webhook_url = forms.URLField(label="Webhook 地址（可选）", required=False, max_length=500,
                                 assume_scheme="https",
                                 help_text="新信息发布时以签名的 JSON 推送到该地址；签名密钥在确认后显示")  # fmt: skip

    def clean(self):
        data = super().clean()
        if not data.get("send_email") and not data.get("webhook_url"):
            raise forms.ValidationError("请至少选择一种推送方式（电子邮件或 Webhook）")
        return data
