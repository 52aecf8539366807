"""Deadlines and guards against decompression bombs."""

from __future__ import annotations

import io
import time
import warnings
import zipfile

from .model import DocProblem

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 100
MIN_BYTES_FOR_RATIO = 10 * 1024 * 1024  # a small file may compress well without harm
MAX_ZIP_MEMBERS = 10_000
MAX_IMAGE_PIXELS = 150_000_000  # ~ A0 at 300 dpi; anything bigger is refused as a bomb


# A document's reader that uses no CPU yet does not answer (stuck, not busy) is stopped on the
# wall clock after this many times its limit (worker.py, ocr.py): a safety net, far above what
# a loaded machine makes of a document that reads within its CPU limit.
WALL_SAFETY = 10.0


class Deadline:
    """A document's time limit, counted in CPU seconds: those of the thread reading it, and
    those of the processes it ran (OCR, :meth:`charge`d as each ends).

    A busy machine stretches the wall time a document takes, not the work it needs: counted in
    CPU, the same document reads (or is cut off) the same way whatever else the machine runs,
    so a verdict never depends on the machine's load.  A reader stuck without using the CPU is
    stopped by the wall-clock safety net (``WALL_SAFETY`` times the limit).
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = max(0.0, seconds)
        self._start = time.thread_time()
        self._charged = 0.0

    def used(self) -> float:
        """CPU seconds spent on the document so far."""
        return time.thread_time() - self._start + self._charged

    def charge(self, cpu_s: float) -> None:
        """Count the CPU seconds a process run for the document used."""
        self._charged += max(0.0, cpu_s)

    def remaining(self) -> float:
        """CPU seconds left (never negative)."""
        return max(0.0, self.seconds - self.used())

    def expired(self) -> bool:
        """True once the time is up."""
        return self.used() >= self.seconds

    def check(self, *, text: str = "", pages: int = 0) -> None:
        """Raise DocProblem('timeout') carrying partial text once the time is up."""
        if self.expired():
            raise DocProblem("timeout", f"over {self.seconds:g} CPU-s", text=text, pages=pages)


def check_zip(data: bytes) -> zipfile.ZipFile:
    """Open a zip container (DOCX/XLSX) after checking it is not a decompression bomb.

    The declared sizes are safe to trust: zipfile stops at the declared size and then
    fails the CRC check, so a lying header yields 'corrupt', never unbounded output.
    """
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise DocProblem("corrupt", f"bad zip: {exc}") from exc
    if len(infos) > MAX_ZIP_MEMBERS:
        raise DocProblem("bomb", f"{len(infos)} zip members")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise DocProblem("bomb", f"unzips to {total} bytes")
    if total > MIN_BYTES_FOR_RATIO and total > MAX_ZIP_RATIO * max(1, len(data)):
        raise DocProblem("bomb", f"compression ratio {total / max(1, len(data)):.0f}")
    return zf


def open_image(data: bytes):
    """Open an image with Pillow, refusing absurd pixel counts as bombs (no global state)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            img = Image.open(io.BytesIO(data))
            if img.width * img.height > MAX_IMAGE_PIXELS:
                raise DocProblem("bomb", f"{img.width}x{img.height} pixels")
            img.load()
    except Image.DecompressionBombError as exc:
        raise DocProblem("bomb", str(exc)) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise DocProblem("corrupt", f"image: {exc}") from exc
    return img
