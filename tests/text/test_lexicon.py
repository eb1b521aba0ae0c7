"""The event lexicon (chrono/lang/en/events/triggers.yaml, synonyms.yaml): its shape, event nouns
found with their class and verb, their other senses left alone, and the synonym sets."""

from __future__ import annotations

from typing import Any

import pytest

from chrono.analyze import analyze, run_rules
from chrono.ingest import Loaded
from chrono.knowledge import SYNONYM_STRENGTHS, synonym_sets, trigger_words
from chrono.model import Document, Severity
from chrono.options import Options, ReadingOptions
from chrono.resources import load_yaml
from chrono.runner import selected_rules
from chrono.text.events import Trigger, find_triggers, lexicon
from chrono.text.inflection import regular_forms
from chrono.text.tense import NOMINAL
from chrono.text.vocabulary import vocabulary

WORDS = trigger_words()
PUNCTUAL = frozenset(WORDS.punctual_classes)


def _class(spec: Any) -> str:
    return str(spec["class"]) if isinstance(spec, dict) else str(spec)


def _triggers(text: str) -> dict[str, Trigger]:
    return {t.text: t for t in find_triggers(text, 0, len(text))}


# -- the shape of the data ------------------------------------------------------------------------


def test_the_lexicon_has_event_nouns_of_every_kind_of_story() -> None:
    assert len(WORDS.nouns) >= 300
    for noun in ["reopening", "inauguration", "stoppage", "outage", "blackout", "premiere",
                 "landfall", "walkout", "verdict", "earthquake", "rollback", "funeral"]:
        assert noun in WORDS.nouns


def test_a_nouns_verb_is_a_verb_of_the_lexicon_and_agrees_on_punctuality() -> None:
    for noun, spec in WORDS.nouns.items():
        if not isinstance(spec, dict) or "verb" not in spec:
            continue
        verb = spec["verb"]
        assert verb in WORDS.verbs, f"{noun}: its verb {verb!r} is not in the lexicon"
        noun_punctual = _class(spec) in PUNCTUAL
        verb_punctual = _class(WORDS.verbs[verb]) in PUNCTUAL
        # (a transaction's noun is the process from agreement to completion, its verb the act
        # that completes it: "the takeover of Pellow in January … took over Pellow on 4 May")
        assert noun_punctual == verb_punctual or _class(spec) == "transaction", (
            f"{noun} and {verb} disagree on punctuality")


def _ing_forms() -> dict[str, str]:
    """-ing form -> lemma, for every verb of the lexicon."""
    out = {}
    for lemma, spec in WORDS.verbs.items():
        forms = spec.get("forms", []) if isinstance(spec, dict) else []
        if len(forms) == 4:
            out[forms[3]] = lemma
        elif not forms and " " not in lemma:
            out[regular_forms(lemma)[3]] = lemma
    return out


# "the sinking", "a profit warning": a lemma of their own (see their comments in triggers.yaml)
_OWN_LEMMA = {"sinking", "warning"}


def test_a_noun_that_is_an_ing_form_names_that_verbs_event() -> None:
    # "the reopening" is found as the -ing form of "reopen" after a determiner; a noun entry of the
    # same word must not give it another lemma or class
    ing = _ing_forms()
    for noun, spec in WORDS.nouns.items():
        if noun not in ing or noun in _OWN_LEMMA:
            continue
        lemma = ing[noun]
        assert isinstance(spec, dict) and spec.get("verb") == lemma, f"{noun}: verb should be {lemma}"
        assert _class(spec) == _class(WORDS.verbs[lemma]), f"{noun}: class should be that of {lemma}"


def test_words_that_are_mostly_something_else_are_not_event_nouns() -> None:
    for word in ["march", "spring", "present", "record", "party", "return", "recall", "settlement",
                 "execution", "primary", "loss", "win", "flight", "exile", "probe"]:
        assert word not in WORDS.nouns


def test_a_final_is_an_event_only_as_the_subject_of_its_playing() -> None:
    text = "The final, which lasted three hours, began at 1.15pm. The final figures are out. She reached the final."
    finals = [t for t in find_triggers(text, 0, len(text)) if t.lemma == "final"]
    assert [t.start for t in finals] == [4]


def test_the_tables_of_other_senses_name_nouns_of_the_lexicon() -> None:
    words = vocabulary("events")
    for key in ("noun_not_after", "noun_only_before", "noun_not_before"):
        for noun in words.table(key):
            assert noun in WORDS.nouns, f"{key}: {noun!r} is not an event noun"
    assert not words.set("other_plurals") & set(WORDS.nouns)


