"""Finding the market entities a disclosure names: every structured field of type `uscc` (also in table columns),
with the name written next to it. Pure functions; `services.sync_party_mentions` writes what they find."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.core.codes import is_valid_uscc

USCC_LABEL = "统一社会信用代码"


@dataclass(frozen=True)
class Party:
    uscc: str
    name: str
    role: str
    field_key: str


def _role(label: str, name_label: str | None, fallback: str = "") -> str:
    """The party's role from the field's label: 中标人统一社会信用代码 → 中标人; 统一社会信用代码 → the name field's."""
    role = label.replace(USCC_LABEL, "").strip("（）() ")
    if not role and name_label:
        role = name_label.removesuffix("名称").strip()
    return role or fallback or "市场主体"


def _name_keys(uscc_key: str) -> list[str]:
    """Where the name sits: `winner_uscc` → `winner` or `winner_name`; a plain `uscc` column → `name`."""
    base = uscc_key.removesuffix("_uscc") if uscc_key.endswith("_uscc") else ""
    return [k for k in (base, f"{base}_name") if k] + ["name"]


def _code(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    code = value.strip().upper()
    return code if is_valid_uscc(code) else None


def _text(value: Any) -> str:
    return value.strip()[:200] if isinstance(value, str) else ""


def extract_parties(specs: list[dict], values: dict[str, Any]) -> list[Party]:
    """The entities named by credit code in `values`, a disclosure's structured fields described by `specs`.

    Invalid or missing codes are skipped (the format rules already refuse them on publishing).
    """
    by_key = {s["key"]: s for s in specs}
    found: list[Party] = []
    for spec in specs:
        if spec.get("type") == "uscc":
            code = _code(values.get(spec["key"]))
            if code is None:
                continue
            name_key = next(
                (k for k in _name_keys(spec["key"]) if k in by_key and by_key[k].get("type") != "uscc"), None
            )
            name = _text(values.get(name_key)) if name_key else ""
            role = _role(spec["label"], by_key[name_key]["label"] if name_key else None)
            found.append(Party(code, name, role, spec["key"]))
        elif spec.get("type") == "table":
            rows = values.get(spec["key"])
            if not isinstance(rows, list):
                continue
            columns = {c["key"]: c for c in spec.get("columns", [])}
            for i, row in enumerate(rows):
                if not isinstance(row, dict):
                    continue
                for col in columns.values():
                    if col.get("type") != "uscc":
                        continue
                    code = _code(row.get(col["key"]))
                    if code is None:
                        continue
                    name_key = next(
                        (
                            k
                            for k in _name_keys(col["key"])
                            if k in columns and columns[k].get("type") != "uscc"
                        ),
                        None,
                    )
                    name = _text(row.get(name_key)) if name_key else ""
                    role = _role(
                        col["label"], columns[name_key]["label"] if name_key else None, spec["label"]
                    )
                    found.append(Party(code, name, role, f"{spec['key']}.{i}.{col['key']}"))
    return found
