"""A second, independent reference for link sets that involve gold dates.

Brute force over placements does not scale to calendar constants, so here the reference is a
different algorithm over a different number system: each link and each TIMEX3 value becomes
point constraints ``x - y <= c`` or ``x - y < c`` over the *reals*, and Floyd-Warshall on a
dense matrix of (bound, strict) pairs decides satisfiability (a cycle is impossible when its sum
is negative, or zero with a strict step). chrono works on integer seconds with SPFA and turns
``<`` into ``<= -1``; with day-sized constants and a handful of points both must agree.

Semantics written out here: a dated TIMEX3 lies within its value's half-open period (``lo <=
start < hi``, ``lo < end <= hi``), an event or TIMEX3 does not end before it starts, and the TimeML relTypes as in
``test_bruteforce.py``.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from chrono.options import Options
from chrono.runner import check

DAY = 86400
BASE = 10227 * DAY  # 1998-01-01 in seconds since 1970-01-01
VALUES = {  # value -> [lo, hi) in seconds
    "1998-01-05": (BASE + 4 * DAY, BASE + 5 * DAY),
    "1998-01-06": (BASE + 5 * DAY, BASE + 6 * DAY),
    "1998-01-07": (BASE + 6 * DAY, BASE + 7 * DAY),
    "1998-W02": (BASE + 4 * DAY, BASE + 11 * DAY),
    "1998-01": (BASE, BASE + 31 * DAY),
    "1998-01-06TEV": (BASE + 5 * DAY + 17 * 3600, BASE + 6 * DAY),
}
EVENTS = ("ei1", "ei2")
TIMES = ("t1", "t2", "t3")
RELATIONS = (
    "BEFORE",
    "AFTER",
    "IBEFORE",
    "IAFTER",
    "INCLUDES",
    "IS_INCLUDED",
    "DURING",
    "DURING_INV",
    "BEGINS",
    "BEGUN_BY",
    "ENDS",
    "ENDED_BY",
    "SIMULTANEOUS",
    "IDENTITY",
)

# A constraint: (x, y, bound, strict) meaning x - y <= bound (or < bound when strict).
Constraint = tuple[str, str, float, bool]


def _le(x: str, y: str, strict: bool = False) -> Constraint:
    """x <= y (x < y when strict)."""
    return (x, y, 0.0, strict)


def _relation(a: str, rel: str, b: str) -> list[Constraint]:
    a_s, a_e, b_s, b_e = f"{a}.s", f"{a}.e", f"{b}.s", f"{b}.e"
    table: dict[str, list[Constraint]] = {
        "BEFORE": [_le(a_e, b_s, True)],
        "AFTER": [_le(b_e, a_s, True)],
        "IBEFORE": [_le(a_e, b_s), _le(b_s, a_e)],
        "IAFTER": [_le(b_e, a_s), _le(a_s, b_e)],
        "INCLUDES": [_le(a_s, b_s), _le(b_e, a_e)],
        "IS_INCLUDED": [_le(b_s, a_s), _le(a_e, b_e)],
        "BEGINS": [_le(a_s, b_s), _le(b_s, a_s), _le(a_e, b_e)],
        "BEGUN_BY": [_le(a_s, b_s), _le(b_s, a_s), _le(b_e, a_e)],
        "ENDS": [_le(a_e, b_e), _le(b_e, a_e), _le(b_s, a_s)],
        "ENDED_BY": [_le(a_e, b_e), _le(b_e, a_e), _le(a_s, b_s)],
        "SIMULTANEOUS": [_le(a_s, b_s), _le(b_s, a_s), _le(a_e, b_e), _le(b_e, a_e)],
    }
    table["DURING"], table["DURING_INV"], table["IDENTITY"] = (
        table["IS_INCLUDED"],
        table["INCLUDES"],
        table["SIMULTANEOUS"],
    )
    return table[rel]


def reference(values: dict[str, str], links: list[tuple[str, str, str]]) -> bool:
    constraints: list[Constraint] = []
    for node in (*EVENTS, *TIMES):
        constraints.append(_le(f"{node}.s", f"{node}.e"))
    for tid, value in values.items():
        lo, hi = VALUES[value]
        constraints += [("zero", f"{tid}.s", -lo, False), (f"{tid}.e", "zero", hi, False)]
        # within the half-open [lo, hi): the start comes before hi and the end after lo
        constraints += [(f"{tid}.s", "zero", hi, True), ("zero", f"{tid}.e", -lo, True)]
    for a, rel, b in links:
        constraints += _relation(a, rel, b)
    points = sorted({p for c in constraints for p in c[:2]})
    index = {p: i for i, p in enumerate(points)}
    n = len(points)
    inf = float("inf")
    # dist[i][j] = tightest known (bound, strict) on x_j - x_i... stored as (value, strict_flag)
    dist = [[(0.0, False) if i == j else (inf, False) for j in range(n)] for i in range(n)]
    for x, y, bound, strict in constraints:
        i, j = index[y], index[x]  # x - y <= bound: edge y -> x
        if (bound, not strict) < (dist[i][j][0], not dist[i][j][1]):
            dist[i][j] = (bound, strict)
    for k in range(n):
        for i in range(n):
            if dist[i][k][0] == inf:
                continue
            for j in range(n):
                if dist[k][j][0] == inf:
                    continue
                total = (dist[i][k][0] + dist[k][j][0], dist[i][k][1] or dist[k][j][1])
                if (total[0], not total[1]) < (dist[i][j][0], not dist[i][j][1]):
                    dist[i][j] = total
    return all(not (d[0] < 0 or (d[0] == 0 and d[1])) for d in (dist[i][i] for i in range(n)))


def timeml(values: dict[str, str], links: list[tuple[str, str, str]]) -> str:
    def end(ident: str, role: str) -> str:
        kind = (
            ("eventInstanceID", "relatedToEventInstance")
            if ident.startswith("ei")
            else ("timeID", "relatedToTime")
        )
        return f'{kind[0 if role == "s" else 1]}="{ident}"'

    timexes = " ".join(
        f'<TIMEX3 tid="{tid}" type="DATE" value="{value}">{value}</TIMEX3>' for tid, value in values.items()
    )
    tlinks = "\n".join(
        f'<TLINK lid="l{n}" relType="{rel}" {end(a, "s")} {end(b, "t")}/>'
        for n, (a, rel, b) in enumerate(links, start=1)
    )
    return f"""<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08"
  functionInDocument="CREATION_TIME">1998-01-08</TIMEX3></DCT>
