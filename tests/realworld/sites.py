"""Office sites built from real-world samples (tests/realworld/samples.tsv), and how to judge
the evidence found on them.

A site is one registrable domain of the corpus: its ITA hub page links, in the corpus order,
to a page per sample of that domain (item pages and negative samples alike).  The hub's link
text is what the site showed for the item (the excerpt's first line, with the code the site
wrote beside it when the excerpt does not carry it); the sample's page sits at its real URL
(so URL words, per-year paths and the hosts of flip-book viewers stay as found) and reads as
its excerpt: the first line is its title and heading, the second its subheading, the rest its
first lines.  Documents (``.pdf``, ``.xlsx`` ...) are document records whose text is the
excerpt.  The hub sits on the office's home host (:func:`home_of`) and, as in a real audit of
that host (the crawler's scope: the start URL's host, www or not), a sample on another host
of the domain (a unit's sub-domain) is an external link the hub leads to: checked and read
as the spider records one (its title, headings and first 2,000 characters; a document off
the site without its text), never crawled as the site's own page.

:func:`snapshot_of` builds the crawl snapshot directly (the pure judging path: seconds for the
whole corpus); :func:`one_site` and :func:`site_files` write one site of a split's samples as
HTML files for a real crawl (tests/realworld/test_site.py).

Scoring, per site and item of the reference checklist (as tests/benchmarks/evidence.py): the
predicted evidence is the audit's best evidence URL (none when missing); an item is labelled
present on a site when a sample of that site is labelled with it, and the evidence is correct
when it is one of those samples' URLs.  TP: correct evidence for a present item; FP: evidence
for an absent item, or a wrong URL; FN: a present item not found, or found at a wrong URL.
``false_evidence``: predicted evidence that is a negative sample (news post, flip-book shell,
placeholder, unrelated page).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import quote, urlsplit

from checklists.engine import Audit, audit
from checklists.loader import load_checklist
from checklists.matching import is_missing_page
from checklists.site.records import PageRecord
from checklists.site.scope import SiteScope, host_key, origin_key
from checklists.site.snapshot import CrawlInfo, Snapshot, url_key
from checklists.textmodel import TextModel, model_override
from checklists.train_matcher import Settings, read_samples
from crawler.pages import read_page, squash
from tests.realworld.foldcache import fold_model
from tests.realworld.split import SAMPLES_TSV, Sample, load_samples

REFERENCE = "nacc-oit-2565"
AS_OF = date(2026, 5, 15)
DOC_EXTS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".jpg", ".png")
CODE_LIKE = re.compile(r"(?<![A-Za-z])(?:MOIT|OIT|EB|O)\s*[.\-:]?\s*\d{1,2}", re.I)
FETCHED = "2026-05-15T09:00:00+07:00"
EXTERNAL_TEXT = 2000  # of an off-site page's text, the spider keeps (crawler.spiders.oit.parse)


@dataclass
class Site:
    """One domain's samples as a site."""

    domain: str
    slug: str
    samples: list[Sample]
    paths: dict[str, str] = field(default_factory=dict)  # sample id -> path on the site

    base_url: str = ""
    real_urls: bool = False  # the samples' own URLs (pure path), else base + path (served)

    @property
    def base(self) -> str:
        return self.base_url or f"http://{self.slug}.example/"

    def on_site(self, sample: Sample) -> bool:
        """Whether the audit of the hub's host crawls ``sample``'s page as the site's own: the
        crawler's scope is the start URL's host, www or not (:class:`SiteScope`); a sibling
        sub-domain's page is an external link, checked and read but not crawled."""
        return not self.real_urls or SiteScope(self.base).contains(sample.url)

    def url_of(self, sample: Sample) -> str:
        if self.real_urls:
            return sample.url
        return self.base.rstrip("/") + self.paths[sample.id]

    def labelled(self) -> dict[str, set[str]]:
        """Reference item code -> the URLs of this site's samples labelled with it."""
        out: dict[str, set[str]] = defaultdict(set)
        for s in self.samples:
            if s.kind == "item":
                for t in s.topics:
                    out[t].add(self.url_of(s))
        return out

    def negatives(self) -> set[str]:
        return {self.url_of(s) for s in self.samples if s.kind == "negative"}


