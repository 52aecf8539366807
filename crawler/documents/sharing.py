"""File-sharing links (Google Drive/Docs, OneDrive): classify, find the bytes, spot sign-in walls.

Pure functions over URLs and HTML; the spider does the fetching. Hosts are configuration
(SharingHosts) so that tests can point them at a local server.

Flow for the spider:
1. link = classify_shared_link(url); fetch link.content_url (None: fetch view_url and
   classify the final URL again, e.g. after a 1drv.ms redirect).
2. If the final URL or body is a sign-in page (is_login_page): the file is not public.
3. If the body is HTML and confirm_download_url() finds a URL: Google's large-file
   warning; fetch that URL for the bytes.
4. For a drive_folder, content_url is the static 'embeddedfolderview' page:
   list_folder_files() gives (title, view URL) of each entry; classify each again.
"""

from __future__ import annotations

import html as htmlmod
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlencode, urljoin, urlsplit, urlunsplit

_ID = r"[A-Za-z0-9_-]{10,}"
_FILE_PATH = re.compile(rf"^/(?:a/[^/]+/)?file(?:/u/\d+)?/d/({_ID})")
_FOLDER_PATH = re.compile(rf"^/(?:a/[^/]+/)?drive(?:/u/\d+)?/(?:mobile/)?folders/({_ID})")
_DOCS_PATH = re.compile(
    rf"^/(?:a/[^/]+/)?(document|spreadsheets|presentation)(?:/u/\d+)?/d/(e/)?({_ID})")
_DOCS_KIND = {"document": "google_doc", "spreadsheets": "google_sheet",
              "presentation": "google_slides"}
_LOGIN_PATHS = ("/servicelogin", "/signin", "/v3/signin", "/accountchooser", "/o/oauth2",
                "/interactivelogin", "/login")
_LOGIN_MARKERS = (
    "<title>sign in - google accounts</title>",
    "<title>google drive: sign-in</title>",
    "<title>ลงชื่อเข้าใช้ - บัญชี google</title>",
    'id="identifierid"',
    "<title>sign in to your account</title>",
    "<title>sign in to your microsoft account</title>",
    "<title>you need access</title>",
    "<title>ต้องมีสิทธิ์เข้าถึง</title>",
)
_LOGIN_FORM_ACTION = re.compile(r"<form[^>]+action=\"[^\"]*(servicelogin|/signin/|login\.srf)",
                                re.I)
_GOOGLE_MIME_VIEW = {
    "application/vnd.google-apps.document": "document",
    "application/vnd.google-apps.spreadsheet": "spreadsheets",
    "application/vnd.google-apps.presentation": "presentation",
}
_HEX_ESCAPE = re.compile(r"\\x([0-9a-fA-F]{2})")
_IVD_ENTRY = re.compile(rf'\["({_ID})",\["{_ID}"\],"((?:[^"\\]|\\.)+)","([a-z]+/[^"]+)"')


@dataclass(frozen=True)
class SharingHosts:
    """Hosts of the sharing services; defaults are the real ones."""

    drive: str = "drive.google.com"
    docs: str = "docs.google.com"
    accounts: str = "accounts.google.com"
    onedrive: tuple[str, ...] = ("onedrive.live.com", "1drv.ms")
    login_hosts: tuple[str, ...] = (
        "accounts.google.com", "login.microsoftonline.com", "login.live.com")
    scheme: str = "https"
    sharepoint_suffix: str = ".sharepoint.com"


@dataclass(frozen=True)
class SharedLink:
    """A recognised sharing link; content_url fetches the bytes (None: follow view_url first)."""

    # 'drive_file' | 'drive_folder' | 'google_doc' | 'google_sheet' | 'google_slides' | 'onedrive'
    kind: str
    file_id: str
    view_url: str
    content_url: str | None


def _base(hosts: SharingHosts, host: str) -> str:
    return f"{hosts.scheme}://{host}"


def _drive_file(file_id: str, hosts: SharingHosts) -> SharedLink:
    base = _base(hosts, hosts.drive)
    return SharedLink("drive_file", file_id, f"{base}/file/d/{file_id}/view",
                      f"{base}/uc?{urlencode({'export': 'download', 'id': file_id})}")


def _drive_folder(folder_id: str, hosts: SharingHosts) -> SharedLink:
    base = _base(hosts, hosts.drive)
    return SharedLink("drive_folder", folder_id, f"{base}/drive/folders/{folder_id}",
                      f"{base}/embeddedfolderview?{urlencode({'id': folder_id})}")


