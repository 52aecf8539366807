"""What a text's opening shows beyond its words, for the wording model (issue 16, model38).

The wording model reads words, word pairs and character n-grams of a text with its numbers
and item codes taken out (:func:`checklists.textmodel.strip_codes`).  Two kinds of what a page
shows are out of its reach: the page tests the finder already asks (:mod:`checklists.pagekinds`
and :mod:`checklists.ownevent`: a page opening as a news story does, telling a service's
steps, a press headline, a question to readers, an integrity event...: each a pattern over
several words, dates and times that no single feature carries), and the numbers themselves
(a year, a day of a month).  :func:`shape_features` names
them for a text, as a block of the model of its own (``train_matcher.Settings.shape``): each
feature is 1 or absent, outside the text features' tf-idf norm, and adds its weight per class
to the class's score.  Both the trainer and the run-time reader take them from the same text
(a training excerpt's lines; the link's words and the target's title and first lines at run
time), so a text's reading still depends on its text alone (what the model's memo keys on).
"""

from __future__ import annotations

import re
from functools import lru_cache

from checklists.ownevent import integrity_event
from checklists.pagekinds import (
    asks_readers_question,
    boasts_an_update,
    credits_another_agency,
    describes_a_service,
    explains_the_assessment,
    opens_as_a_story,
    press_headline,
    reports_a_result,
    tells_an_online_service,
    writes_as_an_article,
)

KINDS = "kn"  # k: the page tests; n: the numbers
LEAD_CHARS = 300  # of a text's start, read by the tests (matching.EVENT_CHARS: a page's title
# and first lines, as the finder's page tests read them)
_DIGITS = re.compile(r"[0-9๐-๙]+")
_CODES = re.compile(r"(?<![A-Za-z])(?:MOIT|OIT|EB|O)\s*[.\-:]?\s*\d{1,2}(?:\.\d)?(?![0-9])",
                    re.IGNORECASE)  # item codes, as the wording model leaves them out
# (textmodel.strip_codes; textmodel imports this module, so it cannot import textmodel)
_TESTS = (("story", opens_as_a_story), ("service", describes_a_service),
          ("assessment", explains_the_assessment), ("result", reports_a_result),
          ("press", press_headline), ("question", asks_readers_question),
          ("update", boasts_an_update), ("article", writes_as_an_article),
          ("credits", credits_another_agency), ("online", tells_an_online_service),
          ("integrity", integrity_event))
NAMES = tuple([f"k:{name}" for name, _ in _TESTS] + ["n:year", "n:small"])  # every feature :func:`shape_features` can give


def collapsed(text: str) -> str:
    """``text`` with each run of words that repeats the run just before it left out: the
    run time's text is the link's words, then the page's title, its headings and its first
    lines, which often say the same line two to four times over (the link, the title and the
    first heading); a training excerpt says it once.  Read so, a text's opening is the same
    whichever way it came."""
    words = text.split()
    out: list[str] = []
    at: dict[str, list[int]] = {}  # where each word stands in ``out``
    i = 0
    while i < len(words):
        word = words[i]
        for start in reversed(at.get(word, ())):
            size = len(out) - start
            if words[i:i + size] == out[start:]:
                i += size
                break
        else:
            at.setdefault(word, []).append(len(out))
            out.append(word)
            i += 1
    return " ".join(out)


@lru_cache(maxsize=4096)
def shape_features(text: str, kinds: str) -> tuple[str, ...]:
    """The features of the first :data:`LEAD_CHARS` characters of ``text``
    (:func:`collapsed`), of the ``kinds`` asked (:data:`KINDS`): ``k:`` each page test that
    holds for it; ``n:`` whether a number of it (item codes aside: O12, EB3) has four digits
    (``n:year``: 2567, 2024) or at most two (``n:small``: a day, a month, a list's number)."""
    lead = collapsed(text)[:LEAD_CHARS]
    out: list[str] = []
    if "k" in kinds:
        out += [f"k:{name}" for name, test in _TESTS if test(lead)]
    if "n" in kinds:
        found = _DIGITS.findall(_CODES.sub(" ", lead))
        if any(len(d) == 4 for d in found):
            out.append("n:year")
        if any(len(d) <= 2 for d in found):
            out.append("n:small")
    return tuple(out)
