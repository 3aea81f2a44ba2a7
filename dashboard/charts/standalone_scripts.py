"""The scripts a standalone copy carries, so that it draws its charts from disk with the network off.

- Plotly: plotly.min.js of the pinned plotly package (4.8 MB as it ships).
- Vega, Vega-Lite and Vega-Embed: one bundle made by vl-convert-python (`vl_convert.javascript_bundle`, for the
  Vega-Lite version Altair writes), ~0.9 MB.

Each is stored gzipped and base64-encoded in a non-running <script type="text/plain"> block (Plotly's 4.8 MB
become 1.96 MB); the page's one loader script unpacks it with the browser's own DecompressionStream (Chromium 80,
Firefox 113, Safari 16.4 and later; it works from file://) and runs it as an inline script. The page's Content
Security Policy lets only these scripts run, by their SHA-256: the loader's and the two libraries' (`csp`).

Data go into the page as JSON in <script type="application/json"> blocks (`json_block`), with <, >, &, U+2028
and U+2029 escaped, so no data text can close the block or start markup.
"""

from __future__ import annotations

import base64
import functools
import gzip
import hashlib
import json
from dataclasses import dataclass
from importlib.resources import files
from typing import Any

import altair as alt
import vl_convert

# Attribution kept in the file: the libraries' licences ask that their notices travel with copies.
NOTICE = (
    "Bundled: plotly.js (MIT licence, Copyright Plotly, Inc.; its notices are in its code); Vega, Vega-Lite and"
    " Vega-Embed (BSD-3-Clause, Copyright the University of Washington Interactive Data Lab), bundled by"
    " vl-convert-python (BSD-3-Clause)."
)


# The bundle's own code: the three libraries as globals (vl-convert's default snippet, written out).
VEGA_GLOBALS = "window.vegaEmbed = vegaEmbed; window.vega = vega; window.vegaLite = vegaLite;"


@dataclass(frozen=True)
class PackedScript:
    """A library's code as the page carries it: gzipped, base64 text, and the SHA-256 of the code itself."""

    element_id: str
    packed: str
    sha256: str
    code_bytes: int


def _pack(element_id: str, code: str) -> PackedScript:
    raw = code.encode("utf-8")
    packed = base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode("ascii")
    return PackedScript(element_id, packed, _sha256(code), len(raw))


def _sha256(code: str) -> str:
    return base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii")


# The two libraries are fixed for the process (installed packages, not data), and packing them cost 0.4 s and
# 3.0 s on every copy (vl-convert rebuilds its bundle on each call), so each is packed once per process.
@functools.cache
def plotly_script() -> PackedScript:
    """plotly.min.js from the installed plotly package."""
    code = files("plotly").joinpath("package_data", "plotly.min.js").read_text(encoding="utf-8")
    return _pack("plotly-js", code)


def vega_lite_version() -> str:
    """The Vega-Lite version Altair writes specs for, as vl-convert names it ("6.4")."""
    return ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])


@functools.cache
def vega_script() -> PackedScript:
    """Vega, Vega-Lite and Vega-Embed in one bundle, for the Vega-Lite version Altair writes."""
    return _pack("vega-js", vl_convert.javascript_bundle(VEGA_GLOBALS, vega_lite_version()))


def json_text(value: Any) -> str:
    """`value` as JSON that is safe inside an HTML <script> block: no <, >, & or line separator left as such."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return escape_json(text)


def escape_json(text: str) -> str:
    """JSON text with <, >, & and U+2028/2029 written as \\u escapes (they occur only inside its strings)."""
    for char, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def json_block(element_id: str, json_string: str) -> str:
    """A non-running <script> block holding already escaped JSON (`json_text`, `escape_json`)."""
    return f'<script type="application/json" id="{element_id}">{json_string}</script>'


def packed_block(script: PackedScript) -> str:
    return f'<script type="text/plain" id="{script.element_id}">{script.packed}</script>'


# Unpacks and runs the libraries, then draws the charts whose data blocks are in the page. Plain text (no data in
# it), so its hash is fixed. A failure is said in the page; the tables need no script.
LOADER = """(async () => {
  const status = document.getElementById("chart-status");
  const block = (id) => document.getElementById(id);
  async function run(id) {
    const text = atob(block(id).textContent.trim());
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    const script = document.createElement("script");
    script.textContent = await new Response(stream).text();
    document.head.appendChild(script);
  }
  try {
    if (typeof DecompressionStream === "undefined") throw new Error("this browser cannot unpack them");
    if (block("timeline-figure")) {
      await run("plotly-js");
      const figure = JSON.parse(block("timeline-figure").textContent);
      const config = {displaylogo: false, responsive: true, scrollZoom: false};
      await Plotly.newPlot("timeline", figure.data, figure.layout, config);
    }
    if (block("stances-spec")) {
      await run("vega-js");
      const options = {actions: false, renderer: "svg"};
      await vegaEmbed("#stances", JSON.parse(block("stances-spec").textContent), options);
    }
    status.textContent = "";
    document.body.dataset.chartsDrawn = "true";
  } catch (error) {
    status.textContent = "The charts could not be drawn here (" + error.message + "); the tables below hold every row.";
    document.body.dataset.chartsDrawn = "failed";
  }
})();"""


def loader_block() -> str:
    return f"<script>{LOADER}</script>"


def csp(scripts: list[PackedScript]) -> str:
    """The page's Content Security Policy: nothing from the network; only the loader and the libraries run (by
    hash; 'unsafe-eval' because Vega compiles its expressions and Plotly's WebGL traces their shaders with
    Function); inline styles (Plotly's and Vega-Embed's own); images only from data: and blob: (Plotly's PNG
    download)."""
    hashes = " ".join(f"'sha256-{digest}'" for digest in [_sha256(LOADER), *(s.sha256 for s in scripts)])
    return (
        f"default-src 'none'; script-src {hashes} 'unsafe-eval'; style-src 'unsafe-inline'; "
        "img-src data: blob:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'"
    )
