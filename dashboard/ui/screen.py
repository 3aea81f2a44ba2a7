"""Which screen layout of the timeline fits the reader's screen, as the browser tells it.

The server cannot see the screen, and the timeline's labels are laid out in
pixels, so until the browser has said how wide it is every layout is sent and
CSS shows the one that fits (`ui/timeline._style`). Plotly.js draws the hidden
ones too: on the bundled data each filter change drew three charts where one
is seen. A tiny inline component (Streamlit's components v2: no iframe, no
assets) reports the layout for the window's width once, and again only when a
resize crosses a threshold; from then on one chart is built and drawn.

Before the report, the request's headers already tell a phone from a desktop
browser (the Sec-CH-UA-Mobile client hint, or "Mobi" in the User-Agent), so
the first run builds the layout such a screen most likely fits: the widest for
a desktop, the narrowest for a phone. The reporter then stays silent when that
guess fits, and the page is drawn once, with one chart; when it does not fit
(a narrowed desktop window), the report redraws it as before. Drawing every
layout on a first open cost ~2.5 s of Plotly.js in the browser on the bundled
data, about a third of the page's first draw (Chromium CPU profile).

Without headers or JavaScript (AppTest) nothing is assumed or reported, and
every layout is still sent: the page is right at every width either way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import streamlit as st

KEY = "screen"  # session-state key of the component; its state holds "layout"
# "Mobi" is in every phone browser's User-Agent (Mozilla's advice for telling phones apart) and in no desktop one.
_PHONE_AGENT = "Mobi"

# (name, narrowest window it is shown on in px), widest first; the timeline's label settings per name are in
# ui/timeline. With the sidebar open the plot is the screen width less 476 px (measured in Chromium: 924 px at
# 1,400, 724 at 1,200); below 768 px the sidebar folds away and the plot is the screen less 48 px. So "wide"
# (a 900 px plot) from 1,376, "medium" (540) from 1,016, and "phone" (290) below.
SCREEN_LAYOUTS: tuple[tuple[str, int], ...] = (("wide", 1376), ("medium", 1016), ("phone", 0))

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


def report_screen_layout() -> None:
    """Mount the (invisible) reporter. Call once per run, inside a container hidden by CSS: last, since the
    report's rerun would cut a first run short."""
    _component(
        key=KEY,
        # only the layouts' own names and widths go to the script (what the browser sent is checked first)
        data={"layouts": [list(pair) for pair in SCREEN_LAYOUTS], "shown": screen_layout()},
        default={"layout": None},
        on_layout_change=lambda: None,
        height=0,
    )


def screen_layout() -> str | None:
    """The layout pages build for: the one the browser reported, else the one its request headers suggest;
    None when neither is known (AppTest), and then every layout is sent. Always a name of SCREEN_LAYOUTS."""
    state: object = st.session_state.get(KEY)
    reported = state.get("layout") if isinstance(state, Mapping) else getattr(state, "layout", None)
    if reported in {name for name, _ in SCREEN_LAYOUTS}:
        return str(reported)
    return assumed_layout(st.context.headers, SCREEN_LAYOUTS)


def assumed_layout(headers: Mapping[str, str], layouts: Sequence[tuple[str, int]]) -> str | None:
    """The layout a browser sending these request headers most likely fits, before it reports: the narrowest
    for a phone, the widest for any other browser; None without a User-Agent (AppTest, scripts)."""
    named = {str(key).lower(): value for key, value in headers.items()}
    agent, hint = named.get("user-agent"), named.get("sec-ch-ua-mobile")
    if not agent or not layouts:
        return None
    phone = hint == "?1" if hint in ("?0", "?1") else _PHONE_AGENT in agent
    return layouts[-1][0] if phone else layouts[0][0]
