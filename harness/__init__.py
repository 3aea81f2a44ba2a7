"""One way to start the dashboard and drive it in a browser, shared by the tests, bench and loadtest.

- `harness.server`: `StreamlitServer`, a loopback `streamlit run` with a log file, a health check and bounded waits;
- `harness.browser`: Chromium's path and flags, the viewport, and the JavaScript that tells when Streamlit is idle
  and how many runs have finished;
- `harness.stats`: `percentile` (q from 0 to 1) and `machine()`, the description of the machine a figure was
  measured on.
"""
