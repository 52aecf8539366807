"""The report document (``report.json``) as types: what ``reports/build.py`` and the runner's
overlays produce and what every renderer reads.

Why ``TypedDict`` and not dataclasses: the document is JSON from end to end.  It is written
to ``report.json``, stored in the nightly history (SQLite) and in Redis by distributed
workers, read back by ``oit-audit report``, ``diff``, batch summaries and alerts, and
rendered by functions that index it.  A ``TypedDict`` types exactly that dict, so a report
loaded from disk (including one saved by an older version, without the keys added since:
``NotRequired``) is the same type as a freshly built one, with no conversion layer to keep
in step with the schema and no change to any renderer.

(No ``from __future__ import annotations`` here: Python 3.11 reads ``NotRequired`` only from
evaluated annotations.)  ``reports/report.schema.json`` is checked against these types by
``tests/reports/test_document.py``: the same keys at every level, the same required keys
(``Required`` here means "every report has it", so the schema requires it), and compatible
JSON types; the same test walks real reports for keys these types do not name.  Change the
builder, these types and the schema together.
"""

from typing import Any, Literal, NotRequired, TypedDict

Verdict = Literal["pass", "missing", "stale", "broken", "unverified"]
Status = Literal["complete", "incomplete", "site_unreachable", "blocked", "interrupted"]


class Tool(TypedDict):
    name: str
    version: str


class Source(TypedDict):
    id: str
    text: str
    url: str | None
    single_agency: bool


class Names(TypedDict):
    th: str
    en: str


class ChecklistSection(TypedDict):
    """Which checklist was used and how sure its contents are."""

    id: str
    version: str
    family: str
    framework_year: int
    title_th: str
    title_en: str | None
    extends: NotRequired[str | None]
    provisional: NotRequired[bool]
    provisional_items: NotRequired[list[str]]
    sources: NotRequired[list[Source]]
    changes: NotRequired[list[Names]]
    scoring: NotRequired[str]


class Failed(TypedDict):
    url: str
    status: int
    error: str
    detail: NotRequired[str | None]
    found_on: str | None
    link_text: str | None
    reason: NotRequired[str]
    reason_en: NotRequired[str]


class NotRendered(TypedDict):
    url: str
    cause: str
    reason: str
    reason_en: str
    detail: str


class BlockedInBrowser(TypedDict):
    page: str
    url: str
    detail: str
    reason: str
    reason_en: str


class NotVisited(TypedDict):
    url: str
    link_text: str
    found_on: str


class Focus(TypedDict):
    mode: Literal["focused", "full"]
    explored: NotRequired[int]
    not_visited: NotRequired[int]
    other_years: NotRequired[int]  # of those, links into other years' sections
    not_visited_sample: NotRequired[list[NotVisited]]
    decided: NotRequired[bool]  # stopped once every item passed (crawler/focusstop.py)


class Crawl(TypedDict):
    """Crawl figures, the limits in force and those hit, and what failed."""

    pages: int
    documents: int
    external: int
    errors: int
    limits: dict[str, Any]
    limits_hit: list[str]
    robots_obeyed: bool
    started_at: str
    finished_at: str
    finish_reason: NotRequired[str]
    failed: list[Failed]
    rendered: NotRequired[list[str]]
    not_rendered: NotRequired[list[NotRendered]]
    blocked_in_browser: NotRequired[list[BlockedInBrowser]]
    focus: NotRequired[Focus]
    network: NotRequired[dict[str, int]]


class Message(TypedDict):
    th: str
    en: str
    cause: str


class Band(TypedDict):
    """A band of the framework's scale (its score range from reports saved since 2026)."""

    label: str
    label_en: str | None
    min: NotRequired[float]
    max: NotRequired[float]
    each_tool_min: NotRequired[float | None]


class ScaleBand(TypedDict):
    """A band of ``summary.scale``: always with its range."""

    label: str
    label_en: str | None
    min: float
    max: float
    each_tool_min: NotRequired[float | None]


class OitPoints(TypedDict):
    percent: float
    points: float
    weight: float


class Total(TypedDict):
    iit: float
    eit: float
    oit: float
    total: float
    tool_percents: dict[str, float]
    held_back: Band | None


class SubindicatorScore(TypedDict):
    score: float
    th: str
    en: str


