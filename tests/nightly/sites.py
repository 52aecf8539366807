"""Generated sites and a static server that speaks HTTP validators, for the nightly tests and
the incremental benchmark.

``build_site(root, ...)`` copies the bundled demo site (so the checklist has something to
judge) and adds a news archive of generated pages, each linking to a generated multi-page
PDF. ``serve_validating(root)`` serves a folder like a real web server would: ``ETag`` and
``Last-Modified`` on every file, ``304 Not Modified`` to a matching ``If-None-Match`` /
``If-Modified-Since``, optionally with latency and a bandwidth limit (government sites are
rarely fast; the benchmark says which it used).
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler
from importlib.resources import as_file, files
from pathlib import Path

from crawler.localserve import serving

# Files carry a fixed modification time: a publication date a year before the demo's as-of
# date, so Last-Modified never decides a verdict differently from one run to the next.
FIXED_MTIME = 1735689600  # 2025-01-01T00:00:00Z
FONTS = ("/usr/share/fonts/truetype/tlwg/Garuda.ttf", "/usr/share/fonts/truetype/tlwg/Loma.ttf")

PAGE = """<!doctype html><html lang="th"><head><meta charset="utf-8"><title>{title}</title></head>
<body><nav><a href="/">หน้าแรก</a> · <a href="/news/archive.html">ข่าวเก่า</a></nav>
<h1>{title}</h1>{body}</body></html>
"""


def _scan_image(kb: int, seed: int):  # noqa: ANN202 - a reportlab ImageReader
    """A noisy greyscale picture of about ``kb`` KB as JPEG (a scanned signature page)."""
    import io
    import random

    from PIL import Image
    from reportlab.lib.utils import ImageReader

    rnd = random.Random(seed)
    side = max(64, int((kb * 1024 / 0.9) ** 0.5))
    img = Image.frombytes("L", (side, side), bytes(rnd.getrandbits(8) for _ in range(side * side)))
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=85)
    buf.seek(0)
    return ImageReader(buf)


def write_pdf(path: Path, title: str, pages: int, lines_per_page: int = 30,
              image_kb: int = 0, seed: int = 0) -> None:
    """A text PDF of ``pages`` pages in Thai (readable by the extractor, like a real report),
    optionally with a scanned-looking picture of ``image_kb`` KB on its last page, as
    signed reports posted by offices have."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = next(f for f in FONTS if Path(f).exists())
    if "ThaiGen" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("ThaiGen", font))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    for page in range(pages):
        if image_kb and page == pages - 1:
            c.drawImage(_scan_image(image_kb, seed), 50, 60, width=300, height=300)
        c.setFont("ThaiGen", 12)
        y = 800
        c.drawString(50, y, f"{title} หน้า {page + 1}")
        for n in range(lines_per_page):
            y -= 24
            c.drawString(50, y, f"{n + 1}. รายงานผลการดำเนินงานโครงการที่ {page * 100 + n} "
                                f"งบประมาณ {(page + 1) * (n + 7) * 1250:,}.00 บาท ผลสำเร็จร้อยละ "
                                f"{(n * 7) % 100} ตามแผนปฏิบัติราชการ")
        c.showPage()
    c.save()


