"""OCR with the Tesseract command line (Thai + English), run as a subprocess with a timeout."""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess

from reports.labels import WORDS

from .limits import Deadline, open_image
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
    timeout = deadline.remaining()
    if timeout <= 0:
        raise DocProblem("timeout", "no time left for OCR")
    cmd = [shutil.which(TESSERACT_CMD) or TESSERACT_CMD, "stdin", "stdout", "-l", _lang(),
           "--psm", "3", "--dpi", str(OCR_DPI)]
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        proc = subprocess.run(cmd, input=buf.getvalue(), capture_output=True, timeout=timeout,
                              env=env, check=False)
    except subprocess.TimeoutExpired as exc:
        raise DocProblem("timeout", "OCR took too long") from exc
    except OSError as exc:
        raise DocProblem("ocr_unavailable", str(exc)) from exc
    if proc.returncode != 0:
        raise DocProblem("corrupt", "tesseract: " + proc.stderr.decode("utf-8", "replace")[-200:])
    return proc.stdout.decode("utf-8", "replace")


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
