"""The facts of a demo record and what is made of them: party codes, amounts and dates in words, the body from its
template, the structured fields its catalog item asks for, and the dates every record may use (docs/demo.md)."""

from __future__ import annotations

import contextlib
import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.catalog.models import CatalogItem
from gongkai.core.codes import org_check_char, uscc_check_char
from gongkai.core.deidentify import scan
from gongkai.workdays.calendar import get_calendar

# --- identifiers -----------------------------------------------------------------------------------------------

_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # GB 32100 characters (no I, O, S, V, Z)


def make_uscc(name: str, region: str, prefix: str = "91", seed: str = "gongkai-demo") -> str:
    """A valid unified social credit code for `name`, the same every time: registration prefix, the region code,
    a GB 11714 organization code with its check character, and the GB 32100 check character. Companies get the
    "MA…" codes issued since 2015; government bodies and institutions all-digit ones. Codes that the personal-data
    scanner would take for an identity or card number are skipped."""
    rng = random.Random(f"{seed}/{prefix}/{region}/{name}")  # noqa: S311 - demo data, not secrets
    while True:
        if prefix.startswith("9"):
            body = "MA" + "".join(rng.choice(_CODE_CHARS) for _ in range(6))
        else:
            body = "".join(rng.choice("0123456789") for _ in range(8))
        code17 = prefix + region + body + org_check_char(body)
        code = code17 + uscc_check_char(code17)
        if not scan(code):
            return code


@dataclass(frozen=True)
class Party:
    """A market entity or a body named in a disclosure (not necessarily an organization of the system)."""

    name: str
    uscc: str
    address: str = ""
    rep: str = ""  # legal representative

    def __str__(self) -> str:
        return self.name


# --- dates and numbers -----------------------------------------------------------------------------------------


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day `years` later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _money(value: Decimal | str) -> str:
    return f"{Decimal(str(value)):.2f}"


def _yuan(value: Decimal | str) -> str:
    return f"{Decimal(str(value)):,.2f}元"


def _wan(value: Decimal | str) -> str:
    return f"{Decimal(str(value)) / 10000:,.2f}万元"


class Ctx(dict):
    """The facts of one record (a deal, a decision, a plan), used both for its body and for its structured fields.

    Derived keys are computed on demand: ``price_yuan`` / ``price_wan`` (amounts), ``date_cn`` (dates),
    ``winner_uscc`` / ``winner_addr`` / ``winner_rep`` (parties)."""

    def __missing__(self, key: str) -> Any:
        for suffix, fn in (("_yuan", _yuan), ("_wan", _wan), ("_cn", cn)):
            if key.endswith(suffix) and key[: -len(suffix)] in self:
                return fn(self[key[: -len(suffix)]])
        base, _, attr = key.rpartition("_")
        if base in self and isinstance(self[base], Party):
            party = self[base]
            return {"uscc": party.uscc, "addr": party.address, "rep": party.rep, "name": party.name}[attr]
        raise KeyError(key)


class _Shown:
    """The facts as a body shows them: a fact given per field type (``{"decimal": …, "textarea": …}``) in words."""

    def __init__(self, c: Ctx) -> None:
        self.c = c

    def __getitem__(self, key: str) -> Any:
        value = self.c[key]
        if isinstance(value, dict) and not isinstance(value, Ctx):
            return value.get("text") or value.get("textarea") or next(iter(value.values()))
        return value


def fmt(template: str, c: Ctx) -> str:
    """The template filled from the facts."""
    return template.format_map(_Shown(c)).strip()


