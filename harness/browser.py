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
# drew them as running. It also notes when the page last asked for a run (a BackMsg with `rerun_script`,
# field 11) and when a run last finished, so a wait can tell "idle" from "idle with a rerun on its way".
# Install with add_init_script.
RUN_COUNTER = """
window.__stRunsDone = 0;
window.__stLastAsked = 0;
window.__stLastFinished = 0;
(() => {
  // The value of the first top-level field `wanted` (-1 for a length-delimited one), or null.
  const topField = (data, wanted) => {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
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
      if (wire === 0) { const value = varint(); if (field === wanted) return value; }
      // (not `at += varint()`: that adds to `at` as it was before the length was read)
      else if (wire === 2) { if (field === wanted) return -1; const length = varint(); at += length; }
      else if (wire === 1) at += 8;
      else if (wire === 5) at += 4;
      else return null;
    }
    return null;
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
        if (!(event.data instanceof ArrayBuffer)) return;
        const finished = topField(event.data, 6);
        if (finished !== null && finished !== 2) {
          window.__stRunsDone += 1;
          window.__stLastFinished = performance.now();
        }
      });
    }
    send(data) {
      if (typeof data !== 'string' && topField(data, 11) === -1) window.__stLastAsked = performance.now();
      return super.send(data);
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
# As RUNS_AT_LEAST, and settled: no rerun asked for since the last run finished, no skeleton placeholder left.
SETTLED = (
    "(n) => Math.max(window.__stRunsDone || 0, window.__stRunsSeen || 0) >= n"
    " && window.__stLastFinished >= window.__stLastAsked"
    f" && !!document.querySelector({IDLE!r}) && !document.querySelector({SKELETON!r})"
)
