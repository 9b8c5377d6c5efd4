from __future__ import annotations

from django import forms


class SecondFactorForm(forms.Form):
    token = forms.CharField(
        label="验证码",
        max_length=32,
        strip=True,
        error_messages={"required": "请输入验证码"},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )
