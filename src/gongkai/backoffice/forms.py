"""Back-office forms. The disclosure form is generated from the catalog item's field list."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.catalog.models import CatalogItem
from gongkai.catalog.vocabulary import vocabulary

TABLE_ROWS = 6


def _choices(mapping: dict[str, Any], blank: str = "（请选择）") -> list[tuple[str, str]]:
    return [("", blank)] + [(k, v["name"] if isinstance(v, dict) else v) for k, v in mapping.items()]


def _simple_field(spec: dict, *, required: bool) -> forms.Field:
    label, kind = spec["label"], spec["type"]
    common = {"label": label, "required": required, "help_text": spec.get("help", "")}
    if kind == "textarea":
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    if kind == "integer":
        return forms.IntegerField(**common)
    if kind in ("decimal", "money", "percent"):
        return forms.DecimalField(max_digits=18, decimal_places=2, **common)
    if kind == "date":
        return forms.DateField(widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}), **common)
    if kind == "url":
        return forms.URLField(**common)
    if kind == "boolean":
        return forms.TypedChoiceField(
            choices=[("", "—"), ("1", "是"), ("0", "否")], coerce=lambda v: v == "1", **common
        )
    if kind == "choice":
        return forms.ChoiceField(
            choices=[("", "（请选择）")] + [(o, o) for o in spec.get("options", [])], **common
        )
    return forms.CharField(max_length=500, **common)


class DisclosureForm(forms.Form):
    """Metadata (Lu'an art. 28) plus the structured fields the catalog item requires."""

    title = forms.CharField(label="标题名称", max_length=500, widget=forms.Textarea(attrs={"rows": 2}),
                            help_text="以正式印发的公文标题为准，不得简化或删减")  # fmt: skip
    doc_no = forms.CharField(label="文号", max_length=100, required=False)
    formed_on = forms.DateField(
        label="信息形成或变更日期", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    subject = forms.ChoiceField(label="主题分类", required=False)
    genre = forms.ChoiceField(label="体裁分类", required=False)
    info_source = forms.CharField(label="信息来源", max_length=200, required=False)
    keywords = forms.CharField(label="关键字", max_length=200, required=False)
    valid_until = forms.DateField(
        label="有效期至", required=False, widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    body = forms.CharField(
        label="正文（全文公开，不得仅以附件公开）", widget=forms.Textarea(attrs={"rows": 14}), required=False
    )
    redacted = forms.BooleanField(label="正文有删减（结尾标注“本文有删减”）", required=False)
    attribute = forms.ChoiceField(label="公开属性")
    withheld_ground = forms.ChoiceField(label="不公开或依申请公开的依据", required=False)
    attribute_reason = forms.CharField(label="理由", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    risk_flag = forms.BooleanField(
        label="涉及国家安全、公共安全、经济安全和社会稳定（须风险评估）", required=False
    )

    def __init__(self, *args: Any, item: CatalogItem, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        vocab = vocabulary()
        self.item = item
        self.fields["subject"].choices = _choices(vocab.subjects)
        self.fields["genre"].choices = _choices(vocab.genres)
        self.fields["attribute"].choices = list(vocab.attributes.items())
        self.fields["withheld_ground"].choices = _choices(vocab.withheld_grounds)
        self.table_specs = []
        for spec in item.fields:
            if spec["type"] == "table":
                self.table_specs.append(spec)
                for row in range(TABLE_ROWS):
                    for col in spec.get("columns", []):
                        field = _simple_field(col, required=False)
                        field.label = f"{spec['label']}第{row + 1}行·{col['label']}"
                        self.fields[f"t__{spec['key']}__{row}__{col['key']}"] = field
            else:
                self.fields[f"f__{spec['key']}"] = _simple_field(spec, required=False)
                self.fields[f"f__{spec['key']}"].label = spec["label"] + (
                    "（必填）" if spec.get("required") else ""
                )

    @classmethod
    def initial_from(cls, data: dict[str, Any]) -> dict[str, Any]:
        initial = {k: v for k, v in data.items() if k != "fields"}
        for key, value in (data.get("fields") or {}).items():
            if isinstance(value, list):
                for i, row in enumerate(value[:TABLE_ROWS]):
                    for col, cell in (row or {}).items():
                        initial[f"t__{key}__{i}__{col}"] = cell
            elif isinstance(value, bool):
                initial[f"f__{key}"] = "1" if value else "0"
            else:
                initial[f"f__{key}"] = value
        return initial

    def scalar_fields(self):
        return [self[name] for name in self.fields if name.startswith("f__")]

    def table_grids(self):
        """For the template: each table field as rows of bound fields."""
        grids = []
        for spec in self.table_specs:
            rows = [
                [self[f"t__{spec['key']}__{r}__{c['key']}"] for c in spec.get("columns", [])]
                for r in range(TABLE_ROWS)
            ]
            grids.append({"spec": spec, "rows": rows})
        return grids

    def to_data(self) -> dict[str, Any]:
        """Cleaned data in the shape the services take (structured fields JSON-ready)."""
        cd = self.cleaned_data
        data = {k: cd.get(k) for k in ("title", "doc_no", "formed_on", "subject", "genre", "info_source", "keywords",
                                       "valid_until", "body", "redacted", "attribute", "withheld_ground",
                                       "attribute_reason", "risk_flag")}  # fmt: skip
        values: dict[str, Any] = {}
        for spec in self.item.fields:
            if spec["type"] == "table":
                rows = []
                for r in range(TABLE_ROWS):
                    row = {
                        c["key"]: _json(cd.get(f"t__{spec['key']}__{r}__{c['key']}"))
                        for c in spec.get("columns", [])
                    }
                    if any(v not in (None, "") for v in row.values()):
                        rows.append({k: v for k, v in row.items() if v not in (None, "")})
                if rows:
                    values[spec["key"]] = rows
            else:
                value = _json(cd.get(f"f__{spec['key']}"))
                if value not in (None, ""):
                    values[spec["key"]] = value
        data["fields"] = values
        return data


def _json(value: Any) -> Any:
    import datetime as dt
    from decimal import Decimal

    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class CommentForm(forms.Form):
    comment = forms.CharField(label="意见", required=False, widget=forms.Textarea(attrs={"rows": 3}))


class ReasonForm(forms.Form):
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}))
