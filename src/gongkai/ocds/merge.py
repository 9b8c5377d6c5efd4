"""OCDS merging (https://standard.open-contracting.org/1.1/en/schema/merging/), written for speed.

Releases are applied in date order: the latest value of a field wins, `null` removes it, objects merge field by
field, arrays of objects merge by their `id` (an object without `id` is a new one), and other arrays — arrays of
strings, and those the schema marks `wholeListMerge` — are replaced whole; fields marked `omitWhenMerged` (the
release's own `id`, `date`, `tag`) are left out. The results equal those of the reference implementation
(ocdsmerge, used by `ocdskit compile`; tests/ocds/test_merge.py compares them) at a fraction of its cost: the
compiled release is built by merging the nested objects in place instead of flattening every release into
path → value pairs and rebuilding the tree.
"""

from __future__ import annotations

import copy
import functools
import gc
import json
import operator
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gongkai.ocds.mapping import ocds_dir

OMIT = 1
WHOLE = 2


@dataclass(frozen=True, eq=False)
class MergeRules:
    """Per field path (a tuple of property names, array positions left out): OMIT or WHOLE."""

    rules: dict[tuple[str, ...], int]

    def get(self, path: tuple[str, ...]) -> int | None:
        return self.rules.get(path)


def _types(prop: dict[str, Any]) -> list[str]:
    t = prop.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def _resolve(schema: dict[str, Any], prop: dict[str, Any]) -> dict[str, Any]:
    ref = prop.get("$ref")
    if ref and ref.startswith("#/definitions/"):
        return {**schema["definitions"][ref.split("/")[-1]], **{k: v for k, v in prop.items() if k != "$ref"}}
    return prop


def _rules(
    schema: dict[str, Any], properties: dict[str, Any], path: tuple[str, ...], out: dict, depth: int = 0
):
    if depth > 12:  # the schema has no cycles along data paths this deep; a guard against a bad extension
        return
    for key, raw in properties.items():
        prop = _resolve(schema, raw)
        new = (*path, key)
        types = _types(prop)
        if prop.get("omitWhenMerged") or prop.get("mergeStrategy") == "ocdsOmit":
            out[new] = OMIT
        elif "array" in types and (prop.get("wholeListMerge") or prop.get("mergeStrategy") == "ocdsVersion"):
            out[new] = WHOLE
        elif "object" in types and "properties" in prop:
            _rules(schema, prop["properties"], new, out, depth + 1)
        elif "array" in types and "items" in prop:
            items = _resolve(schema, prop["items"])
            item_types = _types(items)
            if any(t != "object" for t in item_types):
                out[new] = WHOLE
            elif "object" in item_types and "properties" in items:
                if "id" not in items["properties"]:
                    out[new] = WHOLE
                else:
                    _rules(schema, items["properties"], new, out, depth + 1)


def merge_patch(target: Any, patch: Any) -> Any:
    """JSON Merge Patch (RFC 7386), as OCDS extensions are applied to the release schema."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        else:
            out[key] = merge_patch(out.get(key), value)
    return out


@functools.cache
def release_schema(extended: bool = True) -> dict[str, Any]:
    """The OCDS 1.1.5 release schema (committed copy), with Gongkai's extension applied unless `extended=False`."""
    core = json.loads((ocds_dir() / "schema" / "release-schema.json").read_text(encoding="utf-8"))
    if not extended:
        return core
    patch = json.loads((ocds_dir() / "extension" / "release-schema.json").read_text(encoding="utf-8"))
    return merge_patch(core, patch)


def rules_from_schema(schema: dict[str, Any]) -> MergeRules:
    out: dict[tuple[str, ...], int] = {}
    _rules(schema, schema["properties"], (), out)
    return MergeRules(out)


def _open_objects(
    schema: dict[str, Any], properties: dict[str, Any], path: tuple[str, ...], out: dict, depth=0
):
    """Objects the schema leaves open (no properties, such as Organization.details): the versioned release keeps
    their history as whole values, as OCDS's versioned-release schema expects."""
    if depth > 12:
        return
    for key, raw in properties.items():
        prop = _resolve(schema, raw)
        types, new = _types(prop), (*path, key)
        if "object" in types and "properties" not in prop:
            out[new] = WHOLE
        elif "object" in types:
            _open_objects(schema, prop["properties"], new, out, depth + 1)
        elif "array" in types and "items" in prop:
            items = _resolve(schema, prop["items"])
            if "properties" in items:
                _open_objects(schema, items["properties"], new, out, depth + 1)


