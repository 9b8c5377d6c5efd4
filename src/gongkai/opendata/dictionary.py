"""data/opendata/columns.yaml: the columns of the open-data files, checked with line numbers."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings

from gongkai.core.errors import DataFileError
from gongkai.core.yamlfile import line_of, read_yaml

TYPES = {"integer": "整数", "text": "文本", "date": "日期（年-月-日）", "code": "代码", "url": "网址"}


@dataclass(frozen=True)
class Column:
    key: str
    zh: str
    type: str
    source: str

    @property
    def type_name(self) -> str:
        return TYPES[self.type]


def parse(path: Path) -> tuple[Column, ...]:
    doc = read_yaml(path)
    items = doc.data.get("columns") if isinstance(doc.data, dict) else None
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), [(None, "缺少 columns 列表")])
    problems: list[tuple[int | None, str]] = []
    columns: list[Column] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        line = line_of(items, n)
        if not isinstance(item, dict) or not all(item.get(k) for k in ("key", "zh", "type", "source")):
            problems.append((line, "每列须有 key、zh、type、source"))
            continue
        if item["type"] not in TYPES:
            problems.append((line, f"未知的类型 {item['type']!r}（可选：{'、'.join(sorted(TYPES))}）"))
        if item["key"] in seen:
            problems.append((line, f"列 {item['key']} 重复"))
        seen.add(item["key"])
        columns.append(Column(str(item["key"]), str(item["zh"]), str(item["type"]), str(item["source"])))
    if problems:
        raise DataFileError(str(path), problems)
    return tuple(columns)


@cache
def columns() -> tuple[Column, ...]:
    return parse(Path(settings.DATA_DIR) / "opendata" / "columns.yaml")
