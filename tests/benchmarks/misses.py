"""Why the cross-validated ``dev`` split misses the items it misses (issue 16, recall23): every
miss of the fold models, sorted by kind, the design folds' listed, the held-out folds' counted.

Run from the repository root:

    python tests/benchmarks/misses.py [--design 0,1,2] [--list] [--design-only]

The folds and fold models are those of ``realworld.py --dev-only --cv 5`` and ``transfer.py``
(:class:`tune_realworld.Folds`).  Each ``dev`` site is judged with its fold's model while the
steps of :meth:`checklists.candidates._PageReader._read_link` are traced link by link (what
each step was given and gave back, the wording model's reading, the items
:func:`~checklists.candidates._not_evidence` left out); a miss (a labelled item not found at
its labelled page) is then put in the first kind of :data:`KINDS` that fits its labelled
link.  Only the design folds' misses are ever printed (``--list``: sample, item, kind); the
held-out folds' are counted, as ``transfer.py`` keeps them.  With ``--design-only`` not even
their counts are printed (PROTOCOL 33's held-out bar: a round looks at the design folds only,
and the held-out folds are measured once, with ``transfer.py --part held_out``).

The last line printed is one JSON object: per part, the misses by kind and by item, each
item's by kind, and by kind those whose labelled page is off the public domains.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[2]
# this folder holds incremental.py, which would shadow the `incremental` package Twisted needs
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from cachetools import LRUCache  # noqa: E402

from checklists import candidates, textmodel  # noqa: E402
from checklists.engine import Audit  # noqa: E402
from checklists.loader import load_checklist  # noqa: E402
from checklists.matching import EVENT_CHARS, P_MODEL, P_MODEL_OF, ItemMatcher, is_news_post  # noqa: E402
from checklists.pagekinds import is_public_host, opens_as_a_story  # noqa: E402
from checklists.textmodel import NONE_CLASS, Prediction, model_override  # noqa: E402
from checklists.thaitext import content_words  # noqa: E402
from checklists.train_matcher import KIND  # noqa: E402
from checklists.wordings import matchers_for  # noqa: E402
from tests.benchmarks.transfer import DESIGN  # noqa: E402
from tests.benchmarks.tune_realworld import Folds, parse_settings  # noqa: E402
from tests.realworld.sites import CODE_LIKE, REFERENCE, Site, judge_split, link_text  # noqa: E402
from tests.realworld.split import Sample  # noqa: E402

# the steps of _read_link that take a link's matches and give back what stands
STEPS = ("_trust_titles", "_trust_target", "_code_of_another_scheme", "_title_in_passing",
         "_apply_model", "_content_over_words", "_model_excluded", "_online_service",
         "_not_a_guideline", "_led_event")
JUST_UNDER = 0.05  # a reading this close under its floor is "just under"
# invisible characters, and a mark split from its letter by a space (a PDF's text layer);
# nikhahit + sara aa is left out: checklists.thaitext.normalize joins it into sara am
_ODD_TEXT = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]|[\u0e01-\u0e2e] [\u0e31\u0e34-\u0e3a"
                       "\u0e47-\u0e4e]")
# an ITA slot that shows the assessor's requirement ("- แสดงผลการดำเนินงาน...", "อย่างน้อย
# ประกอบด้วย"): tests/realworld/LABELLING.md's question on empty slots
_REQUIREMENT = re.compile(r"^[-–]\s*แสดง|อย่างน้อย\s*ประกอบด้วย")
# a first line a hub would not show as the link: a home link, a breadcrumb trail, a date or
# view-count stamp, a news lead's date (the harness shows an excerpt's first line)
_NOT_A_TITLE = re.compile(r"^(?:หน้าแรก|หน้าหลัก|home)\b|>>|»| > |\d{1,2}/\d{1,2}/\d{2,4}|"
                          r"ผู้เข้าชม|^(?:เมื่อ)?วัน\S{0,9}\s?ที่\s*[0-9๐-๙]", re.IGNORECASE)

KINDS = (
    "another link of the site won",
    "named, then left out by a step",
    "named, then left out as no evidence (a page-kind rule)",
    "zero-width or PDF-split text",
    "a slot quoting the requirement",
    "a code of another framework",
    "an uncoded link between coded ones (hub order)",
    "a menu, breadcrumb or date line above the title",
    "the model not asked",
    "another item taken for the link",
    "the model reads the item first, just under its floor",
    "the model reads the item first, far under its floor",
    "the model reads another item first",
    "the model reads no item first",
)


@dataclass
class LinkTrace:
    """What :meth:`_read_link` did with one link."""

    steps: list[tuple[str, frozenset[str], frozenset[str]]] = field(default_factory=list)
    reading: tuple[tuple[str, float], ...] | None = None  # the model's, best first
    left_out: set[str] = field(default_factory=set)  # items _not_evidence left out
    final: frozenset[str] = frozenset()
    left_out_by: dict[str, str] = field(default_factory=dict)  # item -> the rule (rule_of)

    def named(self, code: str) -> bool:
        return any(code in after for _, _, after in self.steps)

    def dropped_by(self, code: str) -> str:
        return next((step for step, before, after in self.steps
                     if code in before and code not in after), "")


class Tracer:
    """Traces :meth:`_read_link` by link URL while :meth:`installed` (the module's functions
    wrapped, each giving back what it gave)."""

    def __init__(self) -> None:
        self.links: dict[str, LinkTrace] = {}
        self._url = ""

    def clear(self) -> None:
        self.links.clear()

    @contextmanager
    def installed(self) -> Iterator[None]:
        read_link = candidates._PageReader._read_link
        not_evidence = candidates._not_evidence

        def traced_read(reader, link, n, codes_in, between):  # noqa: ANN001, ANN202
            self._url = link["url"]
            trace = self.links[self._url] = LinkTrace()
            out = read_link(reader, link, n, codes_in, between)
            trace.final = frozenset(out[0])
            return out

        def step(name: str, f: Callable) -> Callable:
            def traced(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
                out = f(*args, **kwargs)
                trace = self.links.get(self._url)
                if trace is not None:
                    trace.steps.append((name, frozenset(args[0]), frozenset(out)))
                    if name == "_apply_model":
                        trace.reading = tuple(args[1].probs)
                return out
            return traced

        def traced_not_evidence(m, target, url, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
            if url not in self.links:
                return not_evidence(m, target, url, *args, **kwargs)
            out, line = returned_at(not_evidence, m, target, url, *args, **kwargs)
            if out:
                self.links[url].left_out.add(m.item.code)
                self.links[url].left_out_by[m.item.code] = rule_of(line)
            return out

        with ExitStack() as stack:
            stack.enter_context(mock.patch.object(candidates._PageReader, "_read_link",
                                                  traced_read))
            for name in STEPS:
                stack.enter_context(mock.patch.object(candidates, name,
                                                      step(name, getattr(candidates, name))))
            stack.enter_context(mock.patch.object(candidates, "_not_evidence",
                                                  traced_not_evidence))
            yield


def returned_at(f: Callable, *args, **kwargs) -> tuple[object, int]:  # noqa: ANN002, ANN003
    """``f(*args, **kwargs)`` and the line of ``f``'s source its value was returned from."""
    code, line = f.__code__, 0

    def trace(frame, event, arg):  # noqa: ANN001, ANN202, ARG001
        nonlocal line
        if frame.f_code is not code:
            return None
        if event == "return":
            line = frame.f_lineno
        return trace

    before = sys.gettrace()
    sys.settrace(trace)
    try:
        out = f(*args, **kwargs)
    finally:
        sys.settrace(before)
    return out, line