def build_site(root: Path, news: int = 40, pdf_pages: int = 4, image_kb: int = 0,
               scans: bool = True) -> Path:
    """The demo site plus ``news`` generated pages with one PDF each; returns ``root``.

    ``scans=False`` leaves out the demo's scanned PDF (read by OCR, seconds of CPU) for
    tests that do not need it.
    """
    with as_file(files("crawler.demo_site") / "site") as demo:
        shutil.copytree(demo, root)
    if not scans:
        for pdf in (root / "files").glob("*scan*.pdf"):
            pdf.unlink()
    (root / "news" / "gen").mkdir(parents=True, exist_ok=True)
    (root / "files" / "gen").mkdir(parents=True, exist_ok=True)
    rows = []
    for n in range(1, news + 1):
        title = f"ข่าวกิจกรรมหน่วยงาน ครั้งที่ {n}/2569"
        pdf = f"/files/gen/activity-{n:03d}.pdf"
        write_pdf(root / pdf.lstrip("/"), title, pdf_pages, image_kb=image_kb, seed=n)
        body = (f"<p>วันที่ {1 + n % 28} มีนาคม 2569 หน่วยงานจัดกิจกรรมครั้งที่ {n}</p>"
                f'<p><a href="{pdf}">ดาวน์โหลดรายละเอียดกิจกรรม (PDF)</a></p>')
        (root / "news" / "gen" / f"n{n:03d}.html").write_text(
            PAGE.format(title=title, body=body), encoding="utf-8")
        rows.append(f'<li><a href="/news/gen/n{n:03d}.html">{title}</a></li>')
    (root / "news" / "archive.html").write_text(
        PAGE.format(title="ข่าวกิจกรรมย้อนหลัง", body=f"<ul>{''.join(rows)}</ul>"),
        encoding="utf-8")
    home = root / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(html.replace("</body>", '<p><a href="/news/archive.html">ข่าวกิจกรรมย้อนหลัง'
                                            "</a></p></body>", 1), encoding="utf-8")
    for path in root.rglob("*"):
        os.utime(path, (FIXED_MTIME, FIXED_MTIME))
    return root


class ValidatingHandler(SimpleHTTPRequestHandler):
    """Static files with ETag/Last-Modified, 304 answers, latency and a bandwidth limit."""

    # HTTP/1.0 (the standard library's default): one TCP connection per request; HTTP/1.1
    # (serve_validating(keep_alive=True)): connections kept open between requests, as Apache
    # (KeepAlive On, KeepAliveTimeout 5 s) and nginx (keepalive_timeout 75 s) do by default
    protocol_version = "HTTP/1.0"
    latency = 0.0  # seconds before each answer
    rate = 0  # bytes per second of bodies; 0: unlimited
    counts: dict[str, int] = {}  # replaced per server by serve_validating

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def send_head(self):  # noqa: ANN201 - the base class's signature
        if self.latency:
            time.sleep(self.latency)
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            st = path.stat()
            etag = '"' + hashlib.sha1(f"{st.st_size}-{st.st_mtime_ns}-{path}".encode())\
                .hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == etag:
                self.counts["304"] = self.counts.get("304", 0) + 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.end_headers()
                return None
            self._etag = etag
        self.counts["200"] = self.counts.get("200", 0) + 1
        return super().send_head()

    def end_headers(self) -> None:
        etag = getattr(self, "_etag", None)
        if etag:
            self.send_header("ETag", etag)
            self._etag = None
        super().end_headers()

    def copyfile(self, source, outputfile) -> None:  # noqa: ANN001
        if not self.rate:
            return super().copyfile(source, outputfile)
        chunk = max(1024, self.rate // 20)
        while data := source.read(chunk):
            outputfile.write(data)
            time.sleep(len(data) / self.rate)


@contextmanager
def serve_validating(root: Path, latency: float = 0.0, rate: int = 0,
                     keep_alive: bool = False) -> Iterator[tuple[str, dict]]:
    """Serve ``root`` on 127.0.0.1; yield (base URL, counts of 200 and 304 answers).

    ``keep_alive``: answer in HTTP/1.1 and keep each connection open for the next request
    (closed after 5 idle seconds, Apache's default ``KeepAliveTimeout``), as a real office's
    web server does; by default one connection per request (HTTP/1.0)."""
    counts: dict[str, int] = {}
    # TCP_NODELAY on kept-alive connections, as Apache and nginx set it: without it a small
    # body written after its headers waits for the client's delayed ACK (~40 ms per answer),
    # which slowed the first audit of nightly_rerun and flattered its time_ratio.
    extra = ({"protocol_version": "HTTP/1.1", "timeout": 5, "disable_nagle_algorithm": True}
             if keep_alive else {})
    handler_class = type("Handler", (ValidatingHandler,),
                         {"latency": latency, "rate": rate, "counts": counts, **extra})
    with serving(functools.partial(handler_class, directory=str(root))) as server:
        yield f"http://127.0.0.1:{server.server_address[1]}/", counts