# the counts are named like the verdicts, and ``pass`` is a keyword: the functional form
VerdictCounts = TypedDict("VerdictCounts", {"pass": int, "missing": int, "stale": int,
                                            "broken": int, "unverified": int})


class Summary(VerdictCounts):
    """``summary`` of a judged site: the count of each verdict and the estimated scores (an
    estimate, not the official result)."""

    items: int
    indicator9_estimate: float | None
    indicator10_estimate: float | None
    band: Band | None
    band_basis: NotRequired[str]
    scale: NotRequired[list[ScaleBand]]
    pass_score: float | None
    oit: NotRequired[OitPoints | None]
    total: NotRequired[Total | None]
    subindicators: dict[str, SubindicatorScore]
    needs_review: int
    robots_disallowed: NotRequired[list[str]]
    estimate_note_th: str
    estimate_note_en: str


class Evidence(TypedDict):
    """Where the evidence is, what it says, which date was read, and its state."""

    url: str
    text: str
    found_on: str | None
    matched_by: str
    score: float
    role: str
    signals: NotRequired[list[str]]
    section: NotRequired[str]
    status: int | None
    seen_at: str
    date: str | None
    date_end: str | None
    date_text: str
    date_source: str
    verdict: str
    redirects: NotRequired[list[str]]
    sha256: NotRequired[str | None]  # the target's digest and validators, from the crawl
    size: NotRequired[int]
    etag: NotRequired[str | None]
    last_modified: NotRequired[str | None]


class DueMonth(TypedDict):
    month: str
    label: str
    date: str
    overdue: bool


class Due(TypedDict):
    """The suggested deadline of a fix (``checklists.deadlines``)."""

    kind: Literal["date", "asap"]
    date: str | None
    overdue: bool
    th: str
    en: str
    months: NotRequired[list[DueMonth]]
    next: NotRequired[DueMonth | None]


class LastYear(TypedDict):
    checklist: str
    framework_year: int
    codes: list[str]
    renumbered: bool


class Item(TypedDict):
    """One checklist item's verdict, reasons, fix, owner and evidence."""

    order: NotRequired[int]
    code: str
    indicator: int
    subindicator: str
    title_th: str
    title_en: str
    requires: NotRequired[str]
    requires_en: NotRequired[str]
    verdict: Verdict
    reason: str
    reason_en: str
    fix: str
    fix_en: str
    owner: str
    owner_en: str
    owner_id: str
    matched_by: str
    needs_review: bool
    match: NotRequired[dict[str, Any]]  # how the best candidate was matched (signals, score)
    freshness_rule: str
    missing_months: list[str]
    evidence: list[Evidence]
    due: NotRequired[Due | None]
    provisional: NotRequired[bool]
    last_year: NotRequired[LastYear | None]


class Framework(TypedDict):
    """What the site's ITA section declares, and the checklist that fits it."""

    declared_year: int | None
    family: str | None
    code_scheme: str
    max_code: int
    evidence: list[str]
    suggested: str | None
    picked: str | None
    command: str | None
    advice_th: str
    advice_en: str


class DueSoon(TypedDict):
    """An item that counts against the site within the due-soon horizon."""

    code: str
    title_th: str
    title_en: str
    owner: str
    owner_en: str
    due: str
    publish_by: str
    days_left: int
    verdict_now: str
    verdict_then: str
    new_missing_months: list[str]
    reason: str
    reason_en: str
    fix: str
    fix_en: str
    message_th: str
    message_en: str


class HistoryPoint(TypedDict):
    run_id: int | None
    as_of: str
    date: str
    score: float | None
    band: str | None


class Report(TypedDict):
    """The whole document, ``report.json``."""

    schema_version: Literal[1]
    tool: Tool
    status: Status
    site: str
    start_url: str
    scheme_note: str
    as_of: str
    fiscal_year: int
    generated_at: str
    checklist: ChecklistSection
    crawl: Crawl
    units: NotRequired[dict[str, Names]]
    units_file: NotRequired[str | None]
    message: NotRequired[Message]  # why a site could not be judged
    summary: Summary | None
    items: list[Item]
    framework: NotRequired[Framework]  # overlays and additions of a judged site, below
    due_soon: NotRequired[list[DueSoon]]
    changes: NotRequired[dict[str, Any]]  # crawler/nightly/diff.py: since the last run
    history: NotRequired[list[HistoryPoint]]