def test_every_synonym_is_an_event_noun_and_a_same_set_agrees_on_punctuality() -> None:
    data = load_yaml("lang", "en", "events", "synonyms.yaml")
    assert set(data) == {*SYNONYM_STRENGTHS, "general"}
    for general, specific in data["general"].items():
        assert general in WORDS.nouns and general not in specific, general
        assert all(word in WORDS.nouns for word in specific), specific
    seen: set[frozenset[str]] = set()
    for strength in SYNONYM_STRENGTHS:
        for group in data[strength]:
            words = frozenset(group)
            assert len(words) == len(group) >= 2, group
            assert words not in seen, f"{group} is listed twice"
            seen.add(words)
            for word in group:
                assert word in WORDS.nouns, f"{strength} {group}: {word!r} is not an event noun"
            if strength == "same":
                assert len({_class(WORDS.nouns[w]) in PUNCTUAL for w in group}) == 1, group


# -- nouns found with their class and verb --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word", "event_class", "lemma"),
    [
        ("Crowds lined the quay for the reopening of the old ferry terminal.", "reopening", "occurrence",
         "reopen"),
        ("A June 2021 reopening was ruled out.", "reopening", "occurrence", "reopen"),
        ("Her inauguration drew a large crowd.", "inauguration", "take_office", "inaugurate"),
        ("The walkout at the tyre plant entered its third week.", "walkout", "state", "walk out"),
        ("The stoppage closed two terminals.", "stoppage", "state", "stoppage"),
        ("After the fall of the citadel, the garrison scattered.", "fall", "capture", "fall"),
        ("The seizure of the airfield surprised the defenders.", "seizure", "capture", "seize"),
        ("The outage hit customers in three regions.", "outage", "state", "outage"),
        ("The storm weakened after landfall near the delta.", "landfall", "occurrence", "landfall"),
        ("Two air strikes hit the depot.", "air strikes", "attack", "air strike"),
        ("Schools shut amid protests over the levy.", "protests", "state", "protests"),
        ("The town was quiet after attacks on two depots.", "attacks", "attack", "attack"),
        ("Hurricane Mira weakened over land.", "Hurricane", "occurrence", "hurricane"),
        ("A week after the IPO, the shares slid.", "IPO", "listing", "ipo"),
        ("The abdication shocked the court.", "abdication", "leave_office", "abdicate"),
        ("The premiere sold out in an hour.", "premiere", "occurrence", "premiere"),
        ("The rollback took twenty minutes.", "rollback", "occurrence", "roll back"),
        ("The strike began at dawn.", "strike", "state", "strike"),
    ],
)
def test_an_event_noun_is_found_with_its_class_and_verb(text: str, word: str, event_class: str,
                                                        lemma: str) -> None:
    found = _triggers(text)
    assert word in found, found
    trigger = found[word]
    assert (trigger.pos, trigger.event_class, trigger.lemma, trigger.tense) == ("noun", event_class, lemma,
                                                                              NOMINAL)


def test_a_multi_word_noun_is_one_trigger() -> None:
    assert list(_triggers("The general strike shut the ports.")) == ["general strike", "shut"]


# -- the other senses of event words --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The two of them were a perfect match.", "match"),
        ("Colours chosen to match the curtains.", "match"),
        ("In the fall of 2021 she moved to Lyon.", "fall"),
        ("The leaves turn red every fall.", "fall"),
        ("Prices fall when supply grows.", "fall"),
        ("Riot police blocked the bridge.", "Riot"),
        ("The firm's sales rose four percent.", "sales"),
        ("She spent a great deal of time abroad.", "deal"),
        ("The Election Commission printed the ballots.", "Election"),
        ("The release notes list three fixes.", "release"),
        ("Many found the cartoon deeply offensive.", "offensive"),
        ("They vote on Mondays.", "vote"),
        ("The minister came under fire over the budget.", "fire"),
        ("The mayor won by a landslide.", "landslide"),
        ("A memory leak slowed the server.", "leak"),
        ("The crowd met in March and again in spring.", "March"),
        ("She kept a record of every present at the party.", "record"),
        ("The auction house opened a gallery.", "auction"),
        ("The launch pad was repainted.", "launch"),
        ("The Strike Force toured the region.", "Strike"),
        ("The hikers camped below Raven Fell for the night.", "Fell"),
    ],
)
def test_an_event_word_in_another_sense_is_no_event(text: str, word: str) -> None:
    assert word not in _triggers(text)


def test_a_capitalised_noun_opening_the_sentence_is_still_an_event() -> None:
    assert "Outage" in _triggers("Outage of the payment service lasted an hour.")


def test_a_capitalised_past_form_after_a_lower_case_word_is_still_an_event() -> None:
    assert "Reopened" in _triggers("The bridge, long shut, Reopened on Monday.")


