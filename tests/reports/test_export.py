"""``oit-audit report OUT --export DIR|FILE.zip`` (reports/export.py): the files an output
folder shows through its links, written as real files of one set, to a folder or a zip."""

from __future__ import annotations

import os
import zipfile

import pytest

from reports import outdir as outdir_module
from reports import output_folder
from reports.export import ExportError, export_set

NAMES = ("crawl.jsonl", "report.html", "report.json", "report.md")


def _publish(path, tag: str, names=NAMES):
    folder = output_folder(path)
    staging = folder.begin()
    for name in names:
        (staging / name).write_text(f"{tag} {name}", encoding="utf-8")
    folder.commit()
    return folder


def _read_folder(path) -> dict[str, str]:
    assert not any(p.is_symlink() for p in path.iterdir())
    return {p.name: p.read_text(encoding="utf-8") for p in path.iterdir()}


def _read_zip(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()}


@pytest.mark.parametrize("dest", ["copy", "deeper/copy", "reports.zip", "deeper/R.ZIP"])
def test_an_export_holds_the_shown_files_themselves(tmp_path, dest):
    out = tmp_path / "out"
    _publish(out, "old")
    folder = _publish(out, "new", NAMES[:3])  # report.md: not in the new set
    assert (out / "report.json").is_symlink()
    target = tmp_path / dest
    assert export_set(folder, target) == list(NAMES[:3])
    got = _read_zip(target) if dest.lower().endswith(".zip") else _read_folder(target)
    assert got == {n: f"new {n}" for n in NAMES[:3]}
    beside = sorted(p.name for p in target.parent.iterdir() if p.name != "out")
    assert beside == [target.name]  # no temporary file left


def test_a_copy_keeps_its_files_and_their_times_after_the_folder_moves_on(tmp_path):
    out = tmp_path / "out"
    folder = _publish(out, "old")
    os.utime(out / "report.md", (0, 1_700_000_000))  # follows the link into the set
    export_set(folder, tmp_path / "copy")
    _publish(out, "new")  # the old set is removed from the folder
    assert _read_folder(tmp_path / "copy") == {n: f"old {n}" for n in NAMES}
    assert os.path.getmtime(tmp_path / "copy" / "report.md") == 1_700_000_000


@pytest.mark.parametrize("cut", range(len(NAMES) + 1))
def test_a_set_published_during_an_export_never_mixes_two_sets(tmp_path, monkeypatch, cut):
    """Another audit publishes its set just before the export opens its file number
    ``cut``: what is exported is one whole set, the old or the new."""
    out = tmp_path / "out"
    folder = _publish(out, "old")
    opened, published = [], []

    def opening(path, mode="r", *args, **kwargs):
        if mode == "rb" and ".oit-staging" not in str(path):  # the export's, not commit's
            if len(opened) == cut and not published:
                published.append(_publish(out, "new"))
            opened.append(path)
        return open(path, mode, *args, **kwargs)

    monkeypatch.setattr(outdir_module, "open", opening, raising=False)
    export_set(folder, tmp_path / "copy.zip")
    got = _read_zip(tmp_path / "copy.zip")
    assert got in ({n: f"old {n}" for n in NAMES}, {n: f"new {n}" for n in NAMES})
    assert got["report.md"] == ("old report.md" if cut == len(NAMES) else "new report.md")


def test_a_file_written_in_place_is_exported_as_it_is(tmp_path):
    out = tmp_path / "out"
    folder = _publish(out, "old")
    (out / "report.md").unlink()  # oit-audit report writes a regular file in its place
    (out / "report.md").write_text("rendered again", encoding="utf-8")
    os.symlink(os.path.join(".oit-current", "fixes.md"), out / "fixes.md")  # leads nowhere
    export_set(folder, tmp_path / "copy")
    assert _read_folder(tmp_path / "copy") == {
        **{n: f"old {n}" for n in NAMES}, "report.md": "rendered again"}


def test_an_export_refuses_an_output_folder_and_a_folder_without_reports(tmp_path):
    folder = _publish(tmp_path / "out", "old")
    _publish(tmp_path / "other", "other")
    links = sorted(os.readlink(p) for p in (tmp_path / "other").iterdir() if p.is_symlink())
    with pytest.raises(ExportError) as refused:  # its links would become plain files
        export_set(folder, tmp_path / "other")
    assert refused.value.key == "into_output"
    assert links == sorted(os.readlink(p) for p in (tmp_path / "other").iterdir()
                           if p.is_symlink())
    (tmp_path / "empty").mkdir()
    with pytest.raises(ExportError) as empty:
        export_set(output_folder(tmp_path / "empty"), tmp_path / "copy.zip")
    assert empty.value.key == "empty" and not (tmp_path / "copy.zip").exists()


def test_a_file_dated_before_1980_is_zipped_at_zips_first_day(tmp_path):
    out = tmp_path / "out"
    folder = _publish(out, "old")
    os.utime(out / "report.md", (0, 0))  # 1970: zip cannot hold it
    export_set(folder, tmp_path / "copy.zip")
    with zipfile.ZipFile(tmp_path / "copy.zip") as archive:
        assert archive.getinfo("report.md").date_time == (1980, 1, 1, 0, 0, 0)
        assert archive.read("report.md") == b"old report.md"
