"""SHA-256 digests of the data files, remembered by each file's stat (size, modification and change times,
inode), so that a restart on unchanged files does not read them again to hash them: at 1,000,000 events that
was 0.65 s of every start (620 MB), at 5,000,000 about 3 s. As git and make do, a file whose stat is unchanged
is taken as unchanged; one modified in the last two seconds is hashed every time (its next change could keep
the same times). Remembered in the snapshot folder, beside the snapshots the digests key."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from pathlib import Path

FILE = "file-digests.json"
RECENT_NS = 2_000_000_000


class FileDigests:
    """The digests known in `folder` (None: remember nothing); `save` writes the ones looked up."""

    def __init__(self, folder: Path | None):
        self._folder = folder
        self._known: dict[str, list] = {}
        self._changed = False
        if folder is not None:
            try:
                loaded = json.loads((folder / FILE).read_text())
                self._known = loaded if isinstance(loaded, dict) else {}
            except (OSError, ValueError):
                self._known = {}

    def digest(self, path: Path) -> bytes:
        """The file's SHA-256; raises OSError if it cannot be read."""
        stat = path.stat()
        stamp = [stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns]
        name = str(path.resolve())
        entry = self._known.get(name)
        if isinstance(entry, list) and entry[:4] == stamp and isinstance(entry[4], str):
            return bytes.fromhex(entry[4])
        with open(path, "rb") as handle:
            found = hashlib.file_digest(handle, "sha256").digest()
        if time.time_ns() - stat.st_mtime_ns > RECENT_NS:
            self._known[name] = [*stamp, found.hex()]
            self._changed = True
        return found

    def save(self) -> None:
        """Written whole and renamed into place, so a reader never sees half; a failure is passed over."""
        if self._folder is None or not self._changed:
            return
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            handle, staging = tempfile.mkstemp(prefix=".digests-", dir=self._folder)
            with os.fdopen(handle, "w") as out:
                json.dump(self._known, out)
            os.replace(staging, self._folder / FILE)
        except OSError:
            pass