# -- synonym sets ---------------------------------------------------------------------------------


def test_a_noun_has_its_synonyms_and_the_verbs_that_name_them() -> None:
    stoppage = synonym_sets()["stoppage"]
    assert {"strike", "walkout", "industrial action"} <= stoppage.nouns
    assert "walk out" in stoppage.verbs and "walk out" in stoppage.lemmas
    # the dock workers' strike is not what missiles struck
    assert "strike" not in stoppage.verbs
    # a noun is found by the lemma its mentions carry as well as by its own word
    assert synonym_sets()["seize"] == synonym_sets()["seizure"]
    assert {"capture", "fall"} <= synonym_sets()["seizure"].nouns
    assert "fall" not in synonym_sets()["seizure"].verbs


def test_synonyms_are_not_transitive_beyond_one_set() -> None:
    sets = synonym_sets()
    assert {"blackout", "downtime"} <= sets["outage"].nouns
    assert "downtime" not in sets["blackout"].nouns


def test_a_vote_and_an_election_are_related_not_the_same() -> None:
    assert "election" not in synonym_sets().get("vote", synonym_sets()["referendum"]).nouns
    assert "election" in synonym_sets("related")["vote"].nouns


def test_an_unknown_strength_is_refused() -> None:
    with pytest.raises(ValueError, match="same, related"):
        synonym_sets("close")


# -- in the pipeline ------------------------------------------------------------------------------


def _claims(text: str, dct: str = "2025-04-24") -> list[str]:
    analysis = analyze(Loaded(Document("t.txt", text, "text")), ReadingOptions.dated(dct))
    return [c.describe() for c in analysis.claims if type(c).__name__ != "EventExists"]


def test_a_punctual_noun_lies_within_its_date_and_a_lasting_one_overlaps_it() -> None:
    claims = _claims("The reopening of the ferry terminal in June 2023 drew crowds.")
    assert any("'reopening'" in c and "happens in 2023-06" in c for c in claims), claims
    claims = _claims("The outage on 4 March 2024 hit three regions.")
    assert any("'outage'" in c and "starts by 2024-03-04" in c for c in claims), claims
    assert not any("happens in" in c for c in claims), claims


def test_a_labour_strike_is_not_the_punctual_strike_of_a_missile() -> None:
    # "struck" (attack, punctual) and "the strike" (a stoppage, lasting) are not one event
    claims = _claims("Dock workers struck on 3 May 2021. The strike ended on 20 May 2021.")
    assert not any("'struck'" in c and "ends" in c for c in claims), claims


def _errors(text: str, dct: str = "2023-10-20") -> list[str]:
    options = Options(reading=ReadingOptions.dated(dct))
    analysis = analyze(Loaded(Document("t.txt", text, "text")), options.reading)
    return [f.rule for f in run_rules(analysis, selected_rules(options)) if f.severity >= Severity.ERROR]


@pytest.mark.parametrize(
    "text",
    [
        "Dock workers walked out on 3 May 2021 over pay. The stoppage, the port's longest since 1989, "
        "ended on 20 May when the union accepted a six percent offer. The strike cost exporters an "
        "estimated 40 million dollars.",
        "The outage began at 14:02 UTC on 3 March 2023, when a configuration change reached all regions. "
        "The rollback started at 14:31 and the downtime ended at 15:10. A second, shorter disruption "
        "followed on 5 March.",
        "Government troops recaptured the town on 12 October 2022, ten days after its fall to rebel "
        "fighters on 2 October. The seizure of the bridge the week before had cut the main road.",
        "The bridge closed for renovation in January 2021. The renovation ran over budget, and the "
        "reopening, first set for June 2022, took place on 4 September 2022. The closure lasted twenty "
        "months.",
        "Hurricane Lina made landfall near the port on 28 August 2023. The storm had formed on 21 August; "
        "the hurricane weakened after landfall, and the blackout that followed lasted four days.",
        "The quake struck at 03:12 on 9 February 2023. Aftershocks continued for a week, and the tremor "
        "was felt 300 km away. The evacuation of the old town ended on 12 February.",
        "The company's listing in March 2019 came a year after its founding. Its acquisition of a rival "
        "in 2021 doubled revenue, and the takeover was completed in June 2021 after a four-month review.",
    ],
)
def test_stories_told_with_event_nouns_give_no_error(text: str) -> None:
    assert _errors(text) == []


def test_two_event_nouns_dated_too_far_apart_are_an_error() -> None:
    text = "The hurricane made landfall on 28 August 2023, two days after the evacuation on 20 August 2023."
    assert _errors(text) == ["CHR304"]


def test_the_lexicon_is_read_once() -> None:
    assert lexicon() is lexicon()
    assert synonym_sets() is synonym_sets()
