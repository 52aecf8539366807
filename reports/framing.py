"""What frames the verdicts, in words every renderer shares: which checklist was used and how
sure its contents are, the scores as its framework computes them, and each item's code last
year ("this was O23 last year, O11 now").  The words are ``words.yaml``'s (section
``framing``)."""

from __future__ import annotations

from typing import Any

from reports.labels import words


def _num(value: float) -> str:
    return f"{value:.2f}"


def checklist_lines(report: dict[str, Any], lang: str) -> list[str]:
    """The checklist used, and a warning when its contents are provisional."""
    cl = report.get("checklist") or {}
    th = lang != "en"
    t = words("framing", lang)
    out = [t["checklist_used"].format(id=cl.get("id"), family=cl.get("family"),
                                      year=cl.get("framework_year"))]
    provisional = cl.get("provisional_items") or []
    if provisional:
        sources = ", ".join(s["text"] for s in cl.get("sources") or [] if s.get("single_agency"))
        out.append(t["provisional"].format(n=len(provisional), sources=sources))
    framework = report.get("framework") or {}
    if framework.get("suggested") or framework.get("picked"):
        out.append(framework["advice_th" if th else "advice_en"])
    return out


def score_lines(report: dict[str, Any], lang: str, oit: bool = True,
                hint: bool = True) -> list[str]:
    """OIT points out of its weight and, with IIT and EIT given, the total and its band (and,
    with ``hint``, how to get them when not given)."""
    s = report.get("summary") or {}
    th = lang != "en"
    t = words("framing", lang)
    out = []
    points = s.get("oit")
    if points and oit:
        out.append(oit_text(report, lang))
    total = s.get("total")
    band = s.get("band") or {}
    if total:
        label = band.get("label" if th else "label_en") or band.get("label", "-")
        out.append(t["total"].format(iit=_num(total["iit"]), eit=_num(total["eit"]),
                                     oit=_num(total["oit"]), total=_num(total["total"]),
                                     label=label))
        held = total.get("held_back")
        if held:
            low = ", ".join(k.upper() for k, v in (total.get("tool_percents") or {}).items()
                            if v < (held.get("each_tool_min") or 0))
            out.append(t["held_back"].format(
                label=held["label"] if th else held.get("label_en") or held["label"],
                low=low, min=f"{held['each_tool_min']:g}"))
    elif points and hint:
        out.append(t["hint"])
    return out


def oit_text(report: dict[str, Any], lang: str) -> str:
    """The OIT estimate out of its weight (``OIT (estimate): 33.93 of 40 points``); "" when
    there is no OIT estimate."""
    points = (report.get("summary") or {}).get("oit")
    if not points:
        return ""
    return words("framing", lang)["oit"].format(points=_num(points["points"]),
                                                weight=f"{points['weight']:g}")


def last_year_text(item: dict[str, Any], lang: str) -> str:
    """The item's code in last year's list when it changed (``was O12 in 2568, O11 now``);
    "" otherwise."""
    last = item.get("last_year")
    if not last or not last.get("renumbered"):
        return ""
    t = words("framing", lang)
    year = last.get("framework_year")
    if not last.get("codes"):
        return t["new_item"].format(year=year)
    return t["renumbered"].format(year=year, codes=" + ".join(last["codes"]), code=item["code"])
