"""Where the bundled data lives, found from the package rather than the working directory."""

from pathlib import Path

BUNDLED_DATA = Path(__file__).resolve().parents[1] / "data"
