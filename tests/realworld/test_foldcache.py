"""``realworld.py --dev-only --cv`` and ``transfer.py`` share one cache of fold models (issue 16,
model47): a second run trains nothing and gives the same figures; a changed sample or
setting trains again.  On a small corpus of made-up samples in a temporary folder (the real
corpus is never read here)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checklists import train_matcher
from tests.realworld import foldcache
from tests.realworld.sites import Judged, cross_validate, fold_of
from tests.realworld.split import COLUMNS, load_samples

# (domain, id, topic, kind, excerpt): two folds' domains (fold_of(.., 2): alpha 1, beta 0,
# gamma 1, delta 0, asserted below)
SAMPLES = (
    ("alpha.go.th", "a1", "O5", "item", "ช่องทางการติดต่อ\nโทรศัพท์ 02 123 4567 โทรสาร 02 123 4568"),
    ("alpha.go.th", "a2", "", "negative", "ข่าวกิจกรรมกีฬาสีประจำปี\nนักเรียนร่วมกิจกรรม"),
    ("beta.go.th", "b1", "O1", "item", "โครงสร้างหน่วยงาน\nแผนภูมิโครงสร้างการแบ่งส่วนราชการ"),
    ("beta.go.th", "b2", "O5", "item", "ติดต่อเรา\nที่อยู่ หมายเลขโทรศัพท์ อีเมล"),
    ("gamma.go.th", "c1", "O1", "item", "โครงสร้างองค์กร\nผังโครงสร้างสำนักงาน"),
    ("gamma.go.th", "c2", "", "negative", "ประชาสัมพันธ์รับสมัครนักเรียน\nรับสมัครนักเรียนใหม่"),
    ("delta.go.th", "d1", "O5", "item", "ข้อมูลการติดต่อ\nโทร 053 111 222 ไปรษณีย์อิเล็กทรอนิกส์"),
)


def _corpus(folder: Path, changed: str = "") -> Path:
    """A samples.tsv of SAMPLES (all ``dev``) with its excerpt files in ``folder``; ``changed``
    is appended to the first sample's excerpt."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "samples.tsv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writerow(COLUMNS)
        for n, (domain, sid, topic, kind, text) in enumerate(SAMPLES):
            excerpt = folder / f"{sid}.txt"
            excerpt.write_text(text + (changed if n == 0 else "") + "\n", encoding="utf-8")
            writer.writerow((sid, f"https://www.{domain}/page/{sid}", domain, "school",
                             "nacc-oit-2565", "", topic, kind, "dev", str(excerpt)))
    return path


def _figures(judged: Judged) -> tuple:
    return (judged.sites, judged.false_evidence, judged.total.tp, judged.total.fp,
            judged.total.fn, sorted(judged.mistakes),
            {code: (t.tp, t.fp, t.fn) for code, t in judged.per_item.items()})


@pytest.fixture
def trained(monkeypatch, tmp_path) -> list[int]:
    """The fold-model cache in a temporary folder; the list counts the models trained."""
    monkeypatch.setattr(foldcache, "CACHE", tmp_path / "folds")
    count: list[int] = []
    train = train_matcher.train

    def counted(rows, *args, **kwargs):
        count.append(len(rows))
        return train(rows, *args, **kwargs)

    monkeypatch.setattr(train_matcher, "train", counted)
    return count


def _cv(path: Path, settings: train_matcher.Settings | None = None) -> Judged:
    return cross_validate(load_samples(path), 2, settings, path)


def test_a_second_cross_validation_reuses_the_fold_models_and_gives_the_same_figures(
        trained, tmp_path):
    assert [fold_of(d, 2) for d in ("alpha.go.th", "beta.go.th", "gamma.go.th",
                                    "delta.go.th")] == [1, 0, 1, 0]
    path = _corpus(tmp_path / "corpus")
    first = _cv(path)
    assert len(trained) == 2  # one model per fold, each on the other fold's rows
    assert len(list((tmp_path / "folds").glob("*.json"))) == 2
    assert first.sites == 4
    again = _cv(path)
    assert len(trained) == 2  # nothing trained again
    assert _figures(again) == _figures(first)


def test_transfers_folds_take_the_models_cross_validation_kept(trained, tmp_path):
    from tests.benchmarks.tune_realworld import Folds

    path = _corpus(tmp_path / "corpus")
    first = _cv(path)
    folds = Folds(train_matcher.Settings.of(), folds=2, path=path)
    assert len(trained) == 2  # the same keys: the Folds trained nothing
    assert _figures(folds.judge()) == _figures(first)


def test_a_changed_sample_or_setting_trains_again(trained, tmp_path):
    path = _corpus(tmp_path / "corpus")
    _cv(path)
    assert len(trained) == 2
    # alpha's sample a1 changed: only the model trained on alpha's fold (fold 0's) is new
    _cv(_corpus(tmp_path / "corpus", changed=" ช่องทางติดต่อสำนักงาน"))
    assert len(trained) == 3
    _cv(_corpus(tmp_path / "corpus"))  # back as it was: its models are still kept
    assert len(trained) == 3
    _cv(path, train_matcher.Settings.of(c=1.0))
    assert len(trained) == 5
    assert len(list((tmp_path / "folds").glob("*.json"))) == 5
