"""The real-world corpus: its fixed split rule and its checker.

The split is decided by the sample's registrable domain alone, before any sample is read
closely (issue 16): ``test`` is every sample whose registrable domain's SHA-1 has a first byte
divisible by 5 (about one domain in five), ``dev`` otherwise. All samples of one site therefore
share a split, so vocabulary tuned on ``dev`` never saw a ``test`` site. Never move a sample
between splits: the rule is the split.

Run ``python tests/realworld/split.py`` to check ``samples.tsv`` (columns, split rule, excerpt
files, counts); the last line is a JSON object of the counts and of the targets that are unmet.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import tldextract

HERE = Path(__file__).resolve().parent
SAMPLES_TSV = HERE / "samples.tsv"
SAMPLES_DIR = HERE / "samples"

COLUMNS = ("id", "url", "domain", "agency_type", "framework_on_site", "code_on_site",
           "topic", "kind", "split", "file")
KINDS = ("item", "hub", "negative")
SPLITS = ("dev", "test")
# Agency types users have (issue 16); `vocational` and `other` are allowed but not required.
AGENCY_TYPES = ("esa", "school", "local_admin", "hospital", "health_office", "university",
                "police", "department", "state_enterprise")
OTHER_AGENCY_TYPES = ("vocational", "other")
CODES_2565 = tuple(f"O{n}" for n in range(1, 44))

# Targets of issue 16, part 1.
MIN_ITEM_SAMPLES = 400
MIN_DOMAINS = 150
MIN_PER_ITEM = 5

# Registrable domains whose subdomains are separate agencies (fixed before collection).
UMBRELLAS = frozenset({"moph.go.th", "police.go.th", "obec.go.th", "vec.go.th", "dla.go.th",
                       "go.th", "ac.th", "or.th", "in.th", "wordpress.com", "blogspot.com",
                       "wixsite.com", "weebly.com"})

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_FRAMEWORK = re.compile(r"^(none|unknown|[a-z]+(-[a-z]+)*-(\d{4}|unknown))$")


@lru_cache(maxsize=1)
def _extractor() -> tldextract.TLDExtract:
    # The public-suffix snapshot shipped with tldextract: no network, same answer everywhere.
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None,
                                 include_psl_private_domains=True)


def registrable_domain(url_or_host: str) -> str:
    """``www.sesao1.go.th`` or a URL -> ``sesao1.go.th`` (the public-suffix registrable domain).

    Private suffixes of the list count (``abc.wordpress.com`` is a site of its own). Under an
    umbrella domain whose subdomains are separate agencies (``UMBRELLAS``: provincial health
    offices under moph.go.th, stations under police.go.th, ...) the agency's label is kept:
    ``www.skko.moph.go.th`` -> ``skko.moph.go.th``. For Google Sites the first path segment
    names the site, so it is kept. The list was fixed before any sample was collected.
    """
    text = url_or_host.strip()
    parts = urlsplit(text if "//" in text else "//" + text)
    host = (parts.hostname or "").lower().rstrip(".")
    ext = _extractor()(host)
    domain = ext.top_domain_under_public_suffix or host
    if domain in UMBRELLAS and host != domain and host != "www." + domain:
        label = host[: -len(domain) - 1].split(".")[-1]
        domain = f"{label}.{domain}"
    if host == "sites.google.com":
        segments = [s for s in parts.path.split("/") if s]
        if segments and segments[0] == "view" and len(segments) > 1:
            return f"sites.google.com/view/{segments[1].lower()}"
        if segments and segments[0] == "site" and len(segments) > 1:
            return f"sites.google.com/site/{segments[1].lower()}"
        if len(segments) > 1 and segments[0] == "a" and "." in segments[1]:
            # Classic Google Apps sites (sites.google.com/a/<agency domain>/<site>).
            return registrable_domain(segments[1])
        if segments and "." in segments[0]:
            # Google Workspace sites (sites.google.com/<agency domain>/<site>): the agency's.
            return registrable_domain(segments[0])
    return domain


def split_of(domain: str) -> str:
    """The fixed rule: ``test`` when sha1(domain)[0] % 5 == 0, else ``dev``."""
    return "test" if hashlib.sha1(domain.encode("utf-8")).digest()[0] % 5 == 0 else "dev"


@dataclass(frozen=True)
class Sample:
    id: str
    url: str
    domain: str
    agency_type: str
    framework_on_site: str
    code_on_site: str
    topic: str
    kind: str
    split: str
    file: str

    @property
    def topics(self) -> list[str]:
        return [t for t in self.topic.split(";") if t]

    def excerpt(self) -> str:
        return (HERE / self.file).read_text(encoding="utf-8")


def load_samples(path: Path = SAMPLES_TSV) -> list[Sample]:
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise ValueError(f"{path}: columns {reader.fieldnames} != {list(COLUMNS)}")
        return [Sample(**{k: (row[k] or "") for k in COLUMNS}) for row in reader]


_ELLIPSES = ("...", "\u2026")
_CUT_ESCAPE = re.compile(r"%[0-9A-Fa-f]?$")


def _unquote_all(text: str) -> str:
    # Twice-encoded addresses (``%25E0...``) are met too; three rounds settle every stored one.
    for _ in range(3):
        plain = unquote(text)
        if plain == text:
            break
        text = plain
    return text


@cache
def url_key(url: str) -> tuple[str, bool]:
    """The form two spellings of one page share, and whether the address was cut short.

    Scheme, a leading ``www.``, a default port, the fragment and trailing slashes are dropped,
    the host is case-folded (a Thai host name taken as its punycode) and the path and query
    percent-decoded (stored addresses carry Thai
    both raw and encoded). An address that ends in an ellipsis or in a cut escape (``%E0%B8%``)
    was truncated: its key is what is left, and it names every page it is a prefix of.
    """
    text = url.strip()
    cut = text.endswith(_ELLIPSES) or bool(_CUT_ESCAPE.search(text))
    for mark in _ELLIPSES:
        text = text.removesuffix(mark)
    text = _CUT_ESCAPE.sub("", text)
    parts = urlsplit(text if "//" in text else "//" + text)
    host = (parts.hostname or "").lower().rstrip(".").removeprefix("www.")
    try:
        host = host.encode("idna").decode("ascii")  # a Thai host name as its punycode form
    except UnicodeError:
        pass
    if parts.port is not None and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    key = host + _unquote_all(parts.path).rstrip("/")
    if parts.query:
        key += "?" + _unquote_all(parts.query)
    # A cut inside a Thai letter's UTF-8 bytes decodes to U+FFFD: that letter is not known.
    if key.endswith("\ufffd"):
        return key.rstrip("\ufffd").rstrip("/"), True
    return key, cut


def same_page(url: str, other: str) -> bool:
    """Whether two stored addresses name one page (``url_key``): equal keys, or a truncated
    one's key a prefix of the other's. A whole address that is a prefix of another is another
    page (``/ITA/02`` and ``/ITA/025``)."""
    (key, cut), (other_key, other_cut) = url_key(url), url_key(other)
    return (key == other_key or (cut and other_key.startswith(key))
            or (other_cut and key.startswith(other_key)))


def duplicate_of(url: str, urls: dict[str, str]) -> str | None:
    """The id among ``urls`` (id -> address) whose address names the same page, or None."""
    return next((sid for sid, other in urls.items() if same_page(url, other)), None)


def duplicate_rows(samples: list[Sample]) -> list[tuple[str, str]]:
    """Pairs (later id, earlier id) of rows whose addresses name one page."""
    pairs = []
    for n, s in enumerate(samples):
        earlier = next((e.id for e in samples[:n] if same_page(s.url, e.url)), None)
        if earlier:
            pairs.append((s.id, earlier))
    return pairs


def dev_files(path: Path = SAMPLES_TSV) -> list[Path]:
    """The excerpt files of the ``dev`` samples, sorted: what tests that compare two readings
    on real text read (a failing assert prints its text; ``test`` excerpts never reach the
    suite's output)."""
    return sorted(HERE / s.file for s in load_samples(path) if s.split == "dev")


def check(samples: list[Sample]) -> list[str]:
    """Every structural error of the table (an empty list when it is sound)."""
    errors: list[str] = []
    seen: set[str] = set()
    for line, s in enumerate(samples, start=2):
        where = f"samples.tsv:{line} ({s.id})"
        if not _ID.match(s.id):
            errors.append(f"{where}: bad id")
        if s.id in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(s.id)
        if not s.url.startswith(("http://", "https://")):
            errors.append(f"{where}: url is not http(s)")
        if s.domain != registrable_domain(s.url):
            errors.append(f"{where}: domain {s.domain!r} != {registrable_domain(s.url)!r}")
        if s.split != split_of(s.domain):
            errors.append(f"{where}: split {s.split!r} breaks the rule ({split_of(s.domain)})")
        if s.agency_type not in AGENCY_TYPES + OTHER_AGENCY_TYPES:
            errors.append(f"{where}: unknown agency_type {s.agency_type!r}")
        if not _FRAMEWORK.match(s.framework_on_site):
            errors.append(f"{where}: framework_on_site {s.framework_on_site!r}")
        if s.kind not in KINDS:
            errors.append(f"{where}: kind {s.kind!r}")
        bad = [t for t in s.topics if t not in CODES_2565]
        if bad:
            errors.append(f"{where}: topic codes not in the 2565 checklist: {bad}")
        if s.kind == "item" and not s.topics:
            errors.append(f"{where}: an item sample needs a topic")
        if s.kind == "negative" and s.topics:
            errors.append(f"{where}: a negative sample has no topic")
        if s.file != f"samples/{s.id}.txt":
            errors.append(f"{where}: file should be samples/{s.id}.txt")
        elif not (HERE / s.file).is_file():
            errors.append(f"{where}: missing excerpt {s.file}")
        elif not (HERE / s.file).read_text(encoding="utf-8").strip():
            errors.append(f"{where}: empty excerpt {s.file}")
    return errors


def counts(samples: list[Sample]) -> dict:
    items = [s for s in samples if s.kind == "item"]
    per_item = Counter(t for s in items for t in s.topics)
    return {
        "samples": len(samples),
        "item_samples": len(items),
        "hub_samples": sum(s.kind == "hub" for s in samples),
        "negative_samples": sum(s.kind == "negative" for s in samples),
        "domains": len({s.domain for s in samples}),
        "item_domains": len({s.domain for s in items}),
        "per_split": dict(Counter(s.split for s in samples)),
        "per_agency_type": dict(sorted(Counter(s.agency_type for s in samples).items())),
        "per_item": {c: per_item.get(c, 0) for c in CODES_2565},
        "per_framework": dict(sorted(Counter(s.framework_on_site for s in samples).items())),
    }


def unmet_targets(samples: list[Sample]) -> list[str]:
    """The targets of issue 16 part 1 the table does not yet meet."""
    c = counts(samples)
    unmet = []
    if c["item_samples"] < MIN_ITEM_SAMPLES:
        unmet.append(f"item samples {c['item_samples']} < {MIN_ITEM_SAMPLES}")
    if c["domains"] < MIN_DOMAINS:
        unmet.append(f"distinct domains {c['domains']} < {MIN_DOMAINS}")
    thin = [f"{k}={v}" for k, v in c["per_item"].items() if v < MIN_PER_ITEM]
    if thin:
        unmet.append(f"items with < {MIN_PER_ITEM} samples: {', '.join(thin)}")
    absent = [t for t in AGENCY_TYPES if t not in c["per_agency_type"]]
    if absent:
        unmet.append(f"agency types absent: {absent}")
    return unmet


def main() -> int:
    samples = load_samples()
    errors = check(samples)
    for e in errors:
        print(e)
    unmet = unmet_targets(samples)
    for u in unmet:
        print("target unmet:", u)
    out = counts(samples)
    out["errors"] = len(errors)
    out["unmet"] = unmet
    print(json.dumps(out, ensure_ascii=False))
    return 1 if errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
