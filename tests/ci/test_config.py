"""Configuration: [tool.chrono] in pyproject.toml or chrono.toml, found by walking up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from ci_helpers import CLEAN, CONFLICT, Chrono, Run, write


def _rules(run: Run) -> list[tuple[str, str, str]]:
    return [(f["rule"], f["severity"], f["path"]) for f in json.loads(run.out)["findings"]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write(tmp_path / "corpus" / "a" / "conflict.yaml", CONFLICT)
    write(tmp_path / "corpus" / "b" / "conflict.yaml", CONFLICT)
    write(tmp_path / "corpus" / "clean.yaml", CLEAN)
    return tmp_path


def test_pyproject_table_found_by_walking_up(chrono: Chrono, project: Path) -> None:
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.chrono]\nignore = ["CHR201"]\n')
    run = chrono("check", "a", "--no-cache", "--format", "json", cwd=project / "corpus")
    assert run.code == 0, run
    assert _rules(run) == []


def test_pyproject_without_table_is_skipped(chrono: Chrono, project: Path) -> None:
    write(project / "chrono.toml", 'ignore = ["CHR201"]\n')
    write(project / "corpus" / "pyproject.toml", '[project]\nname = "x"\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    assert run.code == 0, run


def test_chrono_toml_wins_over_pyproject_in_the_same_directory(chrono: Chrono, project: Path) -> None:
    write(project / "pyproject.toml", '[tool.chrono]\nignore = ["CHR201"]\n')
    write(project / "chrono.toml", 'select = ["CHR0"]\nfail-level = "warning"\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    assert run.code == 0
    assert _rules(run) == []


def test_unknown_key_names_key_and_file(chrono: Chrono, project: Path) -> None:
    write(project / "chrono.toml", 'selct = ["CHR201"]\n')
    run = chrono("check", "corpus", "--no-cache")
    assert run.code == 2
    assert "chrono.toml" in run.err
    assert "unknown key 'selct'" in run.err
    assert "did you mean 'select'" in run.err


def test_bad_values_are_errors(chrono: Chrono, project: Path) -> None:
    for text, words in [
        ('fail-level = "fatal"\n', "fail-level"),
        ('hemisphere = "east"\n', "hemisphere"),
        ("fiscal-year-start = 13\n", "fiscal-year-start"),
        ('fiscal-year-start = "July"\n', "fiscal-year-start"),
        ("select = 3\n", "select"),
        ('select = ["CHR999"]\n', "CHR999"),
        ('[severity]\nCHR201 = "loud"\n', "severity.CHR201"),
        ('[per-file-ignores]\n"a/*" = ["NOPE"]\n', "NOPE"),
        ('dct = "2025-02-30"\n', "dct"),
        ('domain-knowledge = ["missing.yaml"]\n', "missing.yaml"),
        ("select = [\n", "invalid TOML"),
    ]:
        write(project / "chrono.toml", text)
        run = chrono("check", "corpus", "--no-cache")
        assert run.code == 2, (text, run)
        assert words in run.err, (text, run.err)
        assert "chrono.toml" in run.err


def test_config_flag_and_isolated(chrono: Chrono, project: Path) -> None:
    write(project / "chrono.toml", 'ignore = ["CHR201"]\n')
    write(project / "strict.toml", 'select = ["ALL"]\n')
    assert chrono("check", "corpus", "--no-cache").code == 0
    assert chrono("check", "corpus", "--no-cache", "--isolated").code == 1
    assert chrono("check", "corpus", "--no-cache", "--config", "strict.toml").code == 1
    missing = chrono("check", "corpus", "--no-cache", "--config", "nope.toml")
    assert missing.code == 2
    assert "nope.toml" in missing.err


def test_command_line_overrides_configuration(chrono: Chrono, project: Path) -> None:
    write(project / "chrono.toml", 'select = ["CHR0"]\n')
    assert chrono("check", "corpus", "--no-cache").code == 0
    assert chrono("check", "corpus", "--no-cache", "--select", "CHR201").code == 1
    assert chrono("check", "corpus", "--no-cache", "--extend-select", "CHR2").code == 1
    assert chrono("check", "corpus", "--no-cache", "--extend-select", "CHR1").code == 0
    write(project / "chrono.toml", 'select = ["CHR0"]\nextend-select = ["CHR201"]\n')
    assert chrono("check", "corpus", "--no-cache").code == 1


def test_per_rule_severity_and_fail_level(chrono: Chrono, project: Path) -> None:
    write(project / "chrono.toml", '[severity]\ninconsistent-claims = "warning"\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    assert run.code == 0
    assert {severity for _, severity, _ in _rules(run)} == {"warning"}
    write(project / "chrono.toml", 'fail-level = "warning"\n[severity]\nCHR2 = "warning"\n')
    assert chrono("check", "corpus", "--no-cache").code == 1
    assert chrono("check", "corpus", "--no-cache", "--fail-level", "error").code == 0
    # the most specific selector wins
    write(project / "chrono.toml", '[severity]\nCHR2 = "warning"\nCHR201 = "info"\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    assert {severity for _, severity, _ in _rules(run)} == {"info"}


def test_per_file_ignores(chrono: Chrono, project: Path) -> None:
    write(project / "chrono.toml", '[per-file-ignores]\n"corpus/a/**" = ["CHR201"]\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    assert [path for _, _, path in _rules(run)] == ["corpus/b/conflict.yaml"]
    # globs are relative to the configuration file, wherever chrono runs from
    run = chrono("check", ".", "--no-cache", "--format", "json", cwd=project / "corpus")
    assert [path for _, _, path in _rules(run)] == ["b/conflict.yaml"]


def test_include_and_exclude(chrono: Chrono, project: Path) -> None:
    write(project / "corpus" / "notes.timeline", CONFLICT)
    write(project / "chrono.toml", 'exclude = ["a"]\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    assert json.loads(run.out)["summary"]["files"] == 2
    assert [path for _, _, path in _rules(run)] == ["corpus/b/conflict.yaml"]
    # excluded files stay excluded when named (pre-commit passes file names)
    run = chrono("check", "corpus/a/conflict.yaml", "--no-cache", "--format", "json")
    assert json.loads(run.out)["summary"]["files"] == 0
    assert run.code == 0
    write(project / "chrono.toml", 'include = ["**/*.yaml", "*.timeline"]\nexclude = ["corpus/b/**"]\n')
    run = chrono("check", "corpus", "--no-cache", "--format", "json")
    files = json.loads(run.out)["summary"]["files"]
    assert files == 3  # a/conflict.yaml, clean.yaml, notes.timeline


def test_hemisphere_from_configuration(chrono: Chrono, tmp_path: Path) -> None:
    # "summer 2024" is June-August 2024 in the north; in the south it may be the summer of
    # 2023/24 or 2024/25. A review after the tour that ends by May 2024 fits only the south.
    write(
        tmp_path / "season.yaml",
        "events:\n  - id: tour\n    on: 2024-SU\n  - id: review\n    end: by 2024-05\n"
        "relations:\n  - review after tour\n",
    )
    assert chrono("check", ".", "--no-cache").code == 1
    write(tmp_path / "chrono.toml", 'hemisphere = "south"\n')
    assert chrono("check", ".", "--no-cache").code == 0
    assert chrono("check", ".", "--no-cache", "--hemisphere", "north").code == 1


def test_fiscal_year_start_from_configuration(chrono: Chrono, tmp_path: Path) -> None:
    # Without a fiscal year's start, "the third quarter of fiscal 2024" claims no months; with a
    # fiscal year from October it is April to June 2024, which a sale "in May 2024, during the
    # third quarter of fiscal 2024" fits, and one in September does not.
    write(tmp_path / "a.md", "---\ndate: 2025-01-10\n---\nIn September 2024, during the third quarter of "
          "fiscal 2024, the company sold its port.\n")
    assert chrono("check", ".", "--no-cache", "--select", "CHR312").code == 0
    write(tmp_path / "chrono.toml", "fiscal-year-start = 10\n")
    run = chrono("check", ".", "--no-cache", "--select", "CHR312")
    assert run.code == 1
    assert "quarter 3 of the fiscal year" in run.out


def test_dct_from_configuration_comes_after_the_files_own(chrono: Chrono, tmp_path: Path) -> None:
    body = "events:\n  - id: strike\n    start: since 2025-05\n  - id: b\n    on: 2025-04-01\n"
    body += "relations:\n  - b after strike\n"
    write(tmp_path / "no-dct.yaml", body)
    write(tmp_path / "own-dct.yaml", "dct: 2025-06-24\n" + body)
    write(tmp_path / "chrono.toml", 'dct = "2025-05-20"\n')

    def still_going(*extra: str) -> dict[str, str]:
        run = chrono("check", ".", "--no-cache", "--format", "json", *extra)
        out = {}
        for finding in json.loads(run.out)["findings"]:
            claims = " ".join(step["claim"] for step in finding["explanation"])
            out[finding["path"]] = claims.split("still going at ")[1][:10]
        return out

    assert still_going() == {"no-dct.yaml": "2025-05-20", "own-dct.yaml": "2025-06-24"}
    assert still_going("--dct", "2025-07-01") == {"no-dct.yaml": "2025-07-01", "own-dct.yaml": "2025-07-01"}


def test_reading_options_from_configuration(chrono: Chrono, tmp_path: Path) -> None:
    write(
        tmp_path / "vote.md",
        "---\nupdated: 2024-03-08\n---\nThe council approved the budget on Tuesday, 03/05/2024.\n",
    )

    def rules(*extra: str) -> list[str]:
        return [rule for rule, _, _ in _rules(chrono("check", ".", "--format", "json", *extra))]

    assert rules() == ["CHR301"]  # no date: the front-matter key is not one chrono knows
    write(tmp_path / "chrono.toml", 'dct-keys = ["updated"]\n')
    assert rules() == []
    write(tmp_path / "chrono.toml", 'dct-keys = ["updated"]\ndate-order = "day-first"\n')
    assert rules() == ["CHR307"]  # 3 May 2024 was a Friday
    assert rules("--date-order", "month-first") == []


def test_domain_knowledge_files(chrono: Chrono, tmp_path: Path) -> None:
    write(
        tmp_path / "phone.md",
        "---\ndate: 2024-12-01\n---\nNorland launched the phone in March 2024. "
        "Norland announced the phone in May 2024.\n",
    )
    pair = '  - {first: announcement, second: launch, note: "launched after it is announced"}\n'
    write(tmp_path / "knowledge" / "products.yaml", "pairs:\n" + pair)
    assert chrono("check", "phone.md").code == 0
    write(tmp_path / "chrono.toml", 'domain-knowledge = ["knowledge/products.yaml"]\n')
    run = chrono("check", ".", "--format", "json")
    assert [rule for rule, _, _ in _rules(run)] == ["CHR306"]  # products.yaml is not a document
    # the file's content is part of the cache key: editing it takes effect at once
    write(tmp_path / "knowledge" / "products.yaml", "pairs: []\n")
    assert chrono("check", ".").code == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "pairs: []\nverb:\n  refurbish: renovation\n",
            "unknown key 'verb' in the top level (allowed: pairs, verbs, nouns, punctual_classes); "
            "did you mean 'verbs'?",
        ),
        (
            "pairs:\n  - {first: opening, second: closing}\n  - {frist: opening, second: renovation}\n",
            "unknown key 'frist' in pair #2 (allowed: first, second, note); did you mean 'first'?",
        ),
        (
            "nouns:\n  refurbishment: {class: renovation, verbs: refurbish}\n",
            "unknown key 'verbs' in nouns entry 'refurbishment' (allowed: class, verb); did you mean 'verb'?",
        ),
    ],
)
def test_unknown_keys_in_a_domain_knowledge_file_are_a_usage_error(
    tmp_path: Path, content: str, message: str
) -> None:
    (tmp_path / "knowledge.yaml").write_text(content, encoding="utf-8")
    (tmp_path / "chrono.toml").write_text('domain-knowledge = ["knowledge.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The shop opened in May 2020.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "chrono", "check", "a.txt", "--dct", "2021-01-01"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    where = f"{tmp_path.resolve() / 'chrono.toml'}: 'domain-knowledge' file {tmp_path.resolve() / 'knowledge.yaml'}"
    assert result.stderr == f"chrono: error: {where}: {message}\n"


def test_a_bad_domain_knowledge_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "pairs.yaml").write_text("pairs:\n  - {first: opened}\n", encoding="utf-8")
    (tmp_path / "chrono.toml").write_text('domain-knowledge = ["pairs.yaml"]\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("The shop opened in May 2020.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "chrono", "check", "a.txt", "--dct", "2021-01-01"],
                            capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 2
    assert "'domain-knowledge' file" in result.stderr
    assert "each pair needs 'first' and 'second'" in result.stderr
