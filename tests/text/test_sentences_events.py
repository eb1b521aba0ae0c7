"""Sentences, triggers, tense and the claims of a few phrases."""

from __future__ import annotations

from chrono.analyze import analyze
from chrono.ingest import Loaded
from chrono.model import Document
from chrono.options import ReadingOptions
from chrono.text.events import find_triggers
from chrono.text.sentences import split
from chrono.text.tense import IRREALIS, PAST, PERFECT, PLANNED, PLUPERFECT


def _sentences(text: str) -> list[str]:
    return [text[s.start:s.end] for s in split(text)]


def test_sentences_survive_abbreviations_initials_quotes_and_dates() -> None:
    text = ('Dr. Lee met the U.S. envoy on Apr. 24, 2025 in Washington. "It went well." '
            "J. R. Smith agreed. Shares rose 3.5 percent.\n\nA new paragraph.")
    assert _sentences(text) == [
        "Dr. Lee met the U.S. envoy on Apr. 24, 2025 in Washington.",
        '"It went well."',
        "J. R. Smith agreed.",
        "Shares rose 3.5 percent.",
        "A new paragraph.",
    ]
    assert [s.paragraph for s in split(text)] == [0, 0, 0, 0, 1]


def test_an_acronym_ends_a_sentence_when_a_new_one_clearly_starts() -> None:
    assert _sentences("He moved to the U.S. The move was hard.") == [
        "He moved to the U.S.", "The move was hard."
    ]


def _tenses(text: str) -> dict[str, str]:
    return {t.text: t.tense for t in find_triggers(text, 0, len(text))}


def test_tense_and_modality() -> None:
    assert _tenses("The army captured the town.") == {"captured": PAST}
    assert _tenses("The army has captured the town.") == {"captured": PERFECT}
    assert _tenses("The town had been recaptured.") == {"recaptured": PLUPERFECT}
    assert _tenses("The army will attack the town.")["attack"] == PLANNED
    assert _tenses("The museum is scheduled to reopen soon.")["reopen"] == PLANNED
    assert _tenses("The army could attack the town.")["attack"] == IRREALIS
    assert _tenses("The army did not attack the town.")["attack"] == IRREALIS
    assert _tenses("It would be the version shipped by the vendor.")["shipped"] == IRREALIS


def _claims(text: str, dct: str | None = "2025-04-24") -> list[str]:
    options = ReadingOptions.dated(dct) if dct else ReadingOptions()
    analysis = analyze(Loaded(Document("t.txt", text, "text")), options)
    return [c.describe() for c in analysis.claims if type(c).__name__ != "EventExists"]


def test_planned_events_are_dated_but_never_told_as_past() -> None:
    (claim, plan) = _claims("The ministers will meet on May 3, 2025.")
    assert "happens in 2025-05-03" in claim  # no "starts by 2025-04-24": it has not happened
    assert "starts on or after" in plan and "2025-04-24" in plan  # but is still to come
    assert _claims("The ministers did not meet on May 3, 2024.") == []
    assert _claims("The ministers could meet on May 3, 2024.") == []


def test_punctual_events_lie_within_their_date_and_states_overlap_it() -> None:
    (inside, _dct) = _claims("Rebels attacked the base on 3 March 2024.")
    assert "happens in 2024-03-03" in inside
    overlap = _claims("The ceasefire held in March 2024 and talks continued.")
    assert any("starts by 2024-03" in c for c in overlap)


def test_an_aspectual_verb_dates_its_argument() -> None:
    claims = _claims("The operation, which began in the summer of 2024, was costly.")
    assert any("'operation'" in claim and "starts in 2024-SU" in claim for claim in claims)
    # told as past: it began no later than the document date
    assert any("'operation'" in claim and "starts by 2025-04-24" in claim for claim in claims)


def test_a_guessed_year_that_contradicts_the_tense_is_dropped() -> None:
    # "on May 3" resolved to the future of the DCT for a past-tense verb: no claim at all
    claims = _claims("The board met on May 3 to discuss the deal.", "2025-04-24")
    assert all("2025-05-03" not in c for c in claims)


def test_an_ing_noun_that_names_a_thing_is_no_event() -> None:
    text = "Workers left the building before the painting was moved; the sinking of the barge followed."
    found = {t.text: t.pos for t in find_triggers(text, 0, len(text))}
    assert "building" not in found and "painting" not in found
    assert found["sinking"] == "noun"


def test_a_sentence_opening_participle_phrase_is_a_past_event() -> None:
    text = "Founded in 1911 in Turin, the club moved to a new ground in 1963."
    triggers = find_triggers(text, 0, len(text))
    assert (triggers[0].text, triggers[0].tense) == ("Founded", PAST)


def test_a_passive_infinitive_is_not_asserted() -> None:
    text = "The sale is to be completed in May."
    assert all(t.tense != PAST for t in find_triggers(text, 0, len(text)))


def test_a_year_less_until_dates_nothing() -> None:
    text = "The judges rejected a defence motion and adjourned the trial until 12 June."
    assert not [c for c in _claims(text, "2025-04-10") if "until" in c]
    assert [c for c in _claims("The museum stayed closed until 12 June 2024.", "2025-04-10") if "until" in c]


def test_a_date_after_another_clause_verb_is_not_the_earlier_trigger_s() -> None:
    claims = _claims("The rover landed near the crater and spent the rest of 2022 drilling.", "2024-01-10")
    assert not [c for c in claims if "2022" in c and "'landed'" in c]
    assert [c for c in claims if "2022" in c and "'spent'" in c]  # the verb of its own clause
    claims = _claims("The retailer raised its outlook for the fiscal year ending in January.", "2024-01-10")
    assert not [c for c in claims if "January" in c]


def test_an_aspectual_verb_after_a_relative_clause_dates_the_noun_before_it() -> None:
    claims = _claims("The dock strike, which lasted three weeks, ended on 20 March.", "2024-06-14")
    assert any("'strike'" in c and "ends in 2024-03-20" in c for c in claims), claims