# calls a rule's condition makes that name no page kind (the item's kind, the host's, the
# model's certainty, an event's words as a gate of the owner test): the first other call
# names the rule
_NOT_A_RULE = frozenset({"is_news_item", "is_activity_item", "is_qa_item", "is_public_host",
                         "_model_sure", "list", "dict", "fromkeys", "reads_as_event",
                         "opens_as_a_story"})


_NOT_EVIDENCE = candidates._not_evidence  # as imported: the tracer patches the module's name


@lru_cache(maxsize=1)
def _rules() -> dict[int, str]:
    """Each ``return`` line of :func:`checklists.candidates._not_evidence` -> the rule it ends:
    the first page-kind call of the condition it is under (``press_headline``,
    ``about_another_agency``, ...; of a name's assignment when the condition calls nothing:
    ``copy`` is ``copied_from``'s), else the ``return`` line's comment, else the condition's
    text, else "the last test"."""
    lines, first = inspect.getsourcelines(_NOT_EVIDENCE)
    tree = ast.parse(textwrap.dedent("".join(lines)))
    out: dict[int, str] = {}
    assigned = {t.id: n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                for t in n.targets if isinstance(t, ast.Name)}

    def comment(line: int) -> str:
        text = lines[line - 1]
        return text.split("#", 1)[1].strip() if "#" in text and "return" in text else ""

    def label(test: ast.expr, line: int = 0) -> str:
        named = [assigned[n.id] for n in ast.walk(test)
                 if isinstance(n, ast.Name) and n.id in assigned]
        calls = sorted((n for part in (test, *named) for n in ast.walk(part)
                        if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset))
        names = [c.func.id if isinstance(c.func, ast.Name) else
                 c.func.attr if isinstance(c.func, ast.Attribute) else "" for c in calls]
        return next((n for n in names if n and n not in _NOT_A_RULE),
                    comment(line) or ast.unparse(test)[:60])

    def visit(body: list[ast.stmt], under: str) -> None:
        for node in body:
            if isinstance(node, ast.Return):
                out[first + node.lineno - 1] = under
            elif isinstance(node, ast.If):
                ret = next((n.lineno for n in node.body if isinstance(n, ast.Return)), 0)
                visit(node.body, label(node.test, ret))
                visit(node.orelse, under)

    func = tree.body[0]
    visit(func.body if isinstance(func, ast.FunctionDef) else [], "the last test")
    return out


