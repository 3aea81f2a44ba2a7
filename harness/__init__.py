"""One way to start the dashboard, drive it in a browser and measure it, shared by the tests, bench, loadtest and
deploy.

- `harness.server`: `StreamlitServer`, a loopback `streamlit run` with a log file, a health check and bounded waits;
- `harness.browser`: Chromium's path and flags, the viewport, and the JavaScript that tells when Streamlit is idle
  and how many runs have finished;
- `harness.stats`: `percentile` (q from 0 to 1) and `machine()`, the description of the machine a figure was
  measured on;
- `harness.processes`: the resident memory (sampled in a thread) and CPU time of a server with its children;
- `harness.cli`: `bounded_int`, for command lines that keep every run bounded.
"""
