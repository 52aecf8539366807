"""The date alternatives of listed companies' and analysts' shorthand: `Q4 2560`, `1Q23`,
`Q3-21`, `6M-2022`, `1H24` (calendar periods; finder.py reads them)."""

from __future__ import annotations

from checklists.thaidates.lexicon import DIGIT
from checklists.thaidates.patterns.common import quarter_pattern

# An analyst's forecast (F) or estimate (E) after a year in shorthand (`3Q24F`, `ปี 24-26F`)
FORECAST = "[FE]?"

ALTERNATIVES: tuple[tuple[str, str], ...] = (
    # Q4 2560, Q3/2018: a quarter as financial reports write it (a four-digit year only,
    # finder.py)
    # `Quarterly Bulletin of Statistics Volum 71, Quarter 3, 2023` (the NSO's bulletin, nso.go.th:
    # dev): the word in full
    ("qtrq", quarter_pattern("qtrq", r"Q(?<![A-Za-z0-9]Q)(?:uarter\s+|\s?)", r"Q\s?")),
    # Listed companies' quarters in analysts' notation (the SEC's search pages: dev): the
    # number first (`1Q23`, `4Q23`, `1Q/2024`) or a two-digit year after an apostrophe
    # (`Q1'20`, `Q4’19`); calendar quarters (finder.py)
    # `the 1Q23 fiscal year` (news on the Thai government's revenue, thaicapitalist.com: dev):
    # the fiscal year's quarter
    # An analyst's forecast or estimate is marked by a letter after the year (`3Q24F`, `4Q25E`,
    # `9M24F`, `1H25F`: broker notes on settrade.com and daolsecurities.co.th, dev): the same
    # period, read the same way (FORECAST).
    ("qtrn", rf"(?P<qtrn_a>[1-4])(?<![0-9๐-๙A-Za-z.,][1-4])Q(?:/|\s(?={DIGIT}{{4}}))?"
             rf"(?P<qtrn_y>{DIGIT}{{4}}|{DIGIT}{{2}}){FORECAST}(?![0-9๐-๙A-Za-z])"
             rf"(?P<qtrn_fy>\s(?i:fiscal)(?:\s(?i:year))?(?![A-Za-z]))?"),
    # `Q3-21`, `Q2–21`, `Q3-2022`, `Q3–2024` (results tables and notes on the SEC's search
    # pages: dev): a hyphen or a dash in the apostrophe's place; a slash before a two-digit year
    # below 40 (`Q1/18 Q2/18 Sales Revenue Net Profit` over a juice maker's chart, the same pages:
    # dev), which qtrq leaves, read only among a company's results (finder.py)
    ("qtre", rf"Q(?<![A-Za-z0-9]Q)(?P<qtre_a>[1-4])(?:['’\-–]|(?P<qtre_slash>/)(?=[0-3]{DIGIT}))"
             rf"(?P<qtre_y>{DIGIT}{{4}}|{DIGIT}{{2}})(?![0-9๐-๙A-Za-z]|[-–/.]{DIGIT})"),
    # `6M-2022`, `9M-2023` (the first six or nine months of a year, in listed companies' results
    # tables on the SEC's search pages: dev): calendar months from January, as for `1Q23`; a two-digit
    # year as in `1Q23` (`9M24F`)
    ("nmon", rf"(?P<nmon_n>1(?<![0-9๐-๙A-Za-z.,]1)[0-2]|[1-9](?<![0-9๐-๙A-Za-z.,][1-9]))"
             rf"M(?:[-/]|\s?/\s?|\s(?={DIGIT}{{4}}))?(?P<nmon_y>{DIGIT}{{4}}|{DIGIT}{{2}}){FORECAST}(?![0-9๐-๙A-Za-z])"),
    # `1H24`, `2H2023` (a listed company's half years in analysts' notation, the SEC's search
    # pages: dev): calendar halves, as `1Q23` is a calendar quarter
    ("hlfn", rf"(?P<hlfn_a>[12])(?<![0-9๐-๙A-Za-z.,][12])H/?"
             rf"(?P<hlfn_y>{DIGIT}{{4}}|{DIGIT}{{2}}){FORECAST}(?![0-9๐-๙A-Za-z])"),
    # `H1 2024`, `H2/2023`: the same with the letter first (PROTOCOL's dev-side lead of the
    # dates22 round; no stored page with it was found): a four-digit year only
    ("hlfh", rf"H(?<![A-Za-z0-9]H)(?P<hlfh_a>[12])[\s/](?P<hlfh_y>{DIGIT}{{4}})(?![0-9๐-๙A-Za-z])"),
)
