"""A focused audit reaches the verdicts of a full crawl when it holds back links an item's
wording names (crawler/focusstop.py's ``links_read``, model43).

The home page lists more news posts than ``OIT_FOCUS_PER_ITEM`` lets the news item's wording
bring in, and is no hub (its links name one item), so the focused crawl holds back the posts
past the cap and its exploration budget.  Every post is of an earlier year (the item is
stale); only one post's page is headed as news, which makes it the strongest candidate once
that page is read, and it is one the focused crawl held back: judged by their link texts
alone, the posts all score alike, so the crawl took another post as the evidence while a
judging of the whole site (the full crawl here; tests/realworld/test_site.py's benchmark
path) took that one.  The shape a site of `dev` samples showed (a news item's posts past the
cap on a page that is no hub; model43's section of tests/benchmarks/README.md).
"""

from __future__ import annotations

from tests.realworld.sites import AS_OF

POSTS = 20  # more than OIT_FOCUS_PER_ITEM (6) and OIT_FOCUS_EXPLORE (10) together
HEADED = 18  # the one post whose page is headed as news: one the focused crawl held back


def _post(n: int) -> str:
    title = "ข่าวประชาสัมพันธ์" if n == HEADED else "กิจกรรมอบรมให้ความรู้"
    return (f"<!doctype html><html lang=th><head><meta charset=utf-8><title>{title} ครั้งที่ "
            f"{n}</title></head><body><main><h1>{title} ครั้งที่ {n}</h1><p>วันที่ {n} มีนาคม "
            "2566 สำนักงานจัดกิจกรรมให้ความรู้แก่ประชาชนในพื้นที่</p></main></body></html>")


def _news_site(root, post, lead: str = "") -> None:
    """An office's home page listing ``POSTS`` news posts (``lead`` before the list), each
    post's page written by ``post``."""
    (root / "news").mkdir(parents=True)
    rows = "".join(f'<li><a href="/news/{n}.html">ข่าวประชาสัมพันธ์ ครั้งที่ {n}</a></li>'
                   for n in range(1, POSTS + 1))
    (root / "index.html").write_text(
        "<!doctype html><html lang=th><head><meta charset=utf-8><title>สำนักงานตัวอย่าง</title>"
        f"</head><body><main>{lead}<h2>ข่าวสาร</h2><ul>{rows}</ul></main></body></html>",
        encoding="utf-8")
    for n in range(1, POSTS + 1):
        (root / "news" / f"{n}.html").write_text(post(n), encoding="utf-8")


def _audit(cli, base: str, tmp_path, *extra: str, out: str) -> dict:
    """The report of an audit of ``base`` (``extra`` options), which found gaps or none."""
    result = cli("audit", base, "--as-of", AS_OF.isoformat(), "--checklist", "nacc-oit-2565",
                 "--no-external", *extra, out_dir=tmp_path / out)
    assert result.code in (0, 1), result.stderr[-2000:]
    return result.report


def test_a_focused_audit_reads_the_held_back_posts_its_verdict_takes(cli, serve, tmp_path):
    root = tmp_path / "site"
    _news_site(root, _post)
    base = serve(root)

    def news(*extra: str, out: str) -> tuple[str, str, dict]:
        report = _audit(cli, base, tmp_path, *extra, out=out)
        item = next(i for i in report["items"] if i["code"] == "O7")
        return item["verdict"], item["evidence"][0]["url"], report["crawl"]

    full = news("--full", out="full")
    focused = news(out="focused")
    assert full[:2] == ("stale", f"{base}news/{HEADED}.html")
    assert focused[:2] == full[:2]
    assert focused[2]["focus"]["mode"] == "focused"


OTHER = 20  # the post whose page is headed by another item's code: past the cap and budget


def _post_of_another_item(n: int) -> str:
    if n != OTHER:
        return _post(n)
    return ("<!doctype html><html lang=th><head><meta charset=utf-8><title>O14 "
            "คู่มือหรือมาตรฐานการให้บริการ</title></head><body><main><h1>O14 "
            "คู่มือหรือมาตรฐานการให้บริการ</h1><p>ประกาศ ณ วันที่ 10 มีนาคม 2569 "
            "คู่มือสำหรับประชาชน งานบริการของสำนักงาน</p></main></body></html>")


def test_a_held_back_post_of_a_decided_item_headed_by_another_item_is_read(cli, serve,
                                                                          tmp_path):
    root = tmp_path / "site"
    _news_site(root, _post_of_another_item, '<p><a href="/o7.html">O7 ข่าวประชาสัมพันธ์</a></p>')
    (root / "o7.html").write_text(
        "<!doctype html><html lang=th><head><meta charset=utf-8><title>ข่าวประชาสัมพันธ์</title>"
        "</head><body><main><h1>ข่าวประชาสัมพันธ์</h1><p>วันที่ 2 เมษายน 2569 "
        "สำนักงานจัดกิจกรรมให้ความรู้แก่ประชาชน</p></main></body></html>", encoding="utf-8")
    base = serve(root)

    def audit(*extra: str, out: str) -> dict:
        report = _audit(cli, base, tmp_path, *extra, out=out)
        return {i["code"]: (i["verdict"], i["evidence"][0]["url"] if i["evidence"] else "")
                for i in report["items"] if i["code"] in ("O7", "O14")}

    full = audit("--full", out="full")
    focused = audit(out="focused")
    assert full["O14"][1] == f"{base}news/{OTHER}.html"
    assert focused == full
