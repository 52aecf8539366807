"""``junit.xml`` for CI dashboards: one test case per item, one suite per sub-indicator.

A passing item is a passing test; any other verdict is a ``<failure>`` whose ``type`` is the
verdict and whose text gives the reason, the fix, the evidence, the unit and the deadline.
A site that could not be audited is one suite with a single ``<error>``.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import Any

from checklists.vocabulary import JUDGED, VERDICT_LABELS
from reports.labels import text, words

# Characters XML 1.0 cannot hold (ElementTree would write them and produce a broken file).
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _x(value: Any) -> str:
    return _XML_BAD.sub("", str(value if value is not None else ""))


def _properties(parent: ET.Element, report: dict[str, Any]) -> None:
    props = ET.SubElement(parent, "properties")
    summary = report.get("summary") or {}
    for name, value in (("site", report["site"]), ("as_of", report["as_of"]),
                        ("fiscal_year", report["fiscal_year"]),
                        ("checklist", report["checklist"]["id"]),
                        ("checklist_version", report["checklist"]["version"]),
                        ("status", report["status"]),
                        ("indicator9_estimate", summary.get("indicator9_estimate", ""))):
        ET.SubElement(props, "property", name=name, value=_x(value))


def _details(item: dict[str, Any], lang: str) -> str:
    th = lang == "th"
    t = words("junit", lang)
    due = item.get("due") or {}
    lines = [
        f"{t['reason']}: {text(item, 'reason', lang)}",
        f"{t['fix']}: {text(item, 'fix', lang)}",
        f"{t['unit']}: {text(item, 'owner', lang)}",
        f"{t['due']}: {due.get('th' if th else 'en', '')}",
    ]
    lines += [f"{t['evidence']}: {e['url']}" for e in item["evidence"][:3]]
    return "\n".join(lines)


def render(report: dict[str, Any], lang: str = "th") -> str:
    """The report as JUnit XML text."""
    root = ET.Element("testsuites", name=_x(f"oit-audit {report['checklist']['id']}"))
    items = report.get("items") or []
    if report["status"] not in JUDGED:
        suite = ET.SubElement(root, "testsuite", name="site", tests="1", failures="0",
                              errors="1", skipped="0", timestamp=_x(report["generated_at"]))
        _properties(suite, report)
        case = ET.SubElement(suite, "testcase", classname="oit.site", name=_x(report["site"]))
        message = text(report.get("message") or {}, "th" if lang == "th" else "en", lang)
        ET.SubElement(case, "error", type=_x(report["status"]),
                      message=_x(words("status", lang).get(report["status"], report["status"]))
                      ).text = _x(message)
        root.set("tests", "1")
        root.set("failures", "0")
        root.set("errors", "1")
        return _serialize(root)
    subs = (report.get("summary") or {}).get("subindicators", {})
    groups: dict[str, list[dict[str, Any]]] = {}
    for item in items:
        groups.setdefault(item["subindicator"], []).append(item)
    for sub, sub_items in groups.items():
        name = f"{sub} {text(subs.get(sub, {}), 'th' if lang == 'th' else 'en', lang)}".strip()
        failures = sum(1 for i in sub_items if i["verdict"] != "pass")
        suite = ET.SubElement(root, "testsuite", name=_x(name), tests=str(len(sub_items)),
                              failures=str(failures), errors="0", skipped="0",
                              timestamp=_x(report["generated_at"]))
        _properties(suite, report)
        for item in sub_items:
            title = text(item, "title_th" if lang == "th" else "title_en", lang)
            case = ET.SubElement(suite, "testcase", classname=_x(f"oit.{sub}"),
                                 name=_x(f"{item['code']} {title}"), time="0")
            if item["verdict"] != "pass":
                ET.SubElement(case, "failure", type=_x(item["verdict"]), message=_x(
                    f"{VERDICT_LABELS[lang][item['verdict']]}: {text(item, 'reason', lang)}")
                ).text = _x(_details(item, lang))
    root.set("tests", str(len(items)))
    root.set("failures", str(sum(1 for i in items if i["verdict"] != "pass")))
    root.set("errors", "0")
    return _serialize(root)


def _serialize(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
