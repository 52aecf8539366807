"""The batch report written at every stop of a batch (``crawler.batch.runner.
write_batch_report``): each office's own report where its folder holds one, the others "not
audited yet" or why not; batch.json a line per office, the same document as before."""

from __future__ import annotations

import datetime
import json
import shutil
from pathlib import Path

import pytest

from crawler.batch import runner
from crawler.batch.offices import Office
from crawler.batch.runner import BatchOptions, write_batch_report
from crawler.batch.state import BatchState
from reports.batch import render_json

REPORT = Path(__file__).resolve().parents[1] / "fixtures" / "report" / "report.json"


def test_a_batch_report_reads_the_reports_there_are_and_names_the_rest(tmp_path):
    offices = [Office(f"สำนักงาน {i}", f"http://127.0.0.1:9/o{i}/", line=i + 2)
               for i in range(2_000)]
    done, interrupted = offices[:3], offices[3]
    for office in done:
        (tmp_path / office.key).mkdir()
        shutil.copy(REPORT, tmp_path / office.key / "report.json")
    (tmp_path / interrupted.key).mkdir()  # a folder without a report (cut short)
    (tmp_path / "stray.txt").write_text("not an office", encoding="utf-8")
    state = BatchState(tmp_path)
    for office in done:
        state.finish(office.key, "complete")
    opts = BatchOptions(out_dir=tmp_path, lang="en", as_of=datetime.date(2026, 5, 15))
    batch = write_batch_report(offices, opts, state, {offices[-1].key: "not submitted"})

    assert (batch["offices"], batch["audited"], batch["not_audited"]) == (2_000, 3, 1_997)
    assert [r["report"] for r in batch["ranking"]] == [f"{o.key}/report.html" for o in done]
    messages = {f["name"]: f["message"] for f in batch["failed"]}
    assert messages[interrupted.name] == "not audited yet"
    assert messages[offices[-1].name] == "not submitted"
    text = (tmp_path / "batch.json").read_text(encoding="utf-8")
    assert json.loads(text) == batch
    lines = text.splitlines()
    assert len(lines) == len(batch) + 2 + sum(len(v) + 1 for v in batch.values()
                                              if isinstance(v, list) and v)  # one per office
    assert '"name": "สำนักงาน 5"' in text  # Thai as it is, not escaped


def test_batch_json_is_the_document_with_each_entry_on_a_line():
    doc = {"offices": 2, "audited": 0, "not_audited": 2, "ranking": [], "items": [],
           "failed": [{"name": "ก", "message": "x\ny"}, {"name": "b", "message": ""}]}
    text = render_json(doc)
    assert json.loads(text) == doc
    assert text.splitlines()[5:9] == [' "items": [],', ' "failed": [',
                                      '  {"name": "ก", "message": "x\\ny"},',
                                      '  {"name": "b", "message": ""}']


def test_a_batch_report_that_cannot_be_finished_leaves_the_last_one_whole(tmp_path,
                                                                          monkeypatch):
    """The three files are rendered first and each replaced whole: a rendering that fails
    (or a kill while writing) leaves the last batch report as it was, no file cut short."""
    offices = [Office(f"สำนักงาน {i}", f"http://127.0.0.1:9/o{i}/", line=i + 2)
               for i in range(3)]
    opts = BatchOptions(out_dir=tmp_path, lang="th", as_of=datetime.date(2026, 5, 15))
    write_batch_report(offices, opts, BatchState(tmp_path))
    names = ("batch.json", "batch.md", "batch.html")
    before = {name: (tmp_path / name).read_bytes() for name in names}
    (tmp_path / offices[0].key).mkdir()
    shutil.copy(REPORT, tmp_path / offices[0].key / "report.json")

    def broken(*_args: object) -> str:
        raise MemoryError

    monkeypatch.setattr(runner, "render_html", broken)
    with pytest.raises(MemoryError):
        write_batch_report(offices, opts, BatchState(tmp_path))
    assert {name: (tmp_path / name).read_bytes() for name in names} == before
    assert not list(tmp_path.glob("*.tmp"))
    monkeypatch.undo()
    batch = write_batch_report(offices, opts, BatchState(tmp_path))
    assert batch["audited"] == 1
    assert json.loads((tmp_path / "batch.json").read_text(encoding="utf-8")) == batch
    assert not list(tmp_path.glob("*.tmp"))
