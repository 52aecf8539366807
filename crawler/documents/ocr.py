"""OCR with the Tesseract command line (Thai + English), run as a subprocess with a CPU limit.

Tesseract gets what is left of the document's CPU seconds as its ``RLIMIT_CPU`` (the kernel
stops it past them, whatever the machine's load) and ``WALL_SAFETY`` times that on the wall
clock as a safety net; the CPU it used is charged to the document's deadline.
"""

from __future__ import annotations

import contextlib
import functools
import io
import math
import os
import resource
import shutil
import signal
import subprocess

from reports.labels import WORDS

from .limits import WALL_SAFETY, Deadline, open_image
from .model import DocLimits, DocProblem, DocText, result
from .normalize import normalize_thai

TESSERACT_CMD = "tesseract"
OCR_DPI = 300
MAX_OCR_PIXELS = 40_000_000  # larger images are scaled down first (an A4 page at 300 dpi is 8.7M)


@functools.lru_cache(maxsize=8)
def _languages(cmd: str) -> frozenset[str]:
    path = shutil.which(cmd)
    if not path:
        return frozenset()
    try:
        out = subprocess.run([path, "--list-langs"], capture_output=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    lines = (out.stdout + out.stderr).decode("utf-8", "replace").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and " " not in line.strip())


def ocr_available() -> bool:
    """True when Tesseract and its Thai data ('tha') are installed."""
    return "tha" in _languages(TESSERACT_CMD)


def _lang() -> str:
    return "tha+eng" if "eng" in _languages(TESSERACT_CMD) else "tha"


def ocr_image(image, deadline: Deadline) -> str:
    """OCR one PIL image; raise DocProblem('timeout') when the deadline passes."""
    from PIL import Image

    if image.width * image.height > MAX_OCR_PIXELS:
        scale = (MAX_OCR_PIXELS / (image.width * image.height)) ** 0.5
        image = image.resize((int(image.width * scale), int(image.height * scale)),
                             Image.LANCZOS)
    if image.mode not in ("L", "RGB", "1"):
        image = image.convert("RGB")
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    left = deadline.remaining()
    if left <= 0:
        raise DocProblem("timeout", "no time left for OCR")
    cmd = [shutil.which(TESSERACT_CMD) or TESSERACT_CMD, "stdin", "stdout", "-l", _lang(),
           "--psm", "3", "--dpi", str(OCR_DPI)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    before = _children_cpu()
    try:
        out, err, code = _run_limited(cmd, buf.getvalue(), env, left)
    except subprocess.TimeoutExpired as exc:
        raise DocProblem("timeout", "OCR did not answer") from exc
    except OSError as exc:
        raise DocProblem("ocr_unavailable", str(exc)) from exc
    finally:
        deadline.charge(_children_cpu() - before)
    if code == -signal.SIGXCPU:  # the kernel stopped it at its CPU limit
        raise DocProblem("timeout", f"OCR took over {deadline.seconds:g} CPU-s")
    if code != 0:
        raise DocProblem("corrupt", "tesseract: " + err.decode("utf-8", "replace")[-200:])
    return out.decode("utf-8", "replace")


def _children_cpu() -> float:
    """CPU seconds of the ended processes this one ran."""
    t = os.times()
    return t.children_user + t.children_system


def _run_limited(cmd: list[str], data: bytes, env: dict[str, str],
                 cpu_s: float) -> tuple[bytes, bytes, int]:
    """Run ``cmd`` on ``data`` with at most ``cpu_s`` CPU seconds (``RLIMIT_CPU``, whole
    seconds, set as it starts) and ``WALL_SAFETY`` times that on the wall clock."""
    with subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=env) as proc:
        limit = max(1, math.ceil(cpu_s))
        with contextlib.suppress(OSError):  # already ended: nothing to limit
            resource.prlimit(proc.pid, resource.RLIMIT_CORE, (0, 0))
            resource.prlimit(proc.pid, resource.RLIMIT_CPU, (limit, limit + 1))
        try:
            out, err = proc.communicate(data, timeout=WALL_SAFETY * limit)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.communicate()
            raise
    return out, err, proc.returncode


def extract_image(data: bytes, limits: DocLimits, deadline: Deadline) -> DocText:
    """OCR a PNG/JPEG/TIFF/... file; each frame of a multi-page TIFF is a page."""
    from PIL import ImageSequence

    image = open_image(data)
    frames = getattr(image, "n_frames", 1)
    if not limits.ocr:
        return result("", frames, "none", "image_only",
                      reason=WORDS.pairs("documents_ocr")["image_off"])
    if not ocr_available():
        return result("", frames, "none", "ocr_unavailable")
    texts: list[str] = []
    meta: dict = {}
    for n, frame in enumerate(ImageSequence.Iterator(image)):
        if n >= max(1, limits.ocr_page_limit):
            meta["ocr_skipped_pages"] = frames - n
            break
        try:
            texts.append(normalize_thai(ocr_image(frame.copy(), deadline)))
        except DocProblem as exc:
            if exc.status == "timeout":
                exc.text, exc.pages = "\n\n".join(t for t in texts if t), frames
            raise
    text = "\n\n".join(t for t in texts if t)
    return result(text, frames, "image-ocr", "ok" if text else "empty", meta=meta)