@dataclass
class FieldBuilder:
    """Makes a record's structured fields from its facts. `aliases` name, for a field key as the catalogs spell it,
    the facts it takes its value from (data/demo/disclosure-texts.yaml); `warnings` collects facts that did not
    fit a field (the services then refuse the record, saying which)."""

    aliases: dict[str, tuple[str, ...]]
    warnings: list[str] = field(default_factory=list)

    def lookup(self, c: Ctx, key: str) -> Any:
        """The value of field `key` from the record's facts, or None. A key ending in `_uscc` takes the code of
        the party its stem names."""
        if key in c:
            return c[key]
        for source in self.aliases.get(key, ()):
            try:
                return c[source]
            except KeyError:
                continue
        if key.endswith("_uscc"):
            stem = key[:-5]
            party = self.lookup(c, stem) if stem != key else None
            if isinstance(party, Party):
                return party.uscc
        return None

    def coerce(self, spec: dict, value: Any, where: str) -> Any:
        kind = spec["type"]
        if isinstance(value, dict) and not isinstance(value, Ctx):  # per-type alternatives
            value = value.get(kind, next(iter(value.values())))
        if value is None:
            return None
        if kind in ("text", "textarea", "url"):
            if isinstance(value, dt.date):
                return cn(value)
            if isinstance(value, list | tuple):
                return "、".join(str(v) for v in value)
            return str(value)
        if kind in ("money", "decimal", "percent"):
            return _money(value) if kind == "money" else str(value)
        if kind == "integer":
            return int(value)
        if kind == "date":
            return value.isoformat() if isinstance(value, dt.date) else str(value)
        if kind == "uscc":
            return value.uscc if isinstance(value, Party) else str(value)
        if kind == "boolean":
            return bool(value)
        if kind == "choice":
            options = spec.get("options", [])
            wanted = value if isinstance(value, list | tuple) else [value]
            for option in wanted:
                if option in options:
                    return option
            self.warnings.append(f"{where}: {wanted} not in {options}")
            return options[0]
        return value

    def rows(self, spec: dict, rows: Any, c: Ctx, where: str) -> list[dict]:
        out = []
        for row in rows or []:
            rc = Ctx(c)
            rc.update(row)
            cells = {}
            for col in spec.get("columns", []):
                value = self.lookup(Ctx(row), col["key"])
                if value is None and col.get("required"):
                    value = self.lookup(rc, col["key"])
                if value is None:
                    if col.get("required"):
                        self.warnings.append(f"{where}.{col['key']}: required column without a value")
                    continue
                cells[col["key"]] = self.coerce(col, value, f"{where}.{col['key']}")
            out.append(cells)
        return out

    def build(self, item: CatalogItem, c: Ctx, explicit: dict[str, Any], where: str) -> dict[str, Any]:
        """The item's structured fields from the record's facts: every required one, and the optional ones the
        facts say something about."""
        out: dict[str, Any] = {}
        for spec in item.fields:
            key = spec["key"]
            value = explicit[key] if key in explicit else self.lookup(c, key)
            if value is None:
                if spec.get("required"):
                    self.warnings.append(
                        f"{where}.{key} ({spec['type']}, {spec['label']}): required field without a value"
                    )
                continue
            if spec["type"] == "table":
                out[key] = self.rows(spec, value, c, f"{where}.{key}")
            else:
                out[key] = self.coerce(spec, value, f"{where}.{key}")
        return out


def prev_workday(day: dt.date) -> dt.date:
    calendar = get_calendar()
    while not calendar.is_workday(day):
        day -= dt.timedelta(days=1)
    return day


def derive(c: Ctx, formed: dt.date, published: dt.date | None) -> None:
    """Dates and phrases every record may use, unless its facts say otherwise."""
    calendar = get_calendar()
    shown = published or calendar.add_workdays(formed, 1).due
    defaults: dict[str, Any] = {
        "date": formed,
        "year": formed.year,
        "open": formed - dt.timedelta(days=1),
        "doc_from": calendar.add_workdays(shown, 1).due,
        "doc_to": calendar.add_workdays(shown, 6).due,
        "deadline": shown + dt.timedelta(days=21),
        "pub": shown,
        "pub_from": shown,
        "pub_to": shown + dt.timedelta(days=4),
        "start": formed + dt.timedelta(days=15),
        "delivery": formed + dt.timedelta(days=30),
        "valid_to": add_years(formed, 3) - dt.timedelta(days=1),
        "base_date": formed.replace(day=1) - dt.timedelta(days=62),
        "decision_date": formed - dt.timedelta(days=20),
        "prev": formed - dt.timedelta(days=30),
    }
    for key, value in defaults.items():
        c.setdefault(key, value)
    c.setdefault("deal_day", c["deadline"] + dt.timedelta(days=10))
    c.setdefault("finish", c["start"] + dt.timedelta(days=int(c.get("duration_days", 365)) - 1))
    c.setdefault("pub_period", f"{cn(c['pub_from'])}至{cn(c['pub_to'])}")
    c.setdefault("listing_period", f"{cn(shown)}至{cn(calendar.add_workdays(shown, 20).due)}（20个工作日）")
    c.setdefault("consortium_text", "接受" if c.get("consortium") else "不接受")
    # templates among the facts ("{owner}，地址：{owner_addr}") are filled last, twice for templates in templates
    # (a default that speaks of facts this record lacks is dropped)
    for _ in range(2):
        for key, value in list(c.items()):
            if isinstance(value, str) and "{" in value:
                with contextlib.suppress(KeyError):
                    c[key] = value.format_map(c)
    for key, value in list(c.items()):
        if isinstance(value, str) and "{" in value:
            del c[key]
