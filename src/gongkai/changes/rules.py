"""data/changes.yaml: which audited actions are public changes, read once and checked with line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from gongkai.changes.choices import Change, Kind
from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml


@dataclass(frozen=True)
class Mapping:
    kind: str
    change: str
    also_transaction: bool = False


def rules_path() -> Path:
    return Path(settings.DATA_DIR) / "changes.yaml"


def parse(path: Path) -> dict[str, Mapping]:
    """Read and check the file; every problem names its line."""
    doc = read_yaml(path)
    actions = (doc.data or {}).get("actions") if isinstance(doc.data, dict) else None
    if not isinstance(actions, dict):
        raise DataFileError(str(path), [(None, "缺少 actions 映射")])
    problems: list[tuple[int | None, str]] = []
    mappings: dict[str, Mapping] = {}
    for action, spec in actions.items():
        line = line_of(actions, action)
        if not isinstance(spec, dict):
            problems.append((line, f"{action}：应为 {{kind, change}} 映射"))
            continue
        kind, change, also = spec.get("kind"), spec.get("change"), spec.get("also")
        if kind not in Kind.values:
            problems.append((line, f"{action}：未知的对象类别 {kind!r}（可选：{'、'.join(Kind.values)}）"))
        if change not in Change.values:
            problems.append((line, f"{action}：未知的变更 {change!r}（可选：{'、'.join(Change.values)}）"))
        if also not in (None, Kind.TRANSACTION):
            problems.append((line, f"{action}：also 只能是 transaction"))
        mappings[str(action)] = Mapping(kind=str(kind), change=str(change), also_transaction=bool(also))
    if problems:
        raise DataFileError(str(path), problems)
    return mappings


@cache
def get_mappings() -> dict[str, Mapping]:
    return parse(rules_path())
