"""What a script driving a Streamlit page in a browser needs to know about it.

Shared by the load script and the browser tests.
"""

import re

# The app is idle: no script run in progress.
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"

# Opened directly at a page path, Streamlit's frontend first probes these two
# addresses under that path (404) before it finds the real base path.
KNOWN_PROBE = re.compile(r"^https?://[^/]+/[^?#]+/_stcore/(health|host-config)$")

# Counts finished script runs in window.__stRunsDone: every change of
# data-test-script-state away from "running" (records keep old values, so runs
# shorter than one task count too). Install with add_init_script.
RUN_COUNTER = """
window.__stRunsDone = 0;
new MutationObserver((records) => {
  for (const r of records) {
    if (r.oldValue === 'running' && r.target.getAttribute('data-test-script-state') !== 'running') {
      window.__stRunsDone += 1;
    }
  }
}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                      attributeFilter: ['data-test-script-state']});
"""
