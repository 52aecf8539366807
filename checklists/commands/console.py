"""Loading a checklist for a sub-command: problems printed with their file positions."""

from __future__ import annotations

from rich.console import Console

from checklists.loader import ChecklistError, load_checklist
from checklists.model import Checklist


def load_or_report(ref: str, console: Console) -> Checklist | None:
    """The checklist ``ref``, or None after printing every problem (``file:line:col``)."""
    try:
        return load_checklist(ref)
    except ChecklistError as exc:
        report_problems(exc.problems, console)
        return None


def report_problems(problems: list[str], console: Console) -> None:
    console.print("[bold red]แบบตรวจ (checklist) ไม่ถูกต้อง:[/]", highlight=False)
    for problem in problems:
        console.print(f"  {problem}", highlight=False, markup=False)
    console.print("แก้ไขไฟล์ตามตำแหน่งที่ระบุ แล้วรันใหม่ (fix the file at the positions shown "
                  "and run again)", highlight=False)
