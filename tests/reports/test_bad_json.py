"""A saved report.json that is hostile or broken is refused in one line with its position,
exit 2, no traceback (issue 12): ``oit-audit report`` and ``oit-audit diff``."""

from __future__ import annotations

import re

import pytest

from checklists.words import speaking
from reports.jsonfile import JsonFileError, read_json
from tests.conftest import REPORT_FIXTURE, run_main
from tests.hostile.cases import report_json_cases


@pytest.fixture(scope="module")
def report_text() -> str:
    return REPORT_FIXTURE.read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["deep", "nan-score", "infinity", "not-utf8", "truncated"])
def test_bad_report_json_is_refused_with_its_position(tmp_path, report_text, case):
    data, line, words = report_json_cases(report_text)[case]
    path = tmp_path / "report.json"
    path.write_bytes(data)
    with pytest.raises(JsonFileError) as err:
        read_json(path)
    message = str(err.value)
    assert "\n" not in message and words in message
    where = str(line) if line else r"\d+"
    assert re.match(rf"{re.escape(str(path))}:{where}:\d+: ", message), message
    for lang in ("th", "en", None):  # the message in --lang (Thai without one)
        with speaking(lang or "th"), pytest.raises(JsonFileError) as said:
            read_json(path)
        result = run_main("report", str(path), "--out", str(tmp_path / "out"),
                          *(["--lang", lang] if lang else []))
        assert result.code == 2 and "Traceback" not in result.stderr
        assert result.stderr.strip() == str(said.value)
        assert result.stderr.startswith(f"{path}:") and words in message
    diff = run_main("diff", str(path), str(path), "--db", str(tmp_path / "h.sqlite3"))
    assert diff.code == 2 and "Traceback" not in diff.stderr + diff.stdout
