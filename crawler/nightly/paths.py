"""Where nightly state lives: the history database, caches and locks, per user and per site.

Default: ``$XDG_DATA_HOME/oit-audit`` (``~/.local/share/oit-audit`` on Linux; the
platform's user data folder elsewhere, via platformdirs). ``OIT_AUDIT_HOME`` overrides it.
The history database is ``history.sqlite3``; the caches and locks sit beside the database,
so ``--db /some/dir/x.sqlite3`` keeps everything of that database in ``/some/dir``.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

import crawler.documents as documents
from checklists.atomicfile import own_only
from checklists.site.scope import origin_key

APP = "oit-audit"
DB_NAME = "history.sqlite3"


def data_dir() -> Path:
    """The per-user data folder of oit-audit (not created)."""
    if os.environ.get("OIT_AUDIT_HOME"):
        return Path(os.environ["OIT_AUDIT_HOME"]).expanduser()
    try:
        from platformdirs import user_data_dir
    except ImportError:  # pragma: no cover - platformdirs comes with Scrapy
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        return Path(base) / APP
    return Path(user_data_dir(APP, appauthor=False))


def default_db() -> Path:
    """The default history database of this user."""
    return data_dir() / DB_NAME


def site_key(url: str) -> str:
    """The history key of a site: host without ``www.``/scheme/default port, plus its path.

    ``https://www.example.go.th/`` and ``http://example.go.th`` are the same site;
    ``example.go.th/office1`` (a sub-site on a shared host) is another.  A Thai domain name
    is keyed by its ASCII (punycode) form, so ``ตัวอย่าง.ไทย`` typed either way is one site,
    and the path by its percent-decoded, lower-cased form.
    """
    url = url.strip()
    if not url.startswith(("http://", "https://")):
        url = f"https://{url}"
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not host.isascii():
        try:
            ascii_host = host.encode("idna").decode("ascii")
        except UnicodeError:  # not a valid IDN: keep it as typed
            ascii_host = host
        url = url.replace(parts.netloc, parts.netloc.lower().replace(host, ascii_host), 1)
    path = unquote(urlsplit(url).path).rstrip("/")
    path = re.sub(r"/(index|default|home)\.(html?|php|aspx?|jsp)$", "", path, flags=re.I)
    return origin_key(url) + path.lower()


def install_mark() -> str:
    """A short mark of this copy of oit-audit: a digest of the folder its packages are in (a
    source checkout, or a virtual environment's site-packages).  Keys ``NAME@MARK`` belong to
    one copy: the demo's (its site is bundled with the code, so each copy keeps its own)."""
    folder = Path(__file__).resolve().parents[2]
    return hashlib.sha256(str(folder).encode("utf-8")).hexdigest()[:8]


def own_key(query: str) -> str:
    """``query`` as this copy's key: ``NAME@MARK`` for a ``NAME`` typed without its mark."""
    return query if "@" in query else f"{query}@{install_mark()}"


def slug(key: str) -> str:
    """A file-name-safe, unique name for a site key."""
    readable = re.sub(r"[^a-z0-9.-]+", "_", key.lower()).strip("_")[:60] or "site"
    return f"{readable}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


class StatePaths:
    """Caches and locks that belong to one history database."""

    def __init__(self, db: Path) -> None:
        self.db = Path(db).expanduser()
        self.root = self.db.parent

    def http_cache(self, key: str) -> Path:
        """Scrapy's HTTP cache of one site (revalidated on every run)."""
        return self.root / "httpcache" / slug(key)

    def judging_cache(self, key: str) -> Path:
        """What judging read on each page of one site (checklists/site/pagememo.py)."""
        return self.root / "judging" / f"{slug(key)}.sqlite3"

    def text_cache(self) -> Path:
        """Extracted document text by content digest (shared by all sites), in a folder of
        its own for each version of the extraction code."""
        return self.root / "textcache" / extractor_fingerprint()

    def keep_private(self) -> None:
        """The state folders of this database (HTTP caches, judging and text caches, locks),
        and the default data folder itself, made their user's alone (:func:`own_only`): a
        folder out of reach keeps every file under it out of reach, whatever its own mode, so
        state an earlier version wrote with 0644 files and 0755 folders is closed on the next
        run without a walk through thousands of cache files (nightly43)."""
        own_only(*(self.root / name for name in ("httpcache", "judging", "textcache", "locks")),
                 *([self.root] if self.root == data_dir() else []))

    def prune_text_caches(self, keep_days: int = 30) -> None:
        """Drop text caches of other extraction-code versions unused for ``keep_days``."""
        current = self.text_cache()
        for folder in current.parent.glob("*"):
            if folder != current and folder.is_dir() and \
                    time.time() - folder.stat().st_mtime > keep_days * 86400:
                shutil.rmtree(folder, ignore_errors=True)

    def lock(self, key: str) -> Path:
        """The lock file that keeps two audits of one site from overlapping."""
        return self.root / "locks" / f"{slug(key)}.lock"


def extractor_fingerprint() -> str:
    """A digest of the document extraction code: text read by another version of it (an
    upgrade, or an edit in a source checkout) is never taken from the cache."""
    digest = hashlib.sha256()
    for source in sorted(Path(documents.__file__).parent.glob("*.py")):
        digest.update(source.name.encode("utf-8") + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]