@functools.cache
def default_rules() -> MergeRules:
    """Merge rules of the extended release schema."""
    return rules_from_schema(release_schema())


@functools.cache
def versioned_rules() -> MergeRules:
    """The merge rules, plus the objects OCDS core leaves open kept whole (their history is one value)."""
    core = release_schema(extended=False)
    opened: dict[tuple[str, ...], int] = {}
    _open_objects(core, core["properties"], (), opened)
    return MergeRules({**default_rules().rules, **opened})


_by_date = operator.itemgetter("date")


def _sorted(releases: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return releases if len(releases) < 2 else sorted(releases, key=_by_date)


# --- compiled release ------------------------------------------------------------------------------------------


_EMPTY: dict = {}
_NO_RULE = (0, _EMPTY)


@functools.cache
def _tree(rules: MergeRules) -> dict:
    """The rules as a tree: property name → (rule, subtree), so merging passes subtrees down instead of building
    and hashing a path tuple for every field."""
    root: dict = {}
    for path, rule in rules.rules.items():
        node = root
        for part in path[:-1]:
            entry = node.get(part)
            if entry is None:
                entry = node[part] = (0, {})
            node = entry[1]
        entry = node.get(path[-1])
        node[path[-1]] = (rule, entry[1] if entry else {})
    return root


def _merge_object(target: dict, source: dict, tree: dict) -> None:
    for key, value in source.items():
        rule, sub = tree.get(key, _NO_RULE)
        if rule == OMIT:
            continue
        if value is None:
            target.pop(key, None)
            continue
        kind = type(value)
        if kind is dict:
            if not value:
                continue
            current = target.get(key)
            if type(current) is dict:
                # equal: merging changes nothing (a C-speed check; repeated parts are common)
                if current != value:
                    _merge_object(current, value, sub)
            else:
                target[key] = _fresh(value, sub)
        elif kind is list:
            if rule == WHOLE:
                target[key] = value
                continue
            for item in value:
                if type(item) is not dict:
                    target[key] = value
                    break
            else:
                if value:
                    current = target.get(key)
                    if type(current) is not list:
                        target[key] = current = []
                    elif current == value:
                        continue
                    _merge_array(current, value, sub)
        else:
            target[key] = value


def _fresh(source: dict, tree: dict) -> dict:
    """A new object from a release's object where the compiled release has none yet: the same rules as
    _merge_object without looking anything up in the target (most objects of a release are new ones)."""
    if not tree:
        return _fresh_plain(source)
    out: dict = {}
    for key, value in source.items():
        rule, sub = tree.get(key, _NO_RULE)
        if rule == OMIT or value is None:
            continue
        kind = type(value)
        if kind is dict:
            if value:
                out[key] = _fresh(value, sub)
        elif kind is list:
            if rule == WHOLE:
                out[key] = value
            elif value:
                out[key] = _fresh_list(value, sub)
        else:
            out[key] = value
    return out


def _fresh_list(value: list, tree: dict) -> list:
    """A new array: the release's own when it holds anything but objects, else its objects merged by id."""
    for item in value:
        if type(item) is not dict:
            return value
    current: list = []
    _merge_array(current, value, tree)
    return current


def _fresh_plain(source: dict) -> dict:
    """_fresh where no merge rule applies below (documents, values, identifiers, …)."""
    out: dict = {}
    for key, value in source.items():
        kind = type(value)
        if kind is dict:
            if value:
                out[key] = _fresh_plain(value)
        elif kind is list:
            if value:
                out[key] = _fresh_list(value, _EMPTY)
        elif value is not None:
            out[key] = value
    return out


def _merge_array(target: list, source: list, tree: dict) -> None:
    for item in source:
        if "id" not in item:
            target.append(_fresh(item, tree))
            continue
        identifier = item["id"]
        obj = None
        for existing in target:
            if existing.get("id") == identifier:
                obj = existing
                break
        if obj is None:
            obj = _fresh(item, tree)
            if "id" not in obj:
                obj["id"] = identifier
            target.append(obj)
        elif obj != item:
            _merge_object(obj, item, tree)


def compile_release(releases: list[dict[str, Any]], rules: MergeRules | None = None) -> dict[str, Any]:
    """The compiled release of one contracting process's releases: tag ["compiled"], id "<ocid>-<latest date>"."""
    tree = _tree(rules or default_rules())
    out: dict[str, Any] = {"tag": ["compiled"]}
    for release in _sorted(releases):
        ocid, date = release.get("ocid"), release.get("date")
        out["id"] = f"{ocid}-{date}"
        out["date"] = date
        out["ocid"] = ocid
        _merge_object(out, release, tree)
    return out


def compile_many(releases: Iterable[dict[str, Any]], rules: MergeRules | None = None) -> list[dict[str, Any]]:
    """The compiled release of every contracting process among `releases` (any order), in order of first
    appearance. For bulk work: the cyclic garbage collector is paused meanwhile (the merge makes no cycles, and
    its full passes over millions of young objects would otherwise take half the time)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for release in releases:
        groups.setdefault(release["ocid"], []).append(release)
    paused = gc.isenabled()
    gc.disable()
    try:
        return [compile_release(group, rules) for group in groups.values()]
    finally:
        if paused:
            gc.enable()


# --- versioned release -----------------------------------------------------------------------------------------


def _flatten(obj: dict, path: tuple, rule_path: tuple, rules: dict, out: dict) -> None:
    """Path → value pairs; an array item's place in the path is ('#', id) so items match by id across releases."""
    for key, value in obj.items():
        rule_sub = (*rule_path, key)
        rule = rules.get(rule_sub)
        if rule == OMIT:
            continue
        sub = (*path, key)
        if rule == WHOLE:
            out[sub] = value
        elif type(value) is dict:
            if value:
                _flatten(value, sub, rule_sub, rules, out)
        elif type(value) is list and value and all(type(i) is dict for i in value):
            for position, item in enumerate(value):
                marker = ("#", str(item["id"]) if "id" in item else f"new-{id(item)}-{position}")
                if "id" in item:
                    out[(*sub, marker, "id")] = ("id", item["id"])
                _flatten({k: v for k, v in item.items() if k != "id"}, (*sub, marker), rule_sub, rules, out)
        elif type(value) is list and not value:
            continue
        else:
            out[sub] = value


def versioned_release(releases: list[dict[str, Any]], rules: MergeRules | None = None) -> dict[str, Any]:
    """Every field's history: a list of {releaseID, releaseDate, releaseTag, value}, a version added when the value
    changes; `ocid` and the `id` of array items are plain values."""
    table = (rules or versioned_rules()).rules
    history: dict[tuple, Any] = {}
    ocid = None
    for release in _sorted(releases):
        ocid = release.get("ocid")
        flat: dict[tuple, Any] = {}
        _flatten({k: v for k, v in release.items() if k not in ("ocid", "tag")}, (), (), table, flat)
        for path, value in flat.items():
            if type(value) is tuple and len(value) == 2 and value[0] == "id":
                history.setdefault(path, value)
                continue
            versions = history.setdefault(path, [])
            if versions and versions[-1]["value"] == value:
                continue
            versions.append(
                {
                    "releaseID": release.get("id"),
                    "releaseDate": release.get("date"),
                    "releaseTag": release.get("tag"),
                    "value": value,
                }
            )
    out: dict[str, Any] = {"ocid": ocid}
    arrays: dict[tuple, dict] = {}
    for path, value in history.items():
        node: Any = out
        for end, part in enumerate(path, 1):
            if type(part) is tuple:
                key = path[: end - 1]
                index = (*key, part)
                if index not in arrays:
                    arrays[index] = {}
                    node.append(arrays[index])
                node = arrays[index]
            elif end == len(path):
                node[part] = value[1] if type(value) is tuple else value
            else:
                if part not in node:
                    node[part] = [] if type(path[end]) is tuple else {}
                node = node[part]
    return out
