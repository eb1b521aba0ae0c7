"""Relation-only corpora (TimeBank-Dense, MATRES) keyed to TimeML documents.

The rows here are written for the fixture ``cases/chr201_passes.tml`` (e1 "collapsed" on
Tuesday 1998-01-06, e2 "queued" on Monday 1998-01-05; instances ei1, ei2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.model import Document
from chrono.network import NodeIndex, solve
from chrono.timeml import TimeMLError, parse_relations
from chrono.timeml_compile import UNKNOWN_ID, compile_document

FIXTURE = Path(__file__).parent / "cases" / "chr201_passes.tml"


def _document() -> Document:
    return Document(str(FIXTURE), FIXTURE.read_text(encoding="utf-8"), "timeml")


def _conflicts(relations: str, *, use_tlinks: bool = True) -> list[list[str]]:
    rows = parse_relations(relations)["chr201_passes"]
    compiled = compile_document(_document(), relations=rows, use_tlinks=use_tlinks)
    solution = solve(compiled.claims, NodeIndex(e.id for e in compiled.events))
    return [[compiled.claims[i].describe() for i in c.claims] for c in solution.conflicts]


def test_read_both_formats() -> None:
    rows = parse_relations(
        "# comment\n"
        "chr201_passes\te1\te2\tb\n"
        "chr201_passes\te2\tt1\tii\n"
        "chr201_passes\tcollapsed\tqueued\t1\t2\tEQUAL\n"
        "other_doc\tsaid\twent\t7\t3\tVAGUE\n"
    )
    first, second, third = rows["chr201_passes"]
    assert (first.source, first.target, first.rel_type, first.corpus) == (
        "e1",
        "e2",
        "BEFORE",
        "TimeBank-Dense",
    )
    assert second.rel_type == "IS_INCLUDED"
    assert (third.source, third.target, third.rel_type, third.words) == (
        "ei1",
        "ei2",
        "SIMULTANEOUS",
        ("collapsed", "queued"),
    )
    assert third.line == 4
    assert rows["other_doc"][0].rel_type == "VAGUE"


def test_a_bad_line_names_its_number() -> None:
    with pytest.raises(TimeMLError, match="2:"):
        parse_relations("doc\te1\te2\tb\ndoc e1 e2 BEFORE maybe\n")


def test_dense_rows_against_gold_dates() -> None:
    # collapsed (Tuesday) BEFORE queued (Monday): impossible; the chain cites the row's line
    # (without the document's TLINKs: the rows place the events on their days themselves)
    rows = "chr201_passes\te1\tt1\tii\nchr201_passes\te2\tt2\tii\nchr201_passes\te1\te2\tb\n"
    (chain,) = _conflicts(rows, use_tlinks=False)
    assert 'TimeBank-Dense line 3: "collapsed" (ei1) BEFORE "queued" (ei2)' in chain
    assert 'TimeBank-Dense line 1: "collapsed" (ei1) IS_INCLUDED "Tuesday" (t1)' in chain
    assert any(step.startswith('TIMEX3 t1 "Tuesday"') for step in chain)


def test_matres_rows_against_the_documents_own_tlinks() -> None:
    # the gold TLINK l3 says queued BEFORE collapsed; MATRES row says collapsed BEFORE queued
    chains = _conflicts("chr201_passes\tcollapsed\tqueued\t1\t2\tBEFORE\n")
    assert chains
    assert any('MATRES line 1: "collapsed" (ei1) BEFORE "queued" (ei2)' in chain for chain in chains)


def test_vague_rows_state_nothing_and_unknown_ids_are_reported() -> None:
    rows = parse_relations("chr201_passes\te1\te2\tv\nchr201_passes\te1\te9\tb\n")["chr201_passes"]
    compiled = compile_document(_document(), relations=rows, use_tlinks=False)
    assert compiled.skipped == {"vague": 1, "unknown-id": 1}
    assert [p.kind for p in compiled.problems] == [UNKNOWN_ID]
    assert "TimeBank-Dense line 2" in compiled.problems[0].message
