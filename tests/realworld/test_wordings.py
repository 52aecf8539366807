"""tests/benchmarks/wordings.py counts a candidate everyday wording on the dev rows by PROTOCOL
36's rule (issue 16, finder36): two design item samples of its item on two domains, no dev row
of another item and no dev negative."""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.wordings import Heads, candidates, phrases
from tests.realworld.split import Sample

DESIGN_HOSTS = {"a.go.th": 0, "b.go.th": 1, "c.go.th": 2, "held.go.th": 3, "secret.go.th": 0}


def sample(tmp: Path, sid: str, domain: str, text: str, topic: str = "O14",
           kind: str = "item", split: str = "dev") -> Sample:
    path = tmp / f"{sid}.txt"
    path.write_text(text, encoding="utf-8")
    return Sample(sid, f"https://{domain}/{sid}", domain, "local_admin", "none", "", topic,
                  kind, split, str(path))


def heads(rows: list[Sample]) -> Heads:
    return Heads(rows, {0, 1, 2}, fold_by=lambda domain, folds: DESIGN_HOSTS[domain])


def test_a_wording_passes_on_two_design_domains_and_nothing_else(tmp_path: Path) -> None:
    rows = [sample(tmp_path, "s1", "a.go.th", "สถานธนานุบาลเทศบาล\nบริการรับจำนำ"),
            sample(tmp_path, "s2", "b.go.th", "บริการ\nสถานธนานุบาล เทศบาลนคร"),  # 2nd line
            sample(tmp_path, "s3", "held.go.th", "สถานธนานุบาล")]
    count = heads(rows).count("สถานธนานุบาล", "O14")
    assert [s.id for s in count.design] == ["s1", "s2"] and count.domains == 2
    assert count.held_out == 1 and count.passes
    assert "PASSES" in count.line() and "s3" not in count.line()  # held-out rows: counted


def test_one_design_domain_another_item_or_a_negative_fails(tmp_path: Path) -> None:
    one_domain = [sample(tmp_path, "s1", "a.go.th", "ขอใช้น้ำประปา"),
                  sample(tmp_path, "s2", "a.go.th", "คำขอใช้น้ำ")]
    assert not heads(one_domain).count("ขอใช้น้ำ", "O14").passes
    two = [sample(tmp_path, "s3", "a.go.th", "ขอใช้น้ำประปา"),
           sample(tmp_path, "s4", "b.go.th", "คำขอใช้น้ำ")]
    assert heads(two).count("ขอใช้น้ำ", "O14").passes
    other = sample(tmp_path, "s5", "c.go.th", "ข่าว ขอใช้น้ำ", topic="O7")
    negative = sample(tmp_path, "s6", "held.go.th", "ขอใช้น้ำ ที่อื่น", topic="", kind="negative")
    with_other = heads([*two, other]).count("ขอใช้น้ำ", "O14")
    assert [s.id for s in with_other.wrong_design] == ["s5"] and not with_other.passes
    with_negative = heads([*two, negative]).count("ขอใช้น้ำ", "O14")
    assert with_negative.wrong_held_out == 1 and not with_negative.passes


def test_only_the_first_two_lines_name_and_test_rows_are_never_read(tmp_path: Path) -> None:
    rows = [sample(tmp_path, "s1", "a.go.th", "หน้าแรก\nเกี่ยวกับเรา\nสถานธนานุบาล"),
            sample(tmp_path, "s2", "b.go.th", "สถานธนานุบาล"),
            sample(tmp_path, "s3", "c.go.th", "สถานธนานุบาล")]
    test_row = Sample("s9", "https://secret.go.th/x", "secret.go.th", "local_admin", "none", "",
                      "O7", "item", "test", str(tmp_path / "missing.txt"))  # no file: unread
    count = heads([*rows, test_row]).count("สถานธนานุบาล", "O14")
    assert [s.id for s in count.design] == ["s2", "s3"] and count.passes


def test_candidates_are_the_runs_of_words_of_the_missed_first_lines(tmp_path: Path) -> None:
    assert "สถานธนานุบาล" in phrases("สถานธนานุบาลเทศบาลเมือง")
    assert all(len(p) >= 6 for p in phrases("ขอ ใช้ น้ำ ประปา"))
    missed = sample(tmp_path, "s1", "a.go.th", "ขั้นตอนการขอใช้น้ำประปา\nเอกสาร\nไม่อ่านบรรทัดนี้")
    found = candidates([(missed, "O14")])
    assert ("ขอใช้น้ำประปา", "O14") in found
    assert not any("บรรทัด" in p for p, _ in found)  # the third line is no candidate's
