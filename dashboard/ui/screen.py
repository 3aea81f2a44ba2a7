"""Which screen layout of the timeline fits the reader's screen, as the browser tells it.

The server cannot see the screen, and the timeline's labels are laid out in
pixels, so until the browser has said how wide it is every layout is sent and
CSS shows the one that fits (`ui/timeline._style`). Plotly.js draws the hidden
ones too: on the bundled data each filter change drew three charts where one
is seen. A tiny inline component (Streamlit's components v2: no iframe, no
assets) reports the layout for the window's width once, and again only when a
resize crosses a threshold; from then on one chart is built and drawn.

Without JavaScript (AppTest, a bot) nothing is reported, and every layout is
still sent: the page is right at every width either way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

KEY = "screen"  # session-state key of the component; its state holds "layout"

# Reports the first layout whose narrowest width the window reaches; `data.shown` is what the server last
# knew, so an unchanged width sends nothing (each report is a rerun). Resizes are debounced by 200 ms.
_JS = """
export default function ({ data, setStateValue }) {
  const fits = () => {
    const width = window.innerWidth;
    for (const [name, narrowest] of data.layouts) if (width >= narrowest) return name;
    return data.layouts[data.layouts.length - 1][0];
  };
  let shown = data.shown;
  const report = () => {
    const name = fits();
    if (name !== shown) { shown = name; setStateValue("layout", name); }
  };
  report();
  let timer;
  const onResize = () => { clearTimeout(timer); timer = setTimeout(report, 200); };
  window.addEventListener("resize", onResize);
  return () => { window.removeEventListener("resize", onResize); clearTimeout(timer); };
}
"""
_component = st.components.v2.component("md_talks_screen_layout", js=_JS)


def report_screen_layout(layouts: Sequence[tuple[str, int]]) -> None:
    """Mount the (invisible) reporter; `layouts` are (name, narrowest width in px), widest first.
    Call once per run, before anything reads `screen_layout()`, inside a container hidden by CSS."""
    shown = screen_layout()
    _component(
        key=KEY,
        # only the layouts' own names and widths go to the script (what the browser sent is checked first)
        data={"layouts": [list(pair) for pair in layouts], "shown": shown if shown in dict(layouts) else None},
        default={"layout": None},
        on_layout_change=lambda: None,
        height=0,
    )


def screen_layout() -> str | None:
    """The layout the browser last reported, or None before it has (or without JavaScript)."""
    state: object = st.session_state.get(KEY)
    layout = state.get("layout") if isinstance(state, Mapping) else getattr(state, "layout", None)
    return layout if isinstance(layout, str) else None
