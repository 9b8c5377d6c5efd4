"""Back-office forms for transactions: registering one, attaching a disclosure to a stage."""

from __future__ import annotations

from django import forms

from gongkai.catalog.models import Domain, Stage
from gongkai.orgs.models import Organization
from gongkai.transactions.rules import check_rules


class TransactionForm(forms.Form):
    organization = forms.ModelChoiceField(label="登记机构", queryset=Organization.objects.none())
    domain = forms.ModelChoiceField(label="公开领域", queryset=Domain.objects.none())
    title = forms.CharField(label="交易项目名称", max_length=300)
    owner = forms.ModelChoiceField(
        label="招标人（采购人、出让人、转让方）", queryset=Organization.objects.none(), required=False,
        help_text="不选则为登记机构",
    )  # fmt: skip
    agency = forms.ModelChoiceField(label="代理机构", queryset=Organization.objects.none(), required=False)
    budget = forms.DecimalField(
        label="预算金额、最高限价或底价（元）", max_digits=18, decimal_places=2, required=False, min_value=0
    )
    procedure = forms.ChoiceField(label="交易方式", required=False)
    project_no = forms.CharField(label="项目编号（本单位自编）", max_length=100, required=False)
    project_code = forms.CharField(label="投资项目代码", max_length=60, required=False)
    region_code = forms.CharField(
        label="项目所在行政区域代码", max_length=6, required=False, help_text="6位，不填则为登记机构所在区域"
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        jurisdictions = organizations.values("jurisdiction_id")
        parties = Organization.objects.filter(jurisdiction_id__in=jurisdictions, active=True).order_by("name")
        self.fields["owner"].queryset = parties
        self.fields["agency"].queryset = parties.filter(kind="agency")
        self.fields["domain"].queryset = (
            Domain.objects.filter(stages__isnull=False).distinct().order_by("position")
        )
        self.fields["procedure"].choices = [("", "（按公告载明的方式）")] + [
            (p.code, f"{p.name}（最短{p.minimum_text}）") for p in check_rules().procedures.values()
        ]


class AttachForm(forms.Form):
    disclosure = forms.CharField(label="公开信息的索引号或编号", max_length=60)
    stage = forms.ModelChoiceField(
        label="环节",
        queryset=Stage.objects.none(),
        required=False,
        help_text="不选则按该信息所属公开事项的环节",
    )

    def __init__(self, *args, domain, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = domain.stages.order_by("position")
