"""Load tests: many concurrent viewers against one server, in browsers or over Streamlit's protocol.

    python -m loadtest --sessions 20 --seconds 60            # headless browsers (docs/performance-load.md)
    python -m loadtest.protocol_load --users 20,50,100       # locust readers over the protocol, no browser

- `loadtest.cli`: the browser load test's command line (`python -m loadtest --help`);
- `loadtest.load`: its sessions, one per viewer; `loadtest.viewer`: one viewer's filter changes;
- `loadtest.memory` and `loadtest.report`: its memory figures and report;
- `loadtest.protocol`, `loadtest.locustfile`, `loadtest.protocol_load`: the protocol-level load test.
"""
