"""The project's packages as an installed copy runs them: copied to a folder of their own and
compiled there (nightly_rerun.py by default, unless ``--from-source``; crawl.py with
``--bytecode``).

pip compiles a wheel's modules when it installs it; a checkout under
``PYTHONDONTWRITEBYTECODE=1`` (this machine's environment) compiles its 130-odd modules from
source in every process that imports them: an audit, and each of its document reader
processes.  (``PYTHONPYCACHEPREFIX`` would not do: it moves every module's bytecode there,
the installed libraries' too, and those would be compiled in every process.)"""

from __future__ import annotations

import compileall
import hashlib
import shutil
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("checklists", "crawler", "reports")  # pyproject.toml's packages


def installed(folder: Path | None = None, root: Path = ROOT) -> Path:
    """The project's packages copied to a folder of their own and compiled there; import
    them from it (``PYTHONPATH`` and the working directory: ``python -m`` puts the working
    directory first).  The folder is the same from one benchmark to the next and the copies
    keep their times, so a cache keyed by the code's paths, sizes and times is as warm as it
    is for a checkout.  ``folder``: another place (a test's own); ``root``: another checkout's
    packages (``startup.py --against``)."""
    if folder is None:
        tag = hashlib.blake2b(str(ROOT).encode(), digest_size=6).hexdigest()
        folder = Path(tempfile.gettempdir()) / f"oit-bench-installed-{tag}"
    for package in PACKAGES:
        shutil.rmtree(folder / package, ignore_errors=True)
        shutil.copytree(
            root / package, folder / package, ignore=shutil.ignore_patterns("__pycache__")
        )
        compileall.compile_dir(folder / package, quiet=1)
    return folder