def lines_of(sample: Sample) -> list[str]:
    return [ln.strip() for ln in sample.excerpt().splitlines() if ln.strip()]


def link_text(sample: Sample) -> str:
    """What the hub shows for the sample: its first line, with the site's code before it
    when the line does not carry a code."""
    lines = lines_of(sample)
    first = lines[0] if lines else sample.id
    code = sample.code_on_site.strip()
    if code and not CODE_LIKE.search(first) and CODE_LIKE.match(code):
        first = f"{code} {first}"
    return squash(first)[:200].rstrip()  # as the spider reads the hub's link (spaces collapsed)


def one_site(samples: list[Sample], split: str, base: str) -> Site:
    """Every ``split`` sample (items and negatives) as pages of one office site at ``base``,
    each at ``/s/<id>.html`` (a site served from files: tests/realworld/test_site.py)."""
    group = [s for s in samples if s.split == split and s.kind in ("item", "negative")]
    site = Site(split, "", group, {s.id: f"/s/{s.id}.html" for s in group})
    site.base_url = base
    return site


def home_of(domain: str, group: list[Sample]) -> Sample:
    """The sample whose host the hub sits on: the first one on the registrable domain's own
    host (www or not), the office's home, where an audit starts; else the first sample."""
    return next((s for s in group if origin_key(s.url) == host_key(domain)), group[0])


def build_sites(samples: list[Sample], split: str) -> list[Site]:
    """Sites of ``split``: one per domain, samples in corpus order (hub samples left out),
    each sample at its own URL, the hub on the host of :func:`home_of`; a sample on another
    host of the domain is an external link of that site (:meth:`Site.on_site`)."""
    by_domain: dict[str, list[Sample]] = defaultdict(list)
    for s in samples:
        if s.split == split and s.kind in ("item", "negative"):
            by_domain[s.domain].append(s)
    sites = []
    for n, (domain, group) in enumerate(sorted(by_domain.items())):
        slug = re.sub(r"[^a-z0-9]+", "-", domain.lower()).strip("-")[:40] or f"site{n}"
        site = Site(domain, f"{slug}-{n}", group, real_urls=True)
        first = urlsplit(home_of(domain, group).url)
        site.base_url = f"{first.scheme}://{first.netloc}/"
        if any(url_key(s.url) == url_key(site.base_url) for s in group):
            site.base_url += "?ita"
        for s in group:
            site.paths[s.id] = urlsplit(s.url).path or "/"
        sites.append(site)
    return sites


def _is_document(path: str) -> bool:
    return urlsplit(path).path.lower().endswith(DOC_EXTS)


def page_html(sample: Sample) -> str:
    """The sample's page as HTML: its first line the title and heading, the second its
    subheading, the rest its paragraphs (what :func:`site_files` serves)."""
    lines = lines_of(sample)
    title = html.escape(lines[0] if lines else sample.id)
    body = "".join(f"<h2>{html.escape(ln)}</h2>" for ln in lines[1:2])
    body += "".join(f"<p>{html.escape(ln)}</p>" for ln in lines[2:])
    return (f"<!doctype html><html lang=th><head><meta charset=utf-8>"
            f"<title>{title}</title></head><body><main><h1>{title}</h1>"
            f"{body}</main></body></html>")


def _read(record: PageRecord, sample: Sample, external: bool = False) -> PageRecord:
    """``record`` with what the spider reads off the sample's page (crawler.spiders.oit.parse:
    crawler.pages.read_page's title, headings, text, post date, breadcrumb and categories; an
    off-site page's text cut; a page that says it is not there, a soft 404), so that a judged
    snapshot holds what a crawl of :func:`site_files` records (white space collapsed, the
    title and headings cut as the crawler cuts them), not the excerpt's lines as typed."""
    page = read_page(page_html(sample), record.url)
    record.title, record.headings = page.title, page.headings
    record.post_date, record.breadcrumb, record.categories = \
        page.post_date, page.breadcrumb, page.categories
    record.text = page.text[:EXTERNAL_TEXT] if external else page.text
    if is_missing_page(page.title, page.text):
        record.error = "not_found_page"
    return record


