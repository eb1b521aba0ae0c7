"""The real-text corpus is well formed: every document has its front matter and licence, NOTICE.md
lists them all, and every planted edit applies to exactly one place of its document."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_text", ROOT / "benchmarks" / "real_text.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["real_text"] = module
    spec.loader.exec_module(module)
    return module


def test_every_document_has_its_front_matter_and_is_in_the_notice() -> None:
    bench = _benchmark()
    docs = bench.load_docs()  # raises on a document without date, source, licence, genre
    assert len(docs) >= 150
    genres = {doc.meta["genre"] for doc in docs}
    assert genres == {"news", "biography", "incident", "release"}
    notice = (ROOT / "benchmarks" / "realtext" / "NOTICE.md").read_text(encoding="utf-8")
    missing = [doc.name for doc in docs if f"| {doc.name} |" not in notice]
    assert not missing, "NOTICE.md is stale: run python benchmarks/real_text.py --write-notice"


def test_every_plant_applies_once_and_names_a_known_category() -> None:
    bench = _benchmark()
    docs = {doc.name: doc for doc in bench.load_docs()}
    plants = bench.load_plants(docs)  # raises on an unknown category or an 'old' not found once
    for plant in plants:
        edited, at = plant.apply(docs[plant.doc].text)
        assert edited[at : at + len(plant.new)] == plant.new
        assert edited != docs[plant.doc].text
