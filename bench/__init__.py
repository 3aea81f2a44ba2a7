"""Performance benchmark of the dashboard: synthetic data, a naive baseline, and the runner.

- `bench.generate`: synthetic datasets in the real schema (1,000 .. 100,000 events);
- `bench/naive_app.py`: the baseline written the ordinary way (no caching, plotly express);
- `bench.run`: the benchmark (`python -m bench --help`); results go to docs/performance.md.
"""

from pathlib import Path

# Generated datasets and snapshots of the measured code (git-ignored).
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
