"""Offline validation against the committed OCDS 1.1.5 schemas (data/ocds/schema/), with jsonschema and referencing.

The package schemas `$ref` the release schema by its published URL; the registry maps each schema's `id` to the
committed copy, so nothing is fetched. `extended=True` validates releases against the release schema with
Gongkai's extension applied (the types of the extension's fields), as a publisher's extension is meant to be used.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from gongkai.ocds.mapping import ocds_dir
from gongkai.ocds.merge import release_schema

SCHEMA_FILES = (
    "release-schema.json",
    "release-package-schema.json",
    "record-package-schema.json",
    "versioned-release-validation-schema.json",
)


def _load(name: str) -> dict[str, Any]:
    return json.loads((ocds_dir() / "schema" / name).read_text(encoding="utf-8"))


@functools.cache
def _registry(extended: bool) -> Registry:
    resources = []
    for name in SCHEMA_FILES:
        schema = _load(name)
        if name == "release-schema.json" and extended:
            schema = {**release_schema(extended=True), "id": schema["id"]}
        resources.append((schema["id"], Resource(contents=schema, specification=DRAFT4)))
    return Registry().with_resources(resources)


@functools.cache
def validator(name: str, *, extended: bool = False) -> Draft4Validator:
    """A validator for one of SCHEMA_FILES (`release-package-schema.json`, `record-package-schema.json`, …)."""
    schema = release_schema(extended=True) if name == "release-schema.json" and extended else _load(name)
    return Draft4Validator(schema, registry=_registry(extended), format_checker=FormatChecker())


def errors(data: Any, name: str, *, extended: bool = False) -> list[str]:
    """Every validation error as "path: message" (empty when valid)."""
    found = validator(name, extended=extended).iter_errors(data)
    return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}" for e in found]
