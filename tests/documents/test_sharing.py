"""Sharing links: pure parsing of saved pages, then a local fake Drive driven with urllib."""

from __future__ import annotations

import urllib.request
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from crawler.documents import extract_text, sharing
from crawler.localserve import QuietHandler, serving
from tests.documents import fixtures as fx

PUBLIC = "1Qx7FvK2pLm9TzR4sWdY8bNcA3eHjU6oI"  # drive_file_view.html
BIG = "1BiGfIlE9xYz8WvU7tS6rQ5pO4nM3lK2j"  # drive_confirm.html
PRIVATE = "1PrIvAtE0aBcDeFgHiJkLmNoPqRsTuVwX"
FOLDER = "0BxFolderIdAbCdEfGhIjKlMnOp"
FOLDER_FILES = ["1aB2cD3eF4gH5iJ6kL7mN8oP9qR0sT1uV", "1wX2yZ3aB4cD5eF6gH7iJ8kL9mN0oP1qR",
                "1sT2uV3wX4yZ5aB6cD7eF8gH9iJ0kL1mN"]
D = "https://drive.google.com"
G = "https://docs.google.com"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{D}/file/d/{PUBLIC}/view?usp=sharing",
         sharing.SharedLink("drive_file", PUBLIC, f"{D}/file/d/{PUBLIC}/view",
                    f"{D}/uc?export=download&id={PUBLIC}")),
        (f"{D}/file/u/1/d/{PUBLIC}/edit", ("drive_file", PUBLIC)),
        (f"{D}/open?id={PUBLIC}", ("drive_file", PUBLIC)),
        (f"{D}/uc?id={PUBLIC}&export=download", ("drive_file", PUBLIC)),
        (f"{G}/file/d/{PUBLIC}/preview", ("drive_file", PUBLIC)),
        (f"{D}/drive/folders/{FOLDER}?usp=sharing",
         sharing.SharedLink("drive_folder", FOLDER, f"{D}/drive/folders/{FOLDER}",
                    f"{D}/embeddedfolderview?id={FOLDER}")),
        (f"{D}/drive/u/0/folders/{FOLDER}", ("drive_folder", FOLDER)),
        (f"{D}/embeddedfolderview?id={FOLDER}#list", ("drive_folder", FOLDER)),
        (f"{G}/document/d/{PUBLIC}/edit?usp=sharing",
         sharing.SharedLink("google_doc", PUBLIC, f"{G}/document/d/{PUBLIC}/edit",
                    f"{G}/document/d/{PUBLIC}/export?format=txt")),
        (f"{G}/spreadsheets/d/{PUBLIC}/edit#gid=0",
         sharing.SharedLink("google_sheet", PUBLIC, f"{G}/spreadsheets/d/{PUBLIC}/edit",
                    f"{G}/spreadsheets/d/{PUBLIC}/export?format=xlsx")),
        (f"{G}/presentation/d/{PUBLIC}/edit", ("google_slides", PUBLIC)),
        (f"{G}/document/d/e/2PACX-1vQx7FvK2pLm9/pub", ("google_doc", "2PACX-1vQx7FvK2pLm9")),
        ("https://onedrive.live.com/?authkey=%21AKq3&cid=4A1B2C3D&id=4A1B2C3D%21117",
         ("onedrive", "4A1B2C3D!117")),
        ("https://onedrive.live.com/redir?resid=4A1B2C3D%21117&authkey=%21AKq3",
         ("onedrive", "4A1B2C3D!117")),
        ("https://1drv.ms/b/s!AkqXyZ123abc", ("onedrive", "s!AkqXyZ123abc")),
        ("https://contoso.sharepoint.com/:b:/g/personal/a_b/EaBcDeF?e=xyz",
         ("onedrive", "EaBcDeF")),
        (f"{G}/forms/d/e/1FAIpQLSf/viewform", None),
        ("https://www.example.go.th/file/d/abcdefghijkl/view", None),
        (f"{D}/drive/my-drive", None),
        ("not a url", None),
    ],
)
def test_classify(url: str, expected) -> None:
    link = sharing.classify_shared_link(url)
    if expected is None or isinstance(expected, sharing.SharedLink):
        assert link == expected
    else:
        assert (link.kind, link.file_id) == expected


