"""Linking keys read from one document's words (chrono.corpus.keys): what links two documents'
events, and what must not."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from chrono.corpus import keys as key_reader
from chrono.corpus.keys import keys_in
from chrono.model import Grade
from chrono.text.events import find_triggers

from ..strategies import PROSE_WORDS, soups


def keys(sentence: str) -> dict[str, Grade]:
    return {key.value: key.grade for _, key in keys_in(sentence, 0, len(sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "Russian troops recaptured Sudzha in March 2025, officials said.",
        "The recapture of Sudzha by Russian forces was confirmed.",
        "Sudzha was retaken in March.",
        "Moscow's soldiers retook the town of Sudzha on 12 March 2025.",
    ],
)
def test_one_recapture_told_four_ways_has_one_key(sentence: str) -> None:
    assert keys(sentence).get("recapture|sudzha") is Grade.STRONG


def test_two_recaptures_of_two_towns_have_two_keys() -> None:
    assert "recapture|sudzha" in keys("Russian troops recaptured Sudzha in March 2025.")
    assert "recapture|pokrovsk" in keys("Ukrainian units recaptured Pokrovsk in March 2025.")
    assert "recapture|sudzha" not in keys("Ukrainian units recaptured Pokrovsk in March 2025.")


def test_elections_of_one_country_in_two_years_have_two_keys() -> None:
    one = keys("The 2020 Romanian presidential election was held on 8 November 2020.")
    other = keys("The 2024 Romanian presidential election was held on 24 November 2024.")
    assert one == {"election|presidential|romania|2020": Grade.STRONG}
    assert other == {"election|presidential|romania|2024": Grade.STRONG}


def test_an_election_without_its_year_links_only_uncertainly() -> None:
    found = keys("Romania's presidential election took place in May 2025.")
    assert found == {"election|presidential|romania": Grade.WEAK}
    assert keys("The presidential election in Romania took place in May 2025.") == found


def test_a_country_s_presidential_and_parliamentary_elections_are_two_events() -> None:
    assert "election|parliamentary|romania|2024" in keys("The 2024 Romanian parliamentary election was held.")


def test_a_named_event_is_keyed_by_its_name_and_the_act_told() -> None:
    assert keys("The Treaty of Lisbon was signed in December 2007.") == {"named:treaty of lisbon|signing": Grade.STRONG}
    assert "named:operation ember" in keys("Operation Ember began on 3 May 2023.")


def test_a_class_alone_never_links() -> None:
    assert keys("The election was held on 3 May.") == {}
    assert keys("The town was recaptured in March.") == {}


def test_the_event_an_election_was_annulled_is_not_the_election() -> None:
    found = keys("The 2024 Romanian presidential election was annulled in December 2024.")
    assert found["election|presidential|romania|2024"] is Grade.STRONG
    assert not any(key.startswith("election") and grade is Grade.STRONG and key != "election|presidential|romania|2024"
                   for key, grade in found.items())


@pytest.mark.parametrize(
    "sentence",
    [
        "President Fidel Castro said Tuesday his government told U.S. officials.",
        "Louis Freeh said here Friday that U.S. agents would help.",
        "Iran on Saturday condemned the attack on U.S. diplomats.",
        "The Czech Republic today became a full member of NATO.",
        "On 5 February, Prow's bump PR is merged.",
    ],
)
def test_a_broad_act_and_a_name_do_not_link_documents(sentence: str) -> None:
    # whose words, or which act of saying, condemning or becoming: nothing says it is one event
    assert keys(sentence) == {}


def test_a_broad_act_with_its_year_or_a_name_still_links() -> None:
    assert "named:operation ember" in keys("Operation Ember began on 3 May 2023.")
    assert keys("The 2024 Romanian presidential election was held.") == {
        "election|presidential|romania|2024": Grade.STRONG
    }


@pytest.mark.parametrize(
    ("sentence", "key"),
    [
        ("We will be releasing Rust 1.56.1 today.", "release|rust 1.56.1"),
        ("On May 15th, 2015, Rust was released to the world!", "release|rust"),
        ("In 2012, when we released Go 1, we were proud.", "release|go 1"),
        ("The turning point was the release of Go 1 in March 2012.", "release|go 1"),
        ("We released Go 1.24 in February.", "release|go 1.24"),
        ("Sep 12 2008: Python 2.6rc1 is released.", "release|python 2.6rc1"),
        ("The Rust 2024 Edition will be released on 2025-02-20.", "release|rust 2024 edition"),
        ("Russian troops recaptured Sudzha 12 days later.", "recapture|sudzha"),
    ],
)
def test_a_version_written_after_a_name_is_part_of_it(sentence: str, key: str) -> None:
    assert key in keys(sentence)


def test_the_words_after_a_date_are_not_what_the_event_is_about() -> None:
    assert keys("A project with a minor release in February 2019 should support Python 3.5.") == {}


def _sentence_start_by_full_scan(text: str, start: int) -> int:
    """The reference: the last break a scan of the 600 characters before ``start`` finds."""
    ends = [m.end() for m in key_reader._SENTENCE_END.finditer(text, max(0, start - 600), start)]
    return ends[-1] if ends else 0


@given(st.text(alphabet="ab Z.!?\"'”’)\t\n#-*1,;\u00a0", max_size=900), st.integers(0, 900))
@example("word. " * 30 + "\n- item\n" + "x1 " * 100, 700)  # the break is two stretches back
@example("a" * 50 + "\n- " + "b" * 119, 172)  # a break whose look-ahead reads into the next stretch
def test_sentence_start_is_the_full_scans(text: str, start: int) -> None:
    start = min(start, len(text))
    assert key_reader.sentence_around(text, start, start)[0] == _sentence_start_by_full_scan(text, start)


# multi-word triggers hide the words inside them ("took place", "stepped down")
_SOUPS = soups([*PROSE_WORDS, "took place", "took", "place", "stepped down", "down", "the election"], " ", 30)


@given(_SOUPS)
@example("The vote took place on Monday.")
def test_trigger_at_is_the_trigger_read_in_the_whole_sentence(text: str) -> None:
    for start in range(len(text)):
        lo, hi = key_reader.sentence_around(text, start, start)
        whole = next((t for t in find_triggers(text, lo, hi) if t.start <= start < t.end), None)
        assert key_reader.trigger_at(text, start, start) == whole


@pytest.mark.parametrize(
    ("sentence", "key", "grade"),
    [
        # a surname or a first name alone may be two people of one corpus
        ("Varga was born on 30 November 2005.", "birth|varga", Grade.WEAK),
        ("Their daughter Ruth was born in 1961.", "birth|ruth", Grade.WEAK),
        ("Lena Varga was born on 30 November 2005.", "birth|lena varga", Grade.STRONG),
        # a cup, a marathon, a festival is held again every year: its name without the year
        # may be two editions
        ("Dunmere Athletic won the Eastshire County Cup on 14 March 2015.", "named:eastshire county cup|win", Grade.WEAK),
        ("The 2026 Dunmere Marathon was held on 3 May.", "named:2026 dunmere marathon", Grade.STRONG),
        ("The Treaty of Lisbon was signed in December 2007.", "named:treaty of lisbon|signing", Grade.STRONG),
    ],
)
def test_links_that_may_be_two_people_or_two_editions_are_uncertain(sentence: str, key: str, grade: Grade) -> None:
    assert keys(sentence).get(key) is grade