def _record(site: Site, sample: Sample) -> PageRecord:
    url = site.url_of(sample)
    lines = lines_of(sample)
    if not site.on_site(sample):  # as the spider records an external link it checks
        if _is_document(site.paths[sample.id]):  # a file off the site: its answer, no text
            return PageRecord(url, url, "external", 200, 2, FETCHED, site.base,
                              link_text(sample), "application/pdf", 1000)
        return _read(PageRecord(url, url, "external", 200, 2, FETCHED, site.base,
                                link_text(sample), "text/html", 1000), sample, external=True)
    if _is_document(site.paths[sample.id]):
        return PageRecord(url, url, "document", 200, 2, FETCHED, site.base, link_text(sample),
                          "application/pdf", 1000, text="\n".join(lines), doc_status="ok")
    return _read(PageRecord(url, url, "page", 200, 2, FETCHED, site.base, link_text(sample),
                            "text/html", 1000), sample)


def snapshot_of(site: Site) -> Snapshot:
    """The crawl of ``site`` as the spider would record it."""
    links = [{"url": site.url_of(s), "text": link_text(s), "context": link_text(s),
              "heading": "การเปิดเผยข้อมูลสาธารณะ (OIT)", "tag": "a", "section": "",
              "area": ""} for s in site.samples]
    hub = PageRecord(site.base, site.base, "page", 200, 0, FETCHED, "", "", "text/html", 1000,
                     title="ITA การประเมินคุณธรรมและความโปร่งใส",
                     headings=["การเปิดเผยข้อมูลสาธารณะ (OIT)"],
                     text=" ".join(link["text"] for link in links), links=links)
    records = [hub, *(_record(site, s) for s in site.samples)]
    return Snapshot(records, CrawlInfo(site.base, site.base))


def site_files(site: Site) -> dict[str, str]:
    """The same site as files: path on the site -> HTML (pages) or text (documents)."""
    rows = "\n".join(f'<li><a href="{html.escape(quote(site.paths[s.id], safe="/?=&%"))}">'
                     f"{html.escape(link_text(s))}</a></li>" for s in site.samples)
    files = {"/": "<!doctype html><html lang=th><head><meta charset=utf-8>"
                  "<title>ITA การประเมินคุณธรรมและความโปร่งใส</title></head><body>"
                  f"<main><h2>การเปิดเผยข้อมูลสาธารณะ (OIT)</h2><ul>{rows}</ul></main>"
                  "</body></html>"}
    for s in site.samples:
        lines = lines_of(s)
        if _is_document(site.paths[s.id]):
            files[site.paths[s.id]] = "\n".join(lines)
            continue
        files[site.paths[s.id]] = page_html(s)
    return files


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else 1.0


@dataclass
class Judged:
    """The figures of one split."""

    per_item: dict[str, Tally]
    false_evidence: int
    mistakes: list[str]
    sites: int
    # needs_review (False: the audit says sure, True: a person should confirm) -> [right, wrong]
    by_review: dict[bool, list[int]] = field(default_factory=lambda: {False: [0, 0],
                                                                      True: [0, 0]})

    def review_precision(self, review: bool) -> float | None:
        """The share of evidence found that is right, among matches flagged ``review`` or
        not: how far ``needs_review`` can be trusted (None when there is none)."""
        right, wrong = self.by_review[review]
        return round(right / (right + wrong), 4) if right + wrong else None

    @property
    def total(self) -> Tally:
        t = Tally()
        for v in self.per_item.values():
            t.tp += v.tp
            t.fp += v.fp
            t.fn += v.fn
        return t

    def min_item_recall(self) -> float:
        present = [t.recall for t in self.per_item.values() if t.tp + t.fn]
        return min(present) if present else 1.0


