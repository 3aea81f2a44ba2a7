"""Performance benchmark of the dashboard: synthetic data, a floor and a naive baseline, and the runner.

- `bench.generate`: synthetic datasets in the real schema (1,000 .. 1,000,000 events), from `bench.vocabulary`;
- `bench/floor_app.py`: the least a Streamlit app does; `bench/naive_app.py`: the baseline written the ordinary
  way (no caching, plotly express);
- `bench.cli`: the benchmark (`python -m bench --help`); results go to docs/performance.md. It measures with
  `bench.measure` (the browser, the protocol, and AppTest through `bench.child`, a child process in the measured
  code's folder), on the code `bench.revision` names, and reports with `bench.report`.
"""

from pathlib import Path

# Generated datasets and snapshots of the measured code (git-ignored).
CACHE_DIR = Path(__file__).resolve().parent / ".cache"
