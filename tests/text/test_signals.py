"""The signal table (chrono/lang/en/prose/signals.yaml): every signal the tagger can report is
decided, and each reading bounds the endpoints it says."""

from __future__ import annotations

from chrono.model import Part, Qualifier
from chrono.resources import load_yaml
from chrono.text.signals import Bound, range_reading, reading_of
from chrono.text.vocabulary import vocabulary


def test_every_signal_the_tagger_reports_has_a_reading_or_none() -> None:
    reported = set(load_yaml("lang", "en", "lexicon.yaml")["classes"]["signal"]["words"].values())
    decided = set(vocabulary("signals").table("signals"))
    assert reported <= decided, f"signals without a decision in signals.yaml: {sorted(reported - decided)}"


def test_in_places_a_punctual_event_within_and_a_state_across() -> None:
    reading = reading_of("in")
    assert reading is not None and reading_of(None) == reading and reading_of("on") == reading
    assert reading.bounds(Part.WHOLE, punctual=True) == (Bound(Part.WHOLE, Qualifier.IN),)
    assert reading.bounds(Part.WHOLE, punctual=False) == (
        Bound(Part.START, Qualifier.BY), Bound(Part.END, Qualifier.ON_OR_AFTER)
    )
    assert reading.bounds(Part.END, punctual=True) == (Bound(Part.END, Qualifier.IN),)


def test_by_and_until_bound_the_end_and_say_nothing_of_a_start() -> None:
    for signal in ("by", "until", "to"):
        reading = reading_of(signal)
        assert reading is not None
        assert reading.bounds(Part.WHOLE, punctual=True) == (Bound(Part.END, Qualifier.BY),)
        assert reading.bounds(Part.START, punctual=True) == ()
    by, until = reading_of("by"), reading_of("until")
    assert by is not None and by.past_only and not by.written_year_only
    assert until is not None and until.written_year_only and not until.past_only


def test_before_after_from_since() -> None:
    expected = {"before": Bound(Part.START, Qualifier.BEFORE), "after": Bound(Part.END, Qualifier.AFTER),
                "from": Bound(Part.START, Qualifier.IN), "since": Bound(Part.START, Qualifier.BY)}
    for signal, bound in expected.items():
        reading = reading_of(signal)
        assert reading is not None and reading.bounds(Part.WHOLE, punctual=False) == (bound,)


def test_signals_that_make_no_claim() -> None:
    for signal in ("through", "for", "within", "as_of", "a word the table does not know"):
        assert reading_of(signal) is None


def test_ranges() -> None:
    between = range_reading("between")
    assert (between.first, between.last) == (Bound(Part.START, Qualifier.ON_OR_AFTER), Bound(Part.END, Qualifier.BY))
    plain = range_reading("from")
    assert (plain.first, plain.last) == (Bound(Part.START, Qualifier.IN), Bound(Part.END, Qualifier.IN))
    assert range_reading(None) == plain