def rule_of(line: int) -> str:
    """The rule of :func:`checklists.candidates._not_evidence` that returned at ``line``."""
    return _rules().get(line, f"line {line}")


@dataclass(frozen=True)
class Miss:
    fold: int
    domain: str
    item: str
    sample: Sample
    link: str  # the hub's link text
    between: bool  # uncoded, between two coded links of the hub
    got: str  # the evidence given instead ("" for none)
    trace: LinkTrace
    excerpt: str  # the sample's text (dev only: the design and held-out folds are dev's)


def taker(miss: Miss) -> str:
    """Which step named the item a link was given instead of its labelled one ("another
    item taken for the link"): the link's own match (its words or code, before any step),
    the hub's order or the target's own words (taken up between two steps, when the link
    matched nothing), the first step that gave it, or the own-news and Q&A readings after
    the steps ("after the steps")."""
    t = miss.trace
    taken = t.final - {miss.item}
    if not taken:
        return ""
    if t.steps and taken & t.steps[0][1]:
        return "the link's match"
    before = frozenset()
    for name, given, after in t.steps:
        if taken & given and not taken & before:
            return "the hub's order or the target's words"
        if taken & after and not taken & given:
            return name
        before = after
    return "after the steps"


# the sub-causes of "the model reads no item first" (issue 16, recall26), the first that fits
NO_ITEM = ("a hub slot with its own code", "an English page", "a line above the title (a name, contact, notice, copy mark)",
           "a story or news post", "a short label (3 naming words or fewer)", "other")
_LATIN = re.compile("[A-Za-z]")
_THAI = re.compile("[\u0e01-\u0e4e]")
# a first line that is not the page's title: a person's name, a phone or contact line, a copy
# mark, a site's name with its address, a notice in asterisks, a label ("หัวข้อเรื่อง :")
_ABOVE_TITLE = re.compile(r"^\W*(?:นาย|นางสาว|นาง|ดร\.)\S*\s+\S+\W*$|^\W*(?:ติดต่อ|โทร(?:ศัพท์)?|tel)"
                          r"\.?\s*:?\s*[0-9๐-๙]|^\W*สำเนา\W*$|(?:www\.|https?://)\S+\s*$|^\s*\*{2,}|"
                          r"^\W*(?:หัวข้อ(?:เรื่อง)?|เรื่อง)\s*:", re.IGNORECASE)


def no_item_cause(miss: Miss) -> str:
    """The sub-cause of a miss the model reads as no item's first (:data:`NO_ITEM`)."""
    lead = miss.excerpt[:EVENT_CHARS]
    if miss.sample.code_on_site.strip():
        return NO_ITEM[0]
    if len(_LATIN.findall(lead)) > len(_THAI.findall(lead)):
        return NO_ITEM[1]
    if _ABOVE_TITLE.search(miss.link):
        return NO_ITEM[2]
    if opens_as_a_story(lead) or is_news_post(miss.sample.url):
        return NO_ITEM[3]
    if len(content_words(miss.link)) <= 3:
        return NO_ITEM[4]
    return NO_ITEM[5]


TITLE_LINES = 10  # of a page's lines: where a title below its first two lines is looked for


@lru_cache(maxsize=1)
def _by_code() -> dict[str, ItemMatcher]:
    return {m.item.code: m for m in matchers_for(load_checklist(REFERENCE))}