def test_onedrive_download_urls() -> None:
    link = sharing.classify_shared_link(
        "https://onedrive.live.com/embed?resid=4A1B%21117&authkey=%21AKq3&cid=4A1B")
    assert link.content_url == (
        "https://onedrive.live.com/download?resid=4A1B%21117&cid=4A1B&authkey=%21AKq3")
    assert sharing.classify_shared_link("https://1drv.ms/w/s!Abc").content_url is None  # follow first
    sp = sharing.classify_shared_link("https://contoso.sharepoint.com/:x:/s/ita/EaBc?e=1")
    assert sp.content_url.endswith("?e=1&download=1")


def test_hosts_are_configuration() -> None:
    hosts = sharing.SharingHosts(drive="127.0.0.1:8000", docs="127.0.0.1:8000", scheme="http")
    link = sharing.classify_shared_link(f"http://127.0.0.1:8000/file/d/{PUBLIC}/view", hosts)
    assert link.content_url == f"http://127.0.0.1:8000/uc?export=download&id={PUBLIC}"
    assert sharing.classify_shared_link(f"{D}/file/d/{PUBLIC}/view", hosts) is None


def test_login_detection(sharing_html) -> None:
    assert sharing.is_login_page("https://accounts.google.com/ServiceLogin?continue=x", None)
    assert sharing.is_login_page("https://login.microsoftonline.com/common/oauth2", b"")
    assert sharing.is_login_page("https://example.org/", sharing_html("google_signin.html"))
    assert sharing.is_login_page("https://example.org/", sharing_html("google_signin.html").encode())
    # public pages link to ServiceLogin in their header: not a login page
    for name in ("drive_file_view.html", "drive_folder.html", "drive_confirm.html",
                 "onedrive_view.html"):
        assert not sharing.is_login_page(f"{D}/file/d/{PUBLIC}/view", sharing_html(name)), name
    assert not sharing.is_login_page(f"{D}/uc?id=x", fx.make_blank_pdf())


def test_confirm_download_url(sharing_html) -> None:
    base = f"{D}/uc?export=download&id={BIG}"
    assert sharing.confirm_download_url(sharing_html("drive_confirm.html"), base) == (
        f"https://drive.usercontent.google.com/download?id={BIG}&export=download&confirm=t"
        "&uuid=3f6c2a9e-7b1d-4e0a-9c55-8d2e1f0a6b7c")
    assert sharing.confirm_download_url(sharing_html("drive_confirm_legacy.html"), base) == (
        f"{D}/uc?export=download&confirm=Ab3d&id={BIG}")
    assert sharing.confirm_download_url(sharing_html("drive_file_view.html"), base) is None
    assert sharing.confirm_download_url("", base) is None


@pytest.mark.parametrize(("name", "base"), [
    ("drive_folder.html", f"{D}/drive/folders/{FOLDER}"),
    ("drive_folder_embedded.html", f"{D}/embeddedfolderview?id={FOLDER}"),
])
def test_list_folder_files(sharing_html, name: str, base: str) -> None:
    entries = sharing.list_folder_files(sharing_html(name), base)
    assert [t for t, _ in entries][:2] == ["O1 โครงสร้าง.pdf", "แผนปฏิบัติการ 2569.docx"]
    assert len(entries) == 3
    ids = [sharing.classify_shared_link(url).file_id for _, url in entries]
    assert ids == FOLDER_FILES
    assert entries[0][1] == f"{D}/file/d/{FOLDER_FILES[0]}/view"


def test_folder_google_sheet_entry(sharing_html) -> None:
    entries = sharing.list_folder_files(sharing_html("drive_folder_embedded.html"),
                                f"{D}/embeddedfolderview?id={FOLDER}")
    assert entries[2] == ("สขร1 ต.ค.68", f"{G}/spreadsheets/d/{FOLDER_FILES[2]}/edit")


# ------------------------------------------------------------------ a local fake Drive


