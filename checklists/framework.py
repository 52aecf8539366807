"""The framework a site's own ITA section declares, and the checklist that fits it best.

A site labels its ITA section with the year and the evaluator's scheme ("ITA 2569", "OIT 2568",
"ITA Online 2564", "MOIT 1", per-year paths such as ``/ita-2566/`` or ``ita2024``), and its
links carry the item codes of the list it follows (O1-O43 up to 2567, O1-O26 in the NACC-style
2568/2569 lists, MOIT 1-22 for public health units). When these differ from the checklist in
use, the report says which checklist fits the site better and the command to use it;
``--checklist auto`` picks it. Sources: ../shared/reference/ita-oit.md ("How sites publish
them") and ita-frameworks-2568-2570.md (codes by family and year).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from checklists.model import Checklist
from checklists.site.records import PageRecord
from checklists.site.snapshot import CrawlInfo, Snapshot
from checklists.words import pair

# "ITA 2569", "ITA-2566", "ita2024", "OIT 2568", "ITA Online 2564", "MOIT 2569", "ita66"
_YEAR = re.compile(r"(?<![A-Za-z])(?:ITA|OIT|MOIT)(?:[\s_\-]*online)?[\s_\-/]*(?:ปี\s*)?"
                   r"(?:พ\.?ศ\.?\s*)?(25[5-9]\d|20[1-3]\d|[5-7]\d)(?!\d)", re.IGNORECASE)
_MOIT = re.compile(r"(?<![A-Za-z])MOIT\s*[.\-:]?\s*(\d{1,2})(?!\d)", re.IGNORECASE)
_OCODE = re.compile(r"(?<![A-Za-z])(?:OIT|O)\s*[.\-:]?\s*(\d{1,2})(?![0-9])")
# a link or heading that starts with an item code: "O23 สรุปผล...", "MOIT 5: ...", "ข้อ O1."
_CODED = re.compile(r"^\s*(?:ข้อ\s*)?(MOIT|OIT|O)\s*[.\-:]?\s*(\d{1,2})(?!\d)\s*[.:\-–]?\s*(.{4,})$",
                    re.IGNORECASE)
_FAMILY_WORDS = (("moph", re.compile(r"MOIT", re.IGNORECASE)),
                 ("obec", re.compile(r"ITA\s*Online", re.IGNORECASE)),
                 ("ovec", re.compile(r"ITA[\s\-]*VEC|อาชีวศึกษา", re.IGNORECASE)),
                 ("police", re.compile(r"สถานีตำรวจ|police\.go\.th", re.IGNORECASE)))


@dataclass(frozen=True)
class Declared:
    """What the site's ITA section says about its framework."""

    year: int | None = None  # B.E. year of the ITA section the site labels as current
    family: str | None = None  # a family the site's words point to (moph, obec, ovec, police)
    code_scheme: str = ""  # "MOIT" or "O", from the codes of its item links
    max_code: int = 0  # the highest O-code among those links (43, 26, 23...)
    evidence: tuple[str, ...] = field(default_factory=tuple)  # the texts that said so
    coded: tuple[tuple[str, str], ...] = ()  # (code, title as the site writes it)


def _be(raw: str) -> int:
    year = int(raw)
    if year < 100:
        return 2500 + year
    return year + 543 if year < 2400 else year


def _texts(record: PageRecord) -> list[str]:
    """The texts of ``record`` that may declare a framework, in page order: its address,
    title, breadcrumb and headings, then each link's text, the row or line around it ("O23
    สรุปผล... คลิก") and its address."""
    texts = [record.url, record.title, record.breadcrumb, *record.headings]
    for link in record.links:
        texts += (link.get("text", ""), link.get("context", ""), link.get("url", ""))
    return texts


SEEN_TEXTS = 50_000  # distinct texts remembered while reading a site's declarations
SCAN = "declared"  # the key of a snapshot's memo that keeps its DeclaredScan


class DeclaredScan:
    """What a site's pages declare, read one page at a time (:meth:`see`, every page
    :meth:`Snapshot.pages` gives, in order): the snapshot's own pass over the records can
    hand them over as it reads them (:func:`load_declaring`), one pass fewer
    over the records (each parses every record again: about 2 % of judging)."""

    def __init__(self) -> None:
        self.years: Counter[int] = Counter()
        self.examples: dict[int, str] = {}
        self.moit: Counter[int] = Counter()
        self.ocodes: Counter[int] = Counter()
        self.families: Counter[str] = Counter()
        self.coded: dict[str, str] = {}
        # text -> the families it names (menus repeat on every page)
        self.seen: dict[str, list[str]] = {}

    def see(self, page: PageRecord) -> None:
        families, known = self.families, self.seen.get
        for text in _texts(page):
            named = known(text)
            if named is not None:  # only the family counts grow; the rest keeps the first
                for family in named:  # sighting ("" is never kept: nothing to read)
                    families[family] += 1
            elif text:
                self._first(text)

    def _first(self, text: str) -> None:
        """Read ``text``, not met before (or met when :data:`SEEN_TEXTS` were kept)."""
        seen, families = self.seen, self.families
        named: list[str] = []
        if len(seen) < SEEN_TEXTS:
            seen[text] = named
        if (m := _CODED.match(text)) and len(text) < 200:
            prefix = "MOIT " if m.group(1).upper() == "MOIT" else "O"
            self.coded.setdefault(f"{prefix}{int(m.group(2))}", m.group(3).strip())
        for match in _YEAR.finditer(text):
            year = _be(match.group(1))
            self.years[year] += 1
            self.examples.setdefault(year, match.group(0).strip())
        for n in _MOIT.findall(text):
            self.moit[int(n)] += 1
        if len(text) < 120:  # link texts and headings, not whole paragraphs
            for n in _OCODE.findall(text):
                self.ocodes[int(n)] += 1
        for family, pattern in _FAMILY_WORDS:
            if pattern.search(text):
                families[family] += 1
                named.append(family)

    def done(self) -> None:
        """Every page is seen: the texts remembered while seeing them are let go."""
        self.seen = {}

    def declared(self, fiscal_year: int) -> Declared:
        """The framework the pages seen declare (the latest ITA year not after
        ``fiscal_year``)."""
        years, moit, ocodes, families = self.years, self.moit, self.ocodes, self.families
        current = [y for y in years if y <= fiscal_year] or list(years)
        year = max(current) if current else None
        scheme = "MOIT" if len(moit) >= 3 else "O" if len(ocodes) >= 5 else ""
        family = "moph" if scheme == "MOIT" else (families.most_common(1)[0][0]
                                                   if families else None)
        evidence = tuple(filter(None, (self.examples.get(year) if year else "",
                                       f"MOIT 1-{max(moit)}" if scheme == "MOIT" else "",
                                       f"O1-O{max(ocodes)}" if scheme == "O" else "")))
        return Declared(year, family, scheme, max(ocodes) if scheme == "O" else 0, evidence,
                        tuple(sorted(self.coded.items())))