def audit_site(site: Site, checklist=None) -> Audit:
    return audit(checklist or load_checklist(REFERENCE), snapshot_of(site), AS_OF)


def score_audit(site: Site, audit: Audit, judged: Judged) -> None:
    labelled, negatives = site.labelled(), site.negatives()
    for result in audit.results:
        code = result.item.code
        tally = judged.per_item.setdefault(code, Tally())
        ev = result.evidence[0].url if result.evidence and result.verdict != "missing" else None
        want = labelled.get(code, set())
        if ev is not None:
            judged.by_review[bool(result.needs_review)][0 if ev in want else 1] += 1
        if ev is not None and ev in negatives:
            judged.false_evidence += 1
        if want:
            if ev in want:
                tally.tp += 1
            else:
                tally.fn += 1
                if ev is not None:
                    tally.fp += 1
                judged.mistakes.append(f"{site.domain} {code}: want {sorted(want)[:2]} "
                                       f"got {ev} ({result.matched_by})")
        elif ev is not None:
            tally.fp += 1
            judged.mistakes.append(f"{site.domain} {code}: none labelled, got {ev} "
                                   f"({result.matched_by})")


def judge_split(split: str, samples: list[Sample] | None = None,
                only: set[str] | None = None, judged: Judged | None = None,
                each: Callable[[Site, Audit], None] | None = None) -> Judged:
    """Judge every site of ``split`` (``only``: these domains) into ``judged``; ``each`` is
    told every site and its audit (tests/benchmarks/transfer.py counts by kind of match)."""
    samples = samples if samples is not None else load_samples()
    checklist = load_checklist(REFERENCE)
    sites = [s for s in build_sites(samples, split) if only is None or s.domain in only]
    if judged is None:
        judged = Judged({i.code: Tally() for i in checklist.items}, 0, [], 0)
    judged.sites += len(sites)
    for site in sites:
        result = audit_site(site, checklist)
        score_audit(site, result, judged)
        if each is not None:
            each(site, result)
    return judged


def fold_of(domain: str, folds: int) -> int:
    return int(hashlib.sha256(domain.encode("utf-8")).hexdigest()[-6:], 16) % folds


def fold_domains(samples: list[Sample], folds: int = 5) -> list[set[str]]:
    """The dev domains of each fold (fixed by the domain's hash: grouped by domain)."""
    domains = {s.domain for s in samples if s.split == "dev"}
    return [{d for d in domains if fold_of(d, folds) == k} for k in range(folds)]


def fold_models(samples: list[Sample], folds: int = 5, settings: Settings | None = None,
                path: Path = SAMPLES_TSV, cache: bool = True, only: set[int] | None = None
                ) -> Iterator[tuple[set[str], TextModel | None]]:
    """Each fold of ``dev`` domains with the wording model trained on the other folds' ``dev``
    rows of ``path`` (None for a fold not in ``only``), trained once and then read from the
    fold-model cache (:func:`tests.realworld.foldcache.fold_model`): ``realworld.py --cv``
    and ``transfer.py`` share the models."""
    rows = read_samples(path, "dev")
    st = settings or Settings.of()
    for k, held in enumerate(fold_domains(samples, folds)):
        if only is not None and k not in only:  # a fold not judged: no model trained
            yield held, None
            continue
        yield held, TextModel(fold_model([r for r in rows if r["domain"] not in held], st,
                                         cache))


def cross_validate(samples: list[Sample], folds: int = 5, settings: Settings | None = None,
                   path: Path = SAMPLES_TSV, cache: bool = True) -> Judged:
    """``dev`` judged by models that never saw the judged site: each fold of dev domains is
    judged with a wording model trained on the other folds (honest figures to tune on)."""
    judged = None
    for held, model in fold_models(samples, folds, settings, path, cache):
        with model_override(model):
            judged = judge_split("dev", samples, held, judged)
    return judged