def titled_below(miss: Miss) -> bool:
    """Whether one of the page's lines 3 to :data:`TITLE_LINES` (under the title and
    subheading the harness shows) carries the labelled item's title (a rule trusted for
    links and headings: :meth:`ItemMatcher.wording`)."""
    m = _by_code().get(miss.item)
    lines = [ln.strip() for ln in miss.excerpt.splitlines() if ln.strip()][2:TITLE_LINES]
    return m is not None and any(m.wording(ln) == "title" for ln in lines)


def floor(item: str) -> float:
    return min(P_MODEL, P_MODEL_OF.get(item, P_MODEL))


def why(miss: Miss) -> str:
    """The first kind of :data:`KINDS` that fits ``miss``."""
    t, code, excerpt = miss.trace, miss.item, miss.excerpt
    if miss.got:
        return KINDS[0]
    if t.dropped_by(code):
        return KINDS[1]
    if code in t.left_out:
        return KINDS[2]
    if _ODD_TEXT.search(excerpt):
        return KINDS[3]
    if _REQUIREMENT.search(miss.link) or _REQUIREMENT.search(excerpt[:300]):
        return KINDS[4]
    if miss.sample.code_on_site.strip() and CODE_LIKE.search(miss.link):
        return KINDS[5]
    if miss.between:
        return KINDS[6]
    if _NOT_A_TITLE.search(miss.link):
        return KINDS[7]
    if t.reading is None:
        return KINDS[8]
    if t.final:
        return KINDS[9]
    top, p = t.reading[0] if t.reading else (NONE_CLASS, 0.0)
    if top == code:
        return KINDS[10] if p >= floor(code) - JUST_UNDER else KINDS[11]
    return KINDS[13] if top == NONE_CLASS else KINDS[12]


def _between(site: Site) -> set[str]:
    """The ids of the site's samples whose hub link has no code but sits between coded ones."""
    coded = [bool(CODE_LIKE.search(link_text(s))) for s in site.samples]
    return {s.id for i, s in enumerate(site.samples)
            if not coded[i] and any(coded[:i]) and any(coded[i + 1:])}


def misses_of(site: Site, result: Audit, fold: int, tracer: Tracer) -> list[Miss]:
    """The site's misses, one per labelled item (of its labelled pages, the one whose link
    went furthest: named by a step, then read as the item first)."""
    labelled, between = site.labelled(), _between(site)
    by_url = {site.url_of(s): s for s in site.samples}
    out = []
    for r in result.results:
        want = labelled.get(r.item.code)
        got = r.evidence[0].url if r.evidence and r.verdict != "missing" else ""
        if not want or got in want:
            continue
        rows = []
        for url in sorted(want):
            trace = tracer.links.get(url, LinkTrace())
            first = trace.reading[0][0] if trace.reading else ""
            rows.append(((trace.named(r.item.code), first == r.item.code),
                         Miss(fold, site.domain, r.item.code, by_url[url],
                              link_text(by_url[url]), by_url[url].id in between, got, trace,
                              by_url[url].excerpt())))
        out.append(max(rows, key=lambda row: row[0])[1])
    return out


def collect(folds: Folds) -> list[Miss]:
    tracer = Tracer()
    found: list[Miss] = []
    with tracer.installed():
        for k, (held, model) in enumerate(folds.parts):
            def each(site: Site, result: Audit, k: int = k) -> None:
                found.extend(misses_of(site, result, k, tracer))
                tracer.clear()

            with model_override(model):
                judge_split("dev", folds.samples, held, each=each)
    return found


def wording_would_stand(miss: Miss) -> bool:
    """Whether a weak match of the miss's item (another wording in its link, its target's own
    words) would stand under the model's reading of its link
    (:func:`checklists.candidates.vetoes_weak`): the most any everyday wording of the item
    could find (finder36: of the 156 design misses the model read, 67; 89 would be left out
    whatever wording named them).  False when the model was not asked."""
    m = _by_code().get(miss.item)
    if m is None or miss.trace.reading is None:
        return False
    # another wording is weighed against other items' readings only (model40)
    return not candidates.vetoes_weak(Prediction(miss.trace.reading), m.classes,
                                      items_only=True)


def read_first(miss: Miss) -> str:
    """The pair "labelled -> read first" of a miss the model reads as another item first
    (issue 16, recall27: counted on both parts, listed for the design folds only), "" for a
    miss of another kind."""
    if why(miss) != KINDS[12] or not miss.trace.reading:
        return ""
    return f"{miss.item}->{miss.trace.reading[0][0]}"


