"""A pattern of alternatives, some in Thai and some that need a Latin letter, searched as one:
the Latin ones only in a text that holds a letter they could match.

The page-kind tests (:mod:`checklists.pagekinds`) read a target's title and first lines
against patterns whose English alternatives begin with a lookbehind (``(?<![A-Za-z])said``)
and are matched ignoring case: Python's ``re`` then tries every alternative at every place
of the text (no literal to skip to): on the generated 5,245-page office site, off the public
domains, a third of the not-evidence tests' time (issue 13, overhead25).  Nearly all of an
office's leads are Thai only (5,263 of that site's 5,782 records'), so the English
alternatives are asked only of a text with a Latin letter: the same answer, as a text matches
a top-level alternation wherever one of its alternatives matches.

Pure functions of the text; ``tests/checklists/test_scriptregex.py`` checks :data:`LATIN`
against every code point and each split pattern against the whole one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Every character an ASCII letter matches in a pattern compiled with re.IGNORECASE: the
# letters, and İ ı ſ K (U+0130, U+0131, U+017F, U+212A; Python's own case equivalences).
LATIN = re.compile("[A-Za-z\u0130\u0131\u017f\u212a]")


@dataclass(frozen=True)
class ByScript:
    """``thai|latin`` (each a pattern of alternatives, compiled with ``flags``), searched as
    one; each alternative of ``latin`` must match at least one letter of the text (a literal
    ASCII letter or a class of them), so a text without :data:`LATIN` can match none."""

    thai: str
    latin: str
    flags: int = 0
    _thai: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _latin: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_thai", re.compile(self.thai, self.flags))
        object.__setattr__(self, "_latin", re.compile(self.latin, self.flags))

    def search(self, text: str) -> bool:
        """Whether ``re.compile(f"{thai}|{latin}", flags).search(text)`` finds a match."""
        return self._thai.search(text) is not None or (
            LATIN.search(text) is not None and self._latin.search(text) is not None
        )

    def whole(self) -> re.Pattern[str]:
        """The one pattern this stands for (what the tests compare with)."""
        return re.compile(f"{self.thai}|{self.latin}", self.flags)


def sub_latin(pattern: re.Pattern[str], repl: str, text: str) -> str:
    """``pattern.sub(repl, text)`` for a ``pattern`` each of whose matches holds a Latin letter
    (item codes: ``O12``, ``OIT 3``): a text without one (:data:`LATIN`) is returned as it is,
    unsearched (the code patterns begin with a lookbehind, so ``re`` tried them at every place
    of every text the wording model and the content words read: overhead25)."""
    return text if LATIN.search(text) is None else pattern.sub(repl, text)