def _google_doc(section: str, file_id: str, published: bool, hosts: SharingHosts) -> SharedLink:
    kind = _DOCS_KIND[section]
    base = f"{_base(hosts, hosts.docs)}/{section}/d/"
    if published:  # /d/e/2PACX-.../pub: only the published rendering can be fetched
        view = f"{base}e/{file_id}/" + ("pubhtml" if section == "spreadsheets" else "pub")
        content = {"document": f"{base}e/{file_id}/pub?output=txt",
                   "spreadsheets": f"{base}e/{file_id}/pub?output=xlsx",
                   "presentation": f"{base}e/{file_id}/pub?output=pdf"}[section]
        return SharedLink(kind, file_id, view, content)
    export = {"document": "txt", "spreadsheets": "xlsx", "presentation": "pdf"}[section]
    return SharedLink(kind, file_id, f"{base}{file_id}/edit",
                      f"{base}{file_id}/export?format={export}")


def _onedrive(url: str, parts, host: str, hosts: SharingHosts) -> SharedLink | None:
    query = parse_qs(parts.query)
    if host == "1drv.ms" or (host in hosts.onedrive and parts.path.startswith(("/b/", "/w/",
                                                                              "/x/", "/f/"))):
        # a short link: only its redirect target tells the resource; follow it, then classify
        return SharedLink("onedrive", parts.path.rsplit("/", 1)[-1], url, None)
    if host.endswith(hosts.sharepoint_suffix):
        if not re.match(r"^/:[a-z]:/", parts.path):
            return None
        q = {k: v[-1] for k, v in query.items()}
        q["download"] = "1"
        return SharedLink("onedrive", parts.path.rstrip("/").rsplit("/", 1)[-1], url,
                          urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(q), "")))
    resid = (query.get("resid") or query.get("id") or [""])[-1]
    if not resid:
        return None
    q = {"resid": resid}
    for key in ("cid", "authkey"):
        if query.get(key):
            q[key] = query[key][-1]
    content = f"{_base(hosts, hosts.onedrive[0])}/download?{urlencode(q)}"
    return SharedLink("onedrive", resid, url, content)


def classify_shared_link(url: str,
                         hosts: SharingHosts = SharingHosts()) -> SharedLink | None:  # noqa: B008
    """Recognise a Drive/Docs/OneDrive link; None for anything else (forms, sites, ...)."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    query = parse_qs(parts.query)
    if host in (hosts.drive, hosts.docs):
        m = _FILE_PATH.match(parts.path)
        if m:
            return _drive_file(m.group(1), hosts)
        m = _DOCS_PATH.match(parts.path)
        if m:
            return _google_doc(m.group(1), m.group(3), bool(m.group(2)), hosts)
        m = _FOLDER_PATH.match(parts.path)
        if m:
            return _drive_folder(m.group(1), hosts)
        file_id = (query.get("id") or [""])[-1]
        if re.fullmatch(_ID, file_id):
            if parts.path in ("/embeddedfolderview", "/folderview"):
                return _drive_folder(file_id, hosts)
            if parts.path in ("/open", "/uc", "/thumbnail"):
                return _drive_file(file_id, hosts)
        return None
    if host in hosts.onedrive or host.endswith(hosts.sharepoint_suffix):
        return _onedrive(url, parts, host, hosts)
    return None


def is_login_page(url: str, body: bytes | str | None,
                  hosts: SharingHosts = SharingHosts()) -> bool:  # noqa: B008
    """True when a fetch ended on a sign-in (or 'you need access') page: the file is private.

    The final URL counts when it is on a login host (with a sign-in path when that host is
    also a content host, as in tests). In the body, only sign-in titles, the Google e-mail
    field and sign-in form actions count: public Drive pages link to ServiceLogin too.
    """
    try:
        parts = urlsplit(url or "")
    except ValueError:
        parts = urlsplit("")
    host = parts.netloc.lower()
    path = parts.path.lower()
    login_hosts = set(hosts.login_hosts) | {hosts.accounts}
    if host in login_hosts:
        content_hosts = {hosts.drive, hosts.docs, *hosts.onedrive}
        if host not in content_hosts or path.startswith(_LOGIN_PATHS):
            return True
    if body is None:
        return False
    if isinstance(body, bytes):
        body = body[:200_000].decode("utf-8", "replace")
    lowered = body[:200_000].lower()
    if any(marker in lowered for marker in _LOGIN_MARKERS):
        return True
    return bool(_LOGIN_FORM_ACTION.search(lowered))


class _LinkParser(HTMLParser):
    """Collects forms with their inputs, anchors with text, and data-id elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self.anchors: list[dict] = []
        self.data_ids: list[dict] = []
        self._anchor: dict | None = None
        self._title_target: dict | None = None
        self._title_depth = 0
        self._entry: dict | None = None

    def handle_starttag(self, tag, attrs):  # noqa: D102
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "method": a.get("method", "get"),
                               "id": a.get("id", ""), "inputs": []})
        elif tag == "input" and self.forms:
            if a.get("name"):
                self.forms[-1]["inputs"].append((a["name"], a.get("value", "")))
        elif tag == "a":
            self._anchor = {"href": a.get("href", ""), "id": a.get("id", ""), "text": "",
                            "entry": self._entry}
            self.anchors.append(self._anchor)
        if a.get("data-id"):
            self.data_ids.append({"id": a["data-id"], "title": a.get("data-tooltip") or ""})
        elif self.data_ids and not self.data_ids[-1]["title"] and a.get("data-tooltip"):
            self.data_ids[-1]["title"] = a["data-tooltip"]  # the name sits on a child element
        if "flip-entry" in a.get("class", "").split():
            self._entry = {"title": ""}
        if "flip-entry-title" in a.get("class", "").split() and self._entry is not None:
            self._title_target = self._entry
            self._title_depth = 1
        elif self._title_target is not None:
            self._title_depth += 1

    def handle_endtag(self, tag):  # noqa: D102
        if tag == "a":
            self._anchor = None
        if self._title_target is not None:
            self._title_depth -= 1
            if self._title_depth <= 0:
                self._title_target = None

    def handle_data(self, data):  # noqa: D102
        if self._anchor is not None:
            self._anchor["text"] += data
        if self._title_target is not None:
            self._title_target["title"] += data


