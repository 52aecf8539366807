"""A saved report.json that is hostile or broken is refused in one line with its position,
exit 2, no traceback (issue 12): ``oit-audit report`` and ``oit-audit diff``."""

from __future__ import annotations

import re

import pytest

from reports.jsonfile import JsonFileError, read_json
from tests.conftest import run_cli


def _cases(text: str) -> dict[str, tuple[bytes, int, str]]:
    nan = re.sub(r'"score": [0-9.]+', '"score": NaN', text, count=1)
    inf = text.replace('"items"', '"x": -Infinity, "items"', 1)
    thai = text.index("ก")  # the first Thai character: where cp874 bytes stop being UTF-8

    def line_of(s: str, needle: str) -> int:
        return s[: s.index(needle)].count("\n") + 1

    return {
        "deep": (b'{"a":' + b"[" * 100_000 + b"]" * 100_000 + b"}", 1, "deeper than"),
        "nan-score": (nan.encode(), line_of(nan, "NaN"), "NaN is not a JSON number"),
        "infinity": (inf.encode(), line_of(inf, "-Infinity"), "-Infinity is not"),
        "not-utf8": (text.encode("cp874", "replace"), text[:thai].count("\n") + 1,
                     "not UTF-8"),
        "truncated": (text[: len(text) // 2].encode(), 0, "invalid JSON"),
    }


@pytest.fixture(scope="module")
def report_text(demo_run) -> str:
    return (demo_run.out_dir / "report.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", ["deep", "nan-score", "infinity", "not-utf8", "truncated"])
def test_bad_report_json_is_refused_with_its_position(tmp_path, report_text, case):
    data, line, words = _cases(report_text)[case]
    path = tmp_path / "report.json"
    path.write_bytes(data)
    with pytest.raises(JsonFileError) as err:
        read_json(path)
    message = str(err.value)
    assert "\n" not in message and words in message
    where = str(line) if line else r"\d+"
    assert re.match(rf"{re.escape(str(path))}:{where}:\d+: ", message), message
    result = run_cli("report", str(path), "--out", str(tmp_path / "out"))
    assert result.code == 2 and "Traceback" not in result.stderr
    assert result.stderr.strip() == message
    diff = run_cli("diff", str(path), str(path), "--db", str(tmp_path / "h.sqlite3"))
    assert diff.code == 2 and "Traceback" not in diff.stderr + diff.stdout