<TEXT>
The <EVENT eid="e1" class="OCCURRENCE">strike</EVENT> and the <EVENT eid="e2" class="OCCURRENCE">talks</EVENT>: {timexes}
</TEXT>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST" aspect="NONE" polarity="POS" pos="NOUN"/>
<MAKEINSTANCE eventID="e2" eiid="ei2" tense="PAST" aspect="NONE" polarity="POS" pos="NOUN"/>
{tlinks}
</TimeML>
"""


@pytest.mark.parametrize("seed", range(6))
def test_dated_verdicts_match_the_reference(tmp_path: Path, seed: int) -> None:
    rng = random.Random(1000 + seed)
    verdicts = {True: 0, False: 0}
    for _ in range(50):
        values = {tid: rng.choice(sorted(VALUES)) for tid in TIMES}
        links = []
        for _ in range(rng.randint(1, 4)):
            a, b = rng.sample((*EVENTS, *TIMES), 2)
            links.append((a, rng.choice(RELATIONS), b))
        path = tmp_path / "dated.tml"
        path.write_text(timeml(values, links), encoding="utf-8")
        report = check([str(path)], Options(select=("CHR201", "CHR202")))
        expected = reference(values, links)
        assert (not report.findings) == expected, (values, links, [f.message for f in report.findings])
        verdicts[expected] += 1
    assert verdicts[True]
    assert verdicts[False]
