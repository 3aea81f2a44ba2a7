"""Headless Chromium with this machine's flags, and what a script needs to know about a Streamlit page.

with sync_playwright() as playwright:
    browser = playwright.chromium.launch(**LAUNCH_OPTIONS)
    context = browser.new_context(viewport=VIEWPORT)
    context.add_init_script(RUN_COUNTER)   # then RUNS_AT_LEAST waits for n finished runs
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # playwright is a test dependency; importing this module must not need it
    from playwright.sync_api import ViewportSize

# Debian's chromium (no browser download works here); as root it needs these flags.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LAUNCH_OPTIONS: dict[str, Any] = {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
VIEWPORT: ViewportSize = {"width": 1400, "height": 1000}

# The app is idle: no script run in progress.
IDLE = "[data-testid=stApp][data-test-script-state=notRunning]"
SKELETON = "[data-testid=stSkeleton]"

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
# How many runs have finished (needs RUN_COUNTER).
RUNS_DONE = "() => window.__stRunsDone || 0"
# At least `n` runs have finished and none is in progress: `page.wait_for_function(RUNS_AT_LEAST, arg=n)`.
RUNS_AT_LEAST = f"(n) => (window.__stRunsDone || 0) >= n && !!document.querySelector({IDLE!r})"