def tally(misses: list[Miss]) -> dict:
    """A part's misses counted: by kind (and the sub-kinds of some), by item, each item's by
    kind (``item_kinds``: which kind a rule for one item would have to fix, finder34), and by
    kind those whose labelled page is off the public domains (``off_public``:
    :func:`checklists.pagekinds.is_public_host`, which the lower floors, the own-news and the
    Q&A board readings ask; finder34), and the misses named then left out by a step counted
    by that step (``dropped_by``: :meth:`LinkTrace.dropped_by`; finder35, whose lead 3 found
    four of five such design misses were ``_apply_model``'s weak-match veto), and by kind
    those a weak match of their item would survive (``wording_would_stand``:
    :func:`wording_would_stand`, the ceiling of any everyday wording; finder36)."""
    kinds = Counter(why(m) for m in misses)
    by_item: dict[str, Counter] = {}
    for m in misses:
        by_item.setdefault(m.item, Counter())[why(m)] += 1
    off_public = Counter(why(m) for m in misses if not is_public_host(m.sample.url))
    pairs = Counter(p for m in misses if (p := read_first(m)))
    takers = Counter(taker(m) for m in misses if why(m) == KINDS[9])
    droppers = Counter(m.trace.dropped_by(m.item) for m in misses if why(m) == KINDS[1])
    rules = Counter(m.trace.left_out_by.get(m.item, "") for m in misses if why(m) == KINDS[2])
    stand = Counter(why(m) for m in misses if wording_would_stand(m))
    return {"misses": len(misses),
            "by_kind": {k: kinds[k] for k in KINDS if kinds[k]},
            "taken_by": dict(takers.most_common()),
            "dropped_by": dict(droppers.most_common()),
            "left_out_by": dict(rules.most_common()),
            "no_item_titled_below": sum(1 for m in misses if why(m) == KINDS[13]
                                        and titled_below(m)),
            "no_item_by": dict(Counter(no_item_cause(m) for m in misses
                                       if why(m) == KINDS[13]).most_common()),
            "another_first": dict(sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0]))),
            "by_item": dict(Counter(m.item for m in misses).most_common()),
            "item_kinds": {item: dict(c.most_common())
                           for item, c in sorted(by_item.items(),
                                                 key=lambda kv: (-sum(kv[1].values()), kv[0]))},
            "off_public": {k: off_public[k] for k in KINDS if off_public[k]},
            "wording_would_stand": {k: stand[k] for k in KINDS if stand[k]}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--design", default=",".join(map(str, DESIGN)),
                        help="comma-separated design folds (the rest are held out)")
    parser.add_argument("--list", action="store_true",
                        help="print the design folds' misses (sample, item, kind, reading)")
    parser.add_argument("--design-only", action="store_true",
                        help="leave the held-out folds' tallies out of the last line")
    args = parser.parse_args(argv)
    textmodel._PREDICTED = LRUCache(maxsize=1 << 24)  # as transfer.py
    folds = Folds(parse_settings(KIND, None, []))
    design = {int(k) for k in args.design.split(",") if k.strip()}
    misses = collect(folds)
    mine = [m for m in misses if m.fold in design]
    if args.list:
        for m in sorted(mine, key=lambda m: (why(m), m.sample.id)):
            reading = " ".join(f"{c} {p:.2f}" for c, p in (m.trace.reading or ())[:3])
            took = f" ({taker(m)})" if why(m) == KINDS[9] else \
                f" ({m.trace.dropped_by(m.item)})" if why(m) == KINDS[1] else \
                f" ({m.trace.left_out_by.get(m.item, '')})" if why(m) == KINDS[2] else \
                f" ({no_item_cause(m)})" if why(m) == KINDS[13] else ""
            print(f"{m.sample.id} {m.item}: {why(m)}{took} | {m.link[:60]} | {reading}")
    print(json.dumps(report(misses, design, len(folds.parts), not args.design_only),
                     ensure_ascii=False))
    return 0


def report(misses: list[Miss], design: set[int], folds: int, held_out: bool = True) -> dict:
    """The last line's object: the design folds' tallies, and the held-out folds' unless
    ``held_out`` is false (``--design-only``)."""
    out = {"design": {"folds": sorted(design),
                      **tally([m for m in misses if m.fold in design])}}
    if held_out:
        out["held_out"] = {"folds": [k for k in range(folds) if k not in design],
                           **tally([m for m in misses if m.fold not in design])}
    return out


if __name__ == "__main__":
    raise SystemExit(main())
