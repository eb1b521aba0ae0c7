"""Verdicts on real TimeBank/AQUAINT documents, each checked by hand against the file.

The corpora are read from ``../shared/corpora`` beside the checkout (never copied into the
repository); the tests skip when they are not there. For each conflict below the comment gives
the reasoning done by hand from the TLINKs and TIMEX3 values in the file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from chrono.options import Options
from chrono.runner import check

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora" / "tbaq"
pytestmark = pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora not available")


def _chains(relative: str) -> list[set[str]]:
    report = check([str(CORPORA / relative)], Options(select=("CHR201",)))
    return [
        {s.text.split(":")[0].removeprefix("TLINK ") for s in f.explanation if s.text.startswith("TLINK")}
        for f in report.findings
    ]


HAND_VERIFIED = [
    # massing (ei1612) IDENTITY massed (ei1630); massing INCLUDES the DCT (20:41); massed BEFORE the
    # DCT. One interval cannot both contain the DCT and end before it.
    ("TimeBank/AP900816-0139.tml", {"l62", "l54", "l63"}),
    # introduction (ei2006) IS_INCLUDED April = 1988-04; introduced (ei2011) IDENTITY introduction;
    # introduced IS_INCLUDED April = 1989-04. One of the two "April" values is a year off.
    ("TimeBank/wsj_0928.tml", {"l15", "l19", "l18"}),
    # "fourth quarter" (t2027, value 1998-Q4, a typo for 1989-Q4) ENDED_BY "Sept. 30" (1989-09):
    # a quarter of 1998 cannot end with September 1989.
    ("TimeBank/wsj_0136.tml", {"l10"}),
    # DCT IS_INCLUDED curbed; curbed ENDED_BY TRADING = trading; suspending ENDS trading; DCT AFTER
    # suspending. So suspending, trading and curbed end together, after the DCT... and before it.
    ("TimeBank/wsj_0675.tml", {"l2", "l5", "l8", "l12", "l11"}),
    # crossing BEFORE sank; perished DURING crossing; sank BEFORE perished: a cycle of BEFOREs
    # through the containment.
    ("AQUAINT/APW20000401.0150.tml", {"l48", "l47", "l49"}),
    # killings BEFORE the DCT; slayings INCLUDES killings; slayings IS_INCLUDED "the last five
    # years" (t48); t48 ENDS the DCT, i.e. the five years lie within the DCT's day (the annotator
    # meant ENDED_BY): then the killings would end before the DCT starts yet lie inside it.
    ("TimeBank/NYT19980402.0453.tml", {"l24", "l25", "l3", "l4"}),
    # "the quarter" (1989-Q2, April-June) ENDED_BY "July 31" (1989-07-31): the text means a fiscal
    # quarter ending July 31, so the value should not be the calendar Q2.
    ("TimeBank/wsj_0662.tml", {"l4"}),
]


@pytest.mark.parametrize(("relative", "lids"), HAND_VERIFIED, ids=[c[0] for c in HAND_VERIFIED])
def test_hand_verified_conflict(relative: str, lids: set[str]) -> None:
    assert lids in _chains(relative)


@pytest.mark.parametrize(
    "relative",
    # Consistent, checked by hand link by link. wsj_0006: acquisition < approved < said = said
    # < DCT (1989-11-02); complete ENDS transaction, complete < year-end (1989-12-31).
    # wsj_1073: had = sales, sales DURING 1988, paid/said/had BEFORE the DCT (1989-10-25).
    ["TimeBank/wsj_0006.tml", "TimeBank/wsj_1073.tml"],
)
def test_hand_verified_consistent(relative: str) -> None:
    assert _chains(relative) == []
