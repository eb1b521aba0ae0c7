"""One fixture pair per TimeML rule: ``cases/chrNNN_fires.tml`` and ``cases/chrNNN_passes.tml``.

Each fixture names the findings it must produce in an XML comment: ``<!-- expect: CHR506 CHR506 -->``
(empty for none). The whole file goes through ``chrono check`` as a user would run it.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from chrono.cli import main
from chrono.options import Options
from chrono.runner import check

CASES = sorted((Path(__file__).parent / "cases").glob("*.tml"))
TIMEML_CODES = {f"CHR50{n}" for n in range(1, 9)} | {"CHR201", "CHR202"}


def _expected(path: Path) -> Counter[str]:
    match = re.search(r"<!-- expect:([^>]*)-->", path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no expect comment"
    return Counter(match.group(1).split())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path) -> None:
    report = check([str(path)], Options())
    assert Counter(f.rule for f in report.findings) == _expected(path)


def test_every_timeml_rule_has_a_firing_and_a_passing_case() -> None:
    stems = {p.stem for p in CASES}
    for code in sorted(TIMEML_CODES - {"CHR202"}):
        assert f"{code.lower()}_fires" in stems
        assert f"{code.lower()}_passes" in stems


def test_conflict_cites_the_tlinks_and_points_at_them() -> None:
    path = Path(__file__).parent / "cases" / "chr201_fires.tml"
    (finding,) = check([str(path)], Options()).findings
    text = path.read_text(encoding="utf-8")
    # the primary span is the latest TLINK of the chain, as written in the file
    assert finding.spans[0].text == (
        '<TLINK lid="l3" relType="AFTER" eventInstanceID="ei2" relatedToEventInstance="ei1"/>'
    )
    assert text[finding.spans[0].start : finding.spans[0].end] == finding.spans[0].text
    steps = [step.text for step in finding.explanation]
    assert 'TLINK l1: "collapsed" (ei1) IS_INCLUDED "Tuesday" (t1)' in steps
    assert 'TLINK l3: "queued" (ei2) AFTER "collapsed" (ei1)' in steps
    assert any(s.startswith('TIMEX3 t2 "on Monday" has value 1998-01-05') for s in steps)
    # the value claims point at the words of their TIMEX3
    cited = {step.span.text for step in finding.explanation if step.span}
    assert "Tuesday" in cited
    assert "on Monday" in cited


def test_cli_exit_codes_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    cases = Path(__file__).parent / "cases"
    assert main(["check", str(cases / "chr201_passes.tml")]) == 0
    capsys.readouterr()
    assert main(["check", str(cases / "chr201_fires.tml"), "--format", "json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in data["findings"]] == ["CHR201"]
    assert data["findings"][0]["line"] == 14  # the line of TLINK l3
    # warnings alone do not fail the run at the default fail level
    assert main(["check", str(cases / "chr508_fires.tml")]) == 0
    assert main(["check", str(cases / "chr508_fires.tml"), "--fail-level", "warning"]) == 1
    capsys.readouterr()
    # a malformed file is a finding, and the other files are still checked
    paths = [str(cases / "chr501_fires.tml"), str(cases / "chr201_fires.tml")]
    assert main(["check", *paths, "--format", "json"]) == 1
    rules = sorted(f["rule"] for f in json.loads(capsys.readouterr().out)["findings"])
    assert rules == ["CHR201", "CHR501"]


def test_directory_discovery_picks_up_tml(tmp_path: Path) -> None:
    source = Path(__file__).parent / "cases" / "chr201_fires.tml"
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "doc.tml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    report = check([str(tmp_path)], Options())
    assert report.files == (f"{tmp_path.as_posix()}/sub/doc.tml",)
    assert [f.rule for f in report.findings] == ["CHR201"]
