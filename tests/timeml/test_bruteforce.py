"""An independent check of chrono's TLINK verdicts: brute force over every placement.

Three intervals (two EVENT instances and one DURATION timex, so event-event, event-time and
time-time links are all exercised) get every placement of their six endpoints on the integers
0..5 with start <= end. Any satisfiable set of these order constraints over six points has a
solution there (rank the points), so the set of links is consistent exactly when some
placement satisfies all of them. Each relType's meaning is written below as plain comparisons
of endpoints, following TimeML 1.2.1 and chrono's documented lenient readings (INCLUDES and
IS_INCLUDED allow shared endpoints; DURING reads as IS_INCLUDED; IDENTITY as SIMULTANEOUS), not
through chrono's constraint network.

For every random link set the verdict of ``chrono check`` must match; for every inconsistent set
the chain CHR201 prints must itself be inconsistent and minimal (drop any link: consistent).
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Callable
from pathlib import Path

import pytest

from chrono.options import Options
from chrono.runner import check

Placement = tuple[int, int]
Test = Callable[[Placement, Placement], bool]

SEMANTICS: dict[str, Test] = {
    "BEFORE": lambda a, b: a[1] < b[0],
    "AFTER": lambda a, b: b[1] < a[0],
    "IBEFORE": lambda a, b: a[1] == b[0],
    "IAFTER": lambda a, b: b[1] == a[0],
    "INCLUDES": lambda a, b: a[0] <= b[0] and b[1] <= a[1],
    "IS_INCLUDED": lambda a, b: b[0] <= a[0] and a[1] <= b[1],
    "DURING": lambda a, b: b[0] <= a[0] and a[1] <= b[1],
    "DURING_INV": lambda a, b: a[0] <= b[0] and b[1] <= a[1],
    "BEGINS": lambda a, b: a[0] == b[0] and a[1] <= b[1],
    "BEGUN_BY": lambda a, b: a[0] == b[0] and b[1] <= a[1],
    "ENDS": lambda a, b: a[1] == b[1] and b[0] <= a[0],
    "ENDED_BY": lambda a, b: a[1] == b[1] and a[0] <= b[0],
    "SIMULTANEOUS": lambda a, b: a == b,
    "IDENTITY": lambda a, b: a == b,
}
NODES = ("ei1", "ei2", "t1")
INTERVALS = [(s, e) for s in range(6) for e in range(s, 6)]
PLACEMENTS = list(itertools.product(INTERVALS, repeat=len(NODES)))

Link = tuple[str, str, str]  # (source, relType, target)


def _mask(link: Link) -> int:
    a, rel, b = NODES.index(link[0]), link[1], NODES.index(link[2])
    test = SEMANTICS[rel]
    bits = 0
    for k, placement in enumerate(PLACEMENTS):
        if test(placement[a], placement[b]):
            bits |= 1 << k
    return bits


MASKS: dict[Link, int] = {}


def satisfiable(links: list[Link]) -> bool:
    bits = (1 << len(PLACEMENTS)) - 1
    for link in links:
        if link not in MASKS:
            MASKS[link] = _mask(link)
        bits &= MASKS[link]
        if not bits:
            return False
    return True


def _end(ident: str, role: str) -> str:
    if ident.startswith("ei"):
        return f'{"eventInstanceID" if role == "source" else "relatedToEventInstance"}="{ident}"'
    return f'{"timeID" if role == "source" else "relatedToTime"}="{ident}"'


def timeml(links: list[Link]) -> str:
    tlinks = "\n".join(
        f'<TLINK lid="l{n}" relType="{rel}" {_end(a, "source")} {_end(b, "target")}/>'
        for n, (a, rel, b) in enumerate(links, start=1)
    )
    return f"""<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"
  functionInDocument="CREATION_TIME">1998-01-08</TIMEX3></DCT>
<TEXT>
The <EVENT eid="e1" class="OCCURRENCE">strike</EVENT> and the <EVENT eid="e2" class="OCCURRENCE">talks</EVENT>
lasted <TIMEX3 tid="t1" type="DURATION" value="P2W">two weeks</TIMEX3>.
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="NOUN"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="NOUN"/>
{tlinks}
</TimeML>
"""


def _random_links(rng: random.Random) -> list[Link]:
    links = []
    for _ in range(rng.randint(1, 5)):
        a, b = rng.sample(NODES, 2)
        links.append((a, rng.choice(sorted(SEMANTICS)), b))
    return links


def _chrono(tmp_path: Path, links: list[Link]) -> list[list[int]]:
    """The chains chrono reports, as 0-based indices into ``links``."""
    path = tmp_path / "links.tml"
    path.write_text(timeml(links), encoding="utf-8")
    report = check([str(path)], Options(select=("CHR201", "CHR202")))
    chains = []
    for finding in report.findings:
        lids = [
            step.text.split(":")[0].removeprefix("TLINK l")
            for step in finding.explanation
            if step.text.startswith("TLINK ")
        ]
        chains.append([int(lid) - 1 for lid in lids])
    return chains


@pytest.mark.parametrize("seed", range(8))
def test_verdicts_match_brute_force(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    inconsistent_seen = 0
    for _ in range(60):
        links = _random_links(rng)
        chains = _chrono(tmp_path, links)
        expected = satisfiable(links)
        assert (not chains) == expected, (links, chains)
        for chain in chains:
            inconsistent_seen += 1
            subset = [links[i] for i in chain]
            assert not satisfiable(subset), (links, chain)
            for drop in range(len(subset)):
                assert satisfiable(subset[:drop] + subset[drop + 1 :]), (links, chain, drop)
    assert inconsistent_seen > 0


def test_every_relation_alone_is_consistent(tmp_path: Path) -> None:
    for rel in SEMANTICS:
        assert satisfiable([("ei1", rel, "ei2")])
        assert _chrono(tmp_path, [("ei1", rel, "t1")]) == []


def test_converses_agree(tmp_path: Path) -> None:
    pairs = [
        ("BEFORE", "AFTER"),
        ("IBEFORE", "IAFTER"),
        ("INCLUDES", "IS_INCLUDED"),
        ("BEGINS", "BEGUN_BY"),
        ("ENDS", "ENDED_BY"),
        ("DURING", "DURING_INV"),
    ]
    for rel, converse in pairs:
        links = [("ei1", rel, "ei2"), ("ei2", converse, "ei1")]
        assert satisfiable(links)
        assert _chrono(tmp_path, links) == []
