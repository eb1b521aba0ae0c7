"""Every rule of a language's patterns.yaml carries ``examples``: short phrases with the TIMEX3
type and value that rule gives them for a DCT. Each example runs through ``extract`` here, and
a rule without examples fails, so a pattern never stands without a phrase that shows it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import chrono
from chrono.tagger import extract
from chrono.tagger.resources import load
from chrono.text.layout import layout_of
from chrono.text.markup import plain_view

HERE = Path(__file__).parent
# lang argument of extract() -> the folder holding its patterns.yaml
LANGUAGES = {"en": Path(chrono.__file__).parent / "lang" / "en", str(HERE / "lang_de"): HERE / "lang_de"}
FIELDS = {"text", "dct", "type", "value"}


def _rules() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for lang, folder in LANGUAGES.items():
        patterns = yaml.safe_load((folder / "patterns.yaml").read_text(encoding="utf-8"))
        out.extend((lang, rule) for rule in patterns["rules"])
    return out


RULES = _rules()


@pytest.mark.parametrize(("lang", "rule"), RULES,
                         ids=[f"{Path(lang).name}:{rule['name']}" for lang, rule in RULES])
def test_rule_examples(lang: str, rule: dict[str, Any]) -> None:
    name = rule["name"]
    examples = rule.get("examples")
    assert examples, f"rule {name} has no examples: add 1-3 phrases with their type and value"
    assert len(examples) <= 3, f"rule {name}: keep to three examples"
    for example in examples:
        assert set(example) == FIELDS, f"rule {name}: an example has {sorted(example)}"
        # (read as a plain text file is read: with its layout, for rules of entries and headings)
        text = example["text"]
        found = extract(text, example["dct"], lang=lang, layout=layout_of("plain", text, plain_view(text)))
        own = [timex for timex in found if timex.rule == name]
        assert own, f"rule {name} reads nothing in {example['text']!r}: {found}"
        assert (own[0].type, own[0].value) == (example["type"], example["value"]), (
            name, example["text"], own[0])


def test_the_loader_ignores_examples(tmp_path: Path) -> None:
    # Examples are for this test only: a language loads to the same rules without them.
    folder = LANGUAGES[str(HERE / "lang_de")]
    patterns = yaml.safe_load((folder / "patterns.yaml").read_text(encoding="utf-8"))
    for rule in patterns["rules"]:
        rule.pop("examples", None)
    (tmp_path / "patterns.yaml").write_text(yaml.safe_dump(patterns, allow_unicode=True),
                                            encoding="utf-8")
    (tmp_path / "lexicon.yaml").write_text((folder / "lexicon.yaml").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    assert load(str(tmp_path)).sources == load(str(folder)).sources


@pytest.mark.parametrize("folder", LANGUAGES.values(), ids=lambda folder: folder.name)
def test_examples_are_dropped_before_parsing_and_nothing_else(folder: Path) -> None:
    from chrono.tagger.resources import without_examples

    text = (folder / "patterns.yaml").read_text(encoding="utf-8")
    full = yaml.safe_load(text)
    for rule in full["rules"]:
        rule.pop("examples", None)
    assert yaml.safe_load(without_examples(text)) == full
    # The other forms YAML allows: a compact list, a flow list, the last line of a file.
    variants = ("rules:\n- name: a\n  examples:\n  - {text: x}\n  pattern: p\n",
                "rules:\n  - name: a\n    examples: [{text: x},\n      {text: y}]\n    pattern: p\n",
                "rules:\n  - name: a\n    pattern: p\n    examples:\n      - {text: x}")
    for variant in variants:
        assert yaml.safe_load(without_examples(variant)) == {"rules": [{"name": "a", "pattern": "p"}]}