class _FakeDrive(QuietHandler):
    pdf: bytes = b""
    port: int = 0

    def _page(self, name: str, replace: dict[str, str]) -> None:
        text = (fx.SHARING_FIXTURES / name).read_text(encoding="utf-8")
        for old, new in replace.items():
            text = text.replace(old, new)
        self.send(200, text.encode(), "text/html; charset=utf-8")

    def _login(self) -> None:
        target = f"http://localhost:{self.port}/ServiceLogin?continue=" + quote(self.path, "")
        self.send(302, b"", "text/html", {"Location": target})

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        parts = urlsplit(self.path)
        q = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        base = f"http://127.0.0.1:{self.port}"
        file_id = q.get("id", "")
        if parts.path == "/ServiceLogin":
            return self._page("google_signin.html", {})
        if PRIVATE in self.path:
            return self._login()
        if parts.path == f"/file/d/{PUBLIC}/view":
            return self._page("drive_file_view.html", {D: base})
        if parts.path == "/uc" and q.get("export") == "download":
            if file_id == BIG and "confirm" not in q:
                return self._page("drive_confirm.html", {
                    "https://drive.usercontent.google.com/download": f"{base}/download"})
            if file_id in (PUBLIC, BIG, *FOLDER_FILES):
                return self.send(200, self.pdf, "application/pdf",
                                  {"Content-Disposition": 'attachment; filename="a.pdf"'})
        if parts.path == "/download" and file_id == BIG and q.get("confirm") == "t":
            return self.send(200, self.pdf, "application/pdf")
        if parts.path == "/embeddedfolderview" and file_id == FOLDER:
            return self._page("drive_folder_embedded.html", {D: base, G: base})
        return self.send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def fake_drive():
    _FakeDrive.pdf = fx.make_text_pdf(fx.THAI_PAGES[:1])
    with serving(_FakeDrive) as server:
        port = _FakeDrive.port = server.server_address[1]
        yield sharing.SharingHosts(drive=f"127.0.0.1:{port}", docs=f"127.0.0.1:{port}",
                                   accounts=f"localhost:{port}",
                                   login_hosts=(f"localhost:{port}",), scheme="http")


def _fetch(url: str) -> tuple[str, str, bytes]:
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    with opener.open(url, timeout=10) as resp:
        return resp.geturl(), resp.headers.get("Content-Type", ""), resp.read()


def _download(view_url: str, hosts: sharing.SharingHosts) -> tuple[str, bytes]:
    """What the spider will do, with urllib standing in for Scrapy's downloader."""
    link = sharing.classify_shared_link(view_url, hosts)
    assert link is not None
    final, ctype, body = _fetch(link.content_url or link.view_url)
    if sharing.is_login_page(final, body, hosts):
        return "login", b""
    if ctype.startswith("text/html"):
        confirm = sharing.confirm_download_url(body.decode("utf-8"), final)
        if confirm:
            final, ctype, body = _fetch(confirm)
    return "file", body


def test_public_file_download(fake_drive) -> None:
    hosts = fake_drive
    view = f"{hosts.scheme}://{hosts.drive}/file/d/{PUBLIC}/view?usp=sharing"
    _, _, page = _fetch(view)
    assert not sharing.is_login_page(view, page, hosts)
    kind, body = _download(view, hosts)
    assert kind == "file" and body.startswith(b"%PDF")
    doc = extract_text(body, content_type="application/pdf")
    assert doc.status == "ok" and "ประกาศสำนักงานเขตพื้นที่" in doc.text


def test_large_file_goes_through_confirmation(fake_drive) -> None:
    hosts = fake_drive
    kind, body = _download(f"http://{hosts.drive}/open?id={BIG}", hosts)
    assert kind == "file" and body.startswith(b"%PDF")


def test_private_file_redirects_to_login(fake_drive) -> None:
    hosts = fake_drive
    kind, _ = _download(f"http://{hosts.drive}/file/d/{PRIVATE}/view", hosts)
    assert kind == "login"
    final, _, body = _fetch(f"http://{hosts.drive}/file/d/{PRIVATE}/view")
    assert urlsplit(final).netloc == hosts.accounts
    assert sharing.is_login_page(final, body, hosts)
    assert sharing.is_login_page("http://elsewhere.test/", body, hosts)  # the body alone says so too


def test_folder_listing_leads_to_files(fake_drive) -> None:
    hosts = fake_drive
    link = sharing.classify_shared_link(f"http://{hosts.drive}/drive/folders/{FOLDER}", hosts)
    final, _, page = _fetch(link.content_url)
    entries = sharing.list_folder_files(page.decode("utf-8"), final, hosts)
    assert [t for t, _ in entries] == ["O1 โครงสร้าง.pdf", "แผนปฏิบัติการ 2569.docx",
                                       "สขร1 ต.ค.68"]
    assert sharing.classify_shared_link(entries[2][1], hosts).kind == "google_sheet"
    kind, body = _download(entries[0][1], hosts)
    assert kind == "file" and body.startswith(b"%PDF")
