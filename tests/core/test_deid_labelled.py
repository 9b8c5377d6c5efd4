"""Precision and recall of the de-identification scanner on labelled snippets in the layouts of real notices
(tests/core/deid_labelled.yaml). Run `uv run pytest -q tests/core/test_deid_labelled.py -s` to see the table;
docs/deidentification.md records the figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ruamel.yaml import YAML

from gongkai.core.deidentify import KIND_LABELS, scan

DATA = Path(__file__).with_name("deid_labelled.yaml")
# Goals of issue 14: recall on identity numbers and mobiles ≥ 0.99, on names after a contact label ≥ 0.95,
# precision ≥ 0.95 for every kind.
RECALL_GOALS = {"resident_id": 0.99, "mobile": 0.99, "name": 0.95}
PRECISION_GOAL = 0.95
MIN_SNIPPETS = 200


def load() -> list[dict]:
    return list(YAML(typ="safe").load(DATA.read_text(encoding="utf-8")))


def figures(snippets: list[dict]) -> tuple[dict[str, tuple[int, int, int]], list[str]]:
    """Per kind: (true positives, false positives, false negatives); and a line per miss or false alarm."""
    counts: dict[str, list[int]] = {kind: [0, 0, 0] for kind in KIND_LABELS}
    misses: list[str] = []
    for snippet in snippets:
        text = snippet["text"]
        expected = Counter(
            (kind, value) for kind, values in (snippet.get("expect") or {}).items() for value in values
        )
        found = Counter((f.kind, f.text) for f in scan(text, names=True))
        for kind, value in expected | found:
            tp = min(expected[(kind, value)], found[(kind, value)])
            counts[kind][0] += tp
            counts[kind][1] += found[(kind, value)] - tp
            counts[kind][2] += expected[(kind, value)] - tp
            if found[(kind, value)] != expected[(kind, value)]:
                what = "漏检" if expected[(kind, value)] > found[(kind, value)] else "误报"
                misses.append(f"{what} {kind} {value!r} in {text!r}")
    return {k: (tp, fp, fn) for k, (tp, fp, fn) in counts.items()}, misses


def _ratio(a: int, b: int) -> float:
    return a / b if b else 1.0


def test_the_labelled_set_is_large_and_well_formed():
    snippets = load()
    assert len(snippets) >= MIN_SNIPPETS
    for snippet in snippets:
        for kind, values in (snippet.get("expect") or {}).items():
            assert kind in KIND_LABELS
            for value in values:
                assert value in snippet["text"], (value, snippet["text"])


def test_precision_and_recall_per_kind():
    counts, misses = figures(load())
    print("\nkind          tp   fp   fn  precision  recall")
    for kind, (tp, fp, fn) in counts.items():
        print(f"{kind:<12} {tp:>4} {fp:>4} {fn:>4}  {_ratio(tp, tp + fp):>9.3f}  {_ratio(tp, tp + fn):>6.3f}")
    for line in misses:
        print("  ", line)
    for kind, (tp, fp, fn) in counts.items():
        assert tp + fn > 0, f"no labelled {kind}"
        assert _ratio(tp, tp + fp) >= PRECISION_GOAL, (kind, misses)
        assert _ratio(tp, tp + fn) >= RECALL_GOALS.get(kind, 0.95), (kind, misses)