def declared(snapshot: Snapshot, fiscal_year: int) -> Declared:
    """The framework the site declares (the latest ITA year not after ``fiscal_year``): from
    the scan its load made (:func:`load_declaring`), else from a pass over its pages."""
    scan = snapshot.memo.get(SCAN)
    if not isinstance(scan, DeclaredScan):
        scan = DeclaredScan()
        for page in snapshot.pages():
            scan.see(page)
    return scan.declared(fiscal_year)


def load_declaring(path: Path, info: CrawlInfo) -> Snapshot:
    """:meth:`Snapshot.load`, what the pages declare (:func:`declared`) read on the way."""
    scan = DeclaredScan()
    snapshot = Snapshot.load(path, info, also=scan.see)
    scan.done()
    snapshot.memo[SCAN] = scan
    return snapshot


def agreement(site: Declared, checklist: Checklist) -> int:
    """How many of the site's coded links carry that code's title in ``checklist``."""
    score = 0
    for code, text in site.coded:
        item = checklist.item(code)
        if item is None:
            continue
        title, words = item.title_th, text[:len(item.title_th) + 10]
        if title in text or _alike(title, words):
            score += 1
    return score


def _alike(title: str, words: str) -> bool:
    """``SequenceMatcher(None, title, words).ratio() >= 0.6``, difflib's own cheap upper
    bounds of the ratio (``real_quick_ratio``, ``quick_ratio``) asked first, as its
    ``get_close_matches`` does: the same answer; most of a site's coded links against another
    list's titles fail the bounds, and the full ratio took about a tenth of a judging (issue
    13)."""
    matcher = SequenceMatcher(None, title, words)
    return matcher.real_quick_ratio() >= 0.6 and matcher.quick_ratio() >= 0.6 and \
        matcher.ratio() >= 0.6


def best_fit(site: Declared, current: Checklist, shipped: dict[str, Checklist]) -> Checklist:
    """The shipped checklist that fits what the site declares (``current`` when nothing
    points elsewhere): its family, then the latest framework year not after the site's."""
    family = site.family or current.family
    if family == "obec" and not any(c.family == "obec" and c.framework_year == site.year
                                    for c in shipped.values()):
        family = "nacc"  # no OBEC list of that year was found (2564, 2566, 2568 are): NACC's
    pool = [c for c in shipped.values() if c.family == family] or [current]
    if current.family == family and current.id not in {c.id for c in pool}:
        pool.append(current)  # an office's own file competes on the same terms

    ranks: dict[int, tuple[int, int, int]] = {}  # by object: an office's file may share an id

    def rank(c: Checklist) -> tuple[int, int, int]:
        """Once per checklist (``agreement`` reads every coded link)."""
        if id(c) not in ranks:
            in_year = site.year is None or c.framework_year <= site.year
            # the codes with their titles say which list; then the year the site declares
            ranks[id(c)] = (agreement(site, c), in_year,
                           c.framework_year if in_year else -c.framework_year)
        return ranks[id(c)]

    best = max(pool, key=rank)
    if site.year is None and not site.coded and current.family == family:
        return current  # nothing on the site says otherwise
    if rank(best) == rank(current):
        return current
    return best


def framework_section(site: Declared, current: Checklist, best: Checklist, site_url: str,
                      picked: bool = False) -> dict:
    """The report's ``framework`` section: what the site declares and, when another checklist
    fits it better, which one and the command to use it."""
    suggested = None if best.id in (current.id, current.extends) else best.id
    command = f"oit-audit audit {site_url} --checklist {best.id}"
    said = ", ".join(site.evidence) or "-"
    if picked:
        advice_th, advice_en = pair("framework", "picked", best=best.id, said=said)
    elif suggested:
        advice_th, advice_en = pair("framework", "suggested", said=said, best=best.id,
                                    current=current.id, command=command)
    else:
        advice_th = advice_en = ""
    return {"declared_year": site.year, "family": site.family, "code_scheme": site.code_scheme,
            "max_code": site.max_code, "evidence": list(site.evidence),
            "suggested": suggested, "picked": best.id if picked else None,
            "command": command if suggested else None,
            "advice_th": advice_th, "advice_en": advice_en}
