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


class Deadline:
    """A monotonic-clock deadline for one document."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + max(0.0, seconds)

    def remaining(self) -> float:
        """Seconds left (never negative)."""
        return max(0.0, self.end - time.monotonic())

    def expired(self) -> bool:
        """True once the time is up."""
        return time.monotonic() >= self.end

    def check(self, *, text: str = "", pages: int = 0) -> None:
        """Raise DocProblem('timeout') carrying partial text once the time is up."""
        if self.expired():
            raise DocProblem("timeout", f"over {self.seconds:g} s", text=text, pages=pages)


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
