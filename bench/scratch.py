"""A scratch folder for one bench run, removed when the run ends.

Every benchmark builds a Whoosh index (about 5 MB) or a database of its own; left behind, a day of runs fills /tmp
with hundreds of them.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from pathlib import Path


def scratch_dir(prefix: str) -> Path:
    folder = Path(tempfile.mkdtemp(prefix=prefix))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder
