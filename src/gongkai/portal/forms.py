from django import forms


class WorkdayForm(forms.Form):
    start = forms.DateField(
        label="起算日期", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    days = forms.IntegerField(label="工作日数", min_value=0, max_value=365, initial=20)
