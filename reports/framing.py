"""What frames the verdicts, in words every renderer shares: which checklist was used and how
sure its contents are, the scores as its framework computes them, and each item's code last
year ("this was O23 last year, O11 now")."""

from __future__ import annotations

from typing import Any


def _num(value: float) -> str:
    return f"{value:.2f}"


def checklist_lines(report: dict[str, Any], lang: str) -> list[str]:
    """The checklist used, and a warning when its contents are provisional."""
    cl = report.get("checklist") or {}
    th = lang != "en"
    out = [(f"แบบตรวจที่ใช้: {cl.get('id')} (กลุ่ม {cl.get('family')} ปี {cl.get('framework_year')})"
            if th else f"Checklist used: {cl.get('id')} ({cl.get('family')}, "
                       f"{cl.get('framework_year')})")]
    provisional = cl.get("provisional_items") or []
    if provisional:
        sources = ", ".join(s["text"] for s in cl.get("sources") or [] if s.get("single_agency"))
        out.append(
            f"ข้อมูลชั่วคราว: {len(provisional)} ข้อในแบบตรวจนี้มาจากเว็บไซต์ของหน่วยงานเดียว "
            f"ไม่ใช่คู่มือของผู้ประเมิน ให้ตรวจกับคู่มือฉบับจริงอีกครั้ง ({sources})"
            if th else
            f"Provisional: {len(provisional)} items of this checklist come from one agency's "
            f"site, not the evaluator's manual; check them against the real manual ({sources})")
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
    out = []
    points = s.get("oit")
    if points and oit:
        out.append(oit_text(report, lang))
    total = s.get("total")
    band = s.get("band") or {}
    if total:
        label = band.get("label" if th else "label_en") or band.get("label", "-")
        out.append(
            f"คะแนนรวมโดยประมาณ (IIT {_num(total['iit'])} + EIT {_num(total['eit'])} + OIT "
            f"{_num(total['oit'])}): {_num(total['total'])} ระดับ {label}"
            if th else
            f"Estimated total (IIT {_num(total['iit'])} + EIT {_num(total['eit'])} + OIT "
            f"{_num(total['oit'])}): {_num(total['total'])}, {label}")
        held = total.get("held_back")
        if held:
            low = ", ".join(k.upper() for k, v in (total.get("tool_percents") or {}).items()
                            if v < (held.get("each_tool_min") or 0))
            out.append(f"ไม่ได้ระดับ {held['label']} เพราะ {low} ต่ำกว่า {held['each_tool_min']:g}"
                       if th else f"Not {held.get('label_en') or held['label']}: {low} under "
                                  f"{held['each_tool_min']:g}")
    elif points and hint:
        out.append("ใส่ --iit และ --eit (คะแนนปีที่แล้ว) เพื่อดูคะแนนรวมและระดับโดยประมาณ"
                   if th else "Give --iit and --eit (last year's points) for the estimated "
                              "total and band")
    return out


def oit_text(report: dict[str, Any], lang: str) -> str:
    """``OIT (ประมาณการ): 33.93 จาก 40 คะแนน``; "" when there is no OIT estimate."""
    points = (report.get("summary") or {}).get("oit")
    if not points:
        return ""
    return (f"OIT (ประมาณการ): {_num(points['points'])} จาก {points['weight']:g} คะแนน"
            if lang != "en" else
            f"OIT (estimate): {_num(points['points'])} of {points['weight']:g} points")


def last_year_text(item: dict[str, Any], lang: str) -> str:
    """``ปีที่แล้ว (nacc-oit-2568) คือ O12`` when the code changed; "" otherwise."""
    last = item.get("last_year")
    if not last or not last.get("renumbered"):
        return ""
    th = lang != "en"
    year = last.get("framework_year")
    if not last.get("codes"):
        return f"ข้อใหม่: ปี {year} ไม่มีข้อนี้" if th else f"new: not in the {year} list"
    codes = " + ".join(last["codes"])
    return (f"ปี {year} คือ {codes} ปีนี้ {item['code']}" if th
            else f"was {codes} in {year}, {item['code']} now")
