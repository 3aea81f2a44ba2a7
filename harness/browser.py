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

# Counts finished script runs in window.__stRunsDone, from the messages the server sends: every ForwardMsg that
# carries `script_finished` (field 6, an enum; FINISHED_EARLY_FOR_RERUN, 2, is a run cut short, not counted). It
# reads the top-level fields of each binary frame, without a protobuf library. An earlier counter watched
# data-test-script-state leave "running", and missed runs so quick (~30 ms on a kept view) that the page never
# drew them as running. Install with add_init_script.
RUN_COUNTER = """
window.__stRunsDone = 0;
(() => {
  const finishesRun = (buffer) => {
    const bytes = new Uint8Array(buffer);
    let at = 0;
    const varint = () => {
      let value = 0, shift = 0, byte = 0;
      do {
        byte = bytes[at++];
        value += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80 && at < bytes.length);
      return value;
    };
    while (at < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag % 8;
      if (wire === 0) { const value = varint(); if (field === 6) return value !== 2; }
      else if (wire === 2) at += varint();
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else return false;
    }
    return false;
  };
  // The page's own running state as well (a run it drew as running and then not): the count read is the
  // larger of the two, so a run either way misses is still counted.
  window.__stRunsSeen = 0;
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.oldValue === 'running' && r.target.getAttribute('data-test-script-state') !== 'running') {
        window.__stRunsSeen += 1;
      }
    }
  }).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
                        attributeFilter: ['data-test-script-state']});
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (event.data instanceof ArrayBuffer && finishesRun(event.data)) window.__stRunsDone += 1;
      });
    }
  };
})();
"""
# How many runs have finished (needs RUN_COUNTER).
RUNS_DONE = "() => Math.max(window.__stRunsDone || 0, window.__stRunsSeen || 0)"
# At least `n` runs have finished and none is in progress: `page.wait_for_function(RUNS_AT_LEAST, arg=n)`.
RUNS_AT_LEAST = (
    f"(n) => Math.max(window.__stRunsDone || 0, window.__stRunsSeen || 0) >= n && !!document.querySelector({IDLE!r})"
)