def _parse(html: str) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(html or "")
    parser.close()
    return parser


def confirm_download_url(html: str, base_url: str) -> str | None:
    """The URL behind Google's 'file too large to scan for viruses' page, or None.

    Handles the form version (action=.../download with hidden id/export/confirm/uuid inputs)
    and the older link version (href="/uc?export=download&confirm=TOKEN&id=ID").
    """
    parser = _parse(html)
    for form in parser.forms:
        names = {name for name, _ in form["inputs"]}
        if "confirm" in names or form["id"] == "download-form":
            action = urljoin(base_url, form["action"] or base_url)
            parts = urlsplit(action)
            query = parse_qs(parts.query)
            pairs = [(k, v[-1]) for k, v in query.items()] + form["inputs"]
            return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(pairs), ""))
    for anchor in parser.anchors:
        href = htmlmod.unescape(anchor["href"])
        if "confirm=" in href and ("export=download" in href or anchor["id"] == "uc-download-link"):
            return urljoin(base_url, href)
    return None


def _view_url_for(file_id: str, mime: str, hosts: SharingHosts) -> str:
    if mime == "application/vnd.google-apps.folder":
        return _drive_folder(file_id, hosts).view_url
    if mime in _GOOGLE_MIME_VIEW:
        return f"{_base(hosts, hosts.docs)}/{_GOOGLE_MIME_VIEW[mime]}/d/{file_id}/edit"
    return _drive_file(file_id, hosts).view_url


def list_folder_files(html: str, base_url: str,
                      hosts: SharingHosts = SharingHosts()) -> list[tuple[str, str]]:  # noqa: B008
    """(title, view URL) of each entry of a shared Drive folder page, in page order.

    Reads the static 'embeddedfolderview' entries (links to /file/d/ID or a folder), elements
    carrying data-id (the interactive folder view) and the '_DRIVE_ivd' data blob.
    Sub-folders come back with their folder URL; Google Docs with their editor URL.
    """
    parser = _parse(html)
    found: dict[str, tuple[str, str]] = {}

    def add(file_id: str, title: str, view: str) -> None:
        if file_id not in found or (title and not found[file_id][0]):
            found[file_id] = (" ".join(title.split()), view)

    folder_id = ""
    link = classify_shared_link(base_url, hosts)
    if link and link.kind == "drive_folder":
        folder_id = link.file_id
    for anchor in parser.anchors:
        target = classify_shared_link(urljoin(base_url, htmlmod.unescape(anchor["href"])), hosts)
        if target is None or target.file_id == folder_id:
            continue
        title = (anchor["entry"] or {}).get("title") or anchor["text"]
        add(target.file_id, title, target.view_url)
    for item in parser.data_ids:
        if re.fullmatch(_ID, item["id"]) and item["id"] != folder_id:
            add(item["id"], item["title"], _drive_file(item["id"], hosts).view_url)
    blob = _HEX_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), html or "").replace("\\/", "/")
    for file_id, title, mime in _IVD_ENTRY.findall(blob):
        if file_id != folder_id:
            title = json.loads(f'"{title}"') if "\\" in title else title
            add(file_id, title, _view_url_for(file_id, mime, hosts))
    return list(found.values())
