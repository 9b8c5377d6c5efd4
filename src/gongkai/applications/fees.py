"""The information-processing fee (第四十二条; 国办函〔2020〕109号): per application counted in the applicant's
natural month, or per page, each progressive (超额累进), never both. The bands are data
(data/applications/fees.yaml); this module only applies them and writes out the computation."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from pathlib import Path

from django.conf import settings

from gongkai.applications.choices import FeeMethod
from gongkai.core.errors import DataFileError, DomainError
from gongkai.core.yamlfile import read_yaml


@dataclass(frozen=True)
class Band:
    low: int
    high: int | None  # None: no upper limit
    rate: int

    def text(self, unit: str) -> str:
        span = f"第{self.low}{unit}以上" if self.high is None else f"第{self.low}–{self.high}{unit}"
        return f"{span}{'免费' if self.rate == 0 else f'{self.rate}元/{unit}'}"


@dataclass(frozen=True)
class FeeComputation:
    method: str
    quantity: int
    amount: Decimal
    basis: str


def fees_path() -> Path:
    return Path(settings.DATA_DIR) / "applications" / "fees.yaml"


@cache
def fee_rules() -> dict:
    doc = read_yaml(fees_path())
    data = doc.data
    problems = [(None, f"缺少“{k}”") for k in ("per_piece", "per_page", "payment_workdays") if k not in data]
    if problems:
        raise DataFileError(doc.path, problems)
    return data


def payment_workdays() -> int:
    return int(fee_rules()["payment_workdays"])


def _bands(method: str, up_to: int) -> list[Band]:
    spec = fee_rules()[method]
    bands = [Band(int(b["from"]), int(b["to"]) if b.get("to") is not None else None, int(b["rate"]))
             for b in spec["bands"]]  # fmt: skip
    beyond = spec.get("beyond")
    if beyond:
        low, step = int(beyond["from"]), int(beyond["step"])
        rate, increment = int(beyond["start_rate"]), int(beyond["increment"])
        while low <= up_to:
            bands.append(Band(low, low + step - 1, rate))
            low, rate = low + step, rate + increment
    return bands


def compute_fee(method: str, quantity: int) -> FeeComputation:
    """Per piece: `quantity` is this application's ordinal among the applicant's applications in the month, and
    it is charged at the rate of its band. Per page: `quantity` pages, each band charging the pages in it."""
    if method not in FeeMethod.values:
        raise DomainError("请选择按件计收或按量计收（二者只能选其一）", code="invalid_fee_method")
    if quantity < 1:
        raise DomainError("计费数量应为正整数", code="invalid_quantity")
    spec = fee_rules()[method]
    unit = spec.get("unit", "件")
    bands = _bands(method, quantity)
    scale = "；".join(b.text(unit) for b in bands)
    if method == FeeMethod.PER_PIECE:
        band = next(b for b in bands if b.low <= quantity and (b.high is None or quantity <= b.high))
        amount = Decimal(band.rate)
        basis = (f"按件计收：本申请为申请人本自然月内第{quantity}件申请。标准：{scale}。"
                 f"本件适用“{band.text(unit)}”，计{amount}元。")  # fmt: skip
        return FeeComputation(method, quantity, amount, basis)
    parts, total = [], Decimal(0)
    for b in bands:
        if quantity < b.low:
            break
        top = quantity if b.high is None else min(quantity, b.high)
        count = top - b.low + 1
        subtotal = Decimal(count * b.rate)
        total += subtotal
        span = f"第{b.low}–{top}{unit}"
        parts.append(f"{span}共{count}{unit}{'免费' if b.rate == 0 else f'×{b.rate}元={subtotal}元'}")
    basis = f"按量计收（超额累进）：共{quantity}{unit}。" + "；".join(parts) + f"。合计{total}元。"
    return FeeComputation(method, quantity, total, basis)
