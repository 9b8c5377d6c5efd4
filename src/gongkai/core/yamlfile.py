"""Reading YAML data files with the line number of every node, so errors can say where they are."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError

from gongkai.core.errors import DataFileError


@dataclass
class YamlDocument:
    path: str
    data: Any
    sha256: str


def read_yaml(path: str | Path) -> YamlDocument:
    """Parse a YAML file; a syntax error becomes a DataFileError naming the line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataFileError(str(path), [(None, f"无法读取文件：{exc.strerror or exc}")]) from exc
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataFileError(str(path), [(None, "文件不是 UTF-8 编码")]) from exc
    yaml = YAML(typ="rt")
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)
    try:
        data = yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataFileError(str(path), [(line, f"YAML 语法错误：{exc.problem or exc.context}")]) from exc
    return YamlDocument(path=str(path), data=data, sha256=hashlib.sha256(raw).hexdigest())


def _lenient_timestamp(constructor, node):
    """A date-shaped scalar that is not a real date (2027-13-01) stays text, so the checker can say where it is."""
    try:
        return constructor.construct_yaml_timestamp(node)
    except ValueError:
        return constructor.construct_scalar(node)


def line_of(node: Any, key: str | int | None = None) -> int | None:
    """1-based line of a mapping key or sequence item (or of the node itself)."""
    try:
        if isinstance(node, CommentedMap):
            if key is not None and key in node:
                return node.lc.key(key)[0] + 1
            return node.lc.line + 1
        if isinstance(node, CommentedSeq):
            if isinstance(key, int) and 0 <= key < len(node):
                return node.lc.item(key)[0] + 1
            return node.lc.line + 1
    except (AttributeError, KeyError, TypeError):
        return None
    return None
