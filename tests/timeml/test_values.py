"""TIMEX3 value checks: lexical form (CHR504) and agreement with the expression's own words (CHR505)."""

from __future__ import annotations

import pytest

from chrono.timeml_compile import value_text_disagreements, well_formed


@pytest.mark.parametrize(
    ("timex_type", "value"),
    [
        ("DATE", "1998-01-08"),
        ("DATE", "1998-W02"),
        ("DATE", "1998-W02-WE"),
        ("DATE", "1998-Q3"),
        ("DATE", "1998-SU"),
        ("DATE", "199"),
        ("DATE", "XXXX-08"),
        ("DATE", "PRESENT_REF"),
        ("TIME", "1998-01-08T14:30"),
        ("TIME", "1998-01-08TEV"),
        ("TIME", "1990-08-16T20:41-04:00"),
        ("DURATION", "P3W"),
        ("DURATION", "PT2H30M"),
        ("DURATION", "PXY"),
        ("SET", "P1D"),
        ("SET", "XXXX-WXX-2"),
    ],
)
def test_well_formed(timex_type: str, value: str) -> None:
    assert well_formed(timex_type, value)


@pytest.mark.parametrize(
    ("timex_type", "value"),
    [
        ("DATE", "2000-W7"),
        ("DATE", "yesterday"),
        ("DURATION", "1998-08-04"),
        ("DATE", "1998/01/08"),
        ("X", "P1D"),
    ],
)
def test_malformed(timex_type: str, value: str) -> None:
    assert not well_formed(timex_type, value)


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("Jan. 8, 1998", "1998-01-09", "the text names day 8 but the value says 09"),
        ("fiscal 1988", "1989", "the text says 1988 but the value says 1989"),
        ("July last year", "1997-06", "the text names month 07 but the value says 06"),
        ("Friday", "1998-01-06", "the text says Friday but 1998-01-06 is a Tuesday"),
        ("9 a.m. EST Tuesday", "2000-04-03T09:00", "the text says Tuesday but 2000-04-03 is a Monday"),
    ],
)
def test_disagreements(text: str, value: str, expected: str) -> None:
    assert value_text_disagreements(text, value) == [expected]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Sunday, Jan. 4", "1998-01-04"),
        ("the day before last Tuesday", "2000-02-21"),  # relative: not compared
        ("last year", "1997"),
        ("the 1990s", "199"),
        ("$1998 million", "1998"),
        ("May", "1998-05"),
        ("XXXX", "XXXX-08"),
        ("now", "PRESENT_REF"),
    ],
)
def test_agreements(text: str, value: str) -> None:
    assert value_text_disagreements(text, value) == []
