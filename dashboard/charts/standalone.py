"""A standalone copy of a view: one HTML file that opens from disk with the network off.

It holds the record's title and the filters in words; the timeline (Plotly) and the stance panels (Vega-Lite),
both interactive, each with the app's text alternative; every event and statement of the view as HTML tables;
every source those rows cite, with its link (http(s) only); the link back to the live view; when it was made and
from which data (data/version.py). The Share box offers it as "Download this view":

    refusal = standalone_refusal(ds, filters)          # None, or a message to show instead of the button
    standalone_html(ds, filters, live_url=share_url(page), made_at=datetime.now(UTC))
    standalone_file_name(ds, filters)

Scripts travel inside the file (charts/standalone_scripts.py says how); the same view and `made_at` give the same
bytes. Above MAX_STANDALONE_EVENTS events a copy is refused (model/standalone_view.py).
"""

from __future__ import annotations

import datetime
from html import escape

import plotly.io as pio

from dashboard.charts.stances import stance_panels_alt_text, stance_panels_chart
from dashboard.charts.standalone_scripts import (
    NOTICE,
    PackedScript,
    csp,
    escape_json,
    json_block,
    json_text,
    loader_block,
    packed_block,
    plotly_script,
    vega_script,
)
from dashboard.charts.standalone_tables import (
    EVENT_HEADINGS,
    STATEMENT_HEADINGS,
    link_or_text,
    rows_table,
    sources_list,
    text,
)
from dashboard.charts.timeline import timeline_figure
from dashboard.data.dataset import Dataset
from dashboard.data.version import data_version
from dashboard.model.filters import Filters, filter_events
from dashboard.model.links import safe_url
from dashboard.model.stance_panels import stance_panels
from dashboard.model.standalone_view import (
    MAX_STANDALONE_EVENTS,
    cited_sources,
    filters_in_words,
    plain,
    standalone_file_name,
    standalone_refusal,
    view_events,
    view_statements,
)
from dashboard.model.timeline import timeline_alt_text
from dashboard.model.url_params import date_bounds

__all__ = ["MAX_STANDALONE_EVENTS", "standalone_file_name", "standalone_html", "standalone_refusal"]

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;
background:#fff;margin:0 auto;padding:1rem 1.25rem 3rem;max-width:1200px;line-height:1.45;overflow-wrap:anywhere}
a{color:#0b4f9c}a:focus,.scroll:focus{outline:2px solid #0b4f9c;outline-offset:2px}
h1{font-size:1.7rem;margin:.5rem 0}h2{font-size:1.3rem;margin-top:2rem;border-bottom:1px solid #ccc}
.meta,figcaption,.note{color:#3d3d3d;font-size:.92rem}figure{margin:0}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.88rem;margin:.5rem 0}caption{text-align:left;font-weight:600;padding:.3rem 0}
th,td{border:1px solid #c8c8c8;padding:.3rem .45rem;vertical-align:top;text-align:left;overflow-wrap:break-word}
thead th{background:#eef1f5}tbody th{font-weight:normal}
ol.sources li{margin:.3rem 0;overflow-wrap:anywhere}#chart-status{font-style:italic}
"""


def _made_text(made_at: datetime.datetime) -> str:
    when = f"{made_at.day} {made_at:%b %Y, %H:%M}"
    if made_at.utcoffset() is not None:
        when += " UTC" if made_at.utcoffset() == datetime.timedelta(0) else f" (UTC{made_at:%z})"
    return f'<time datetime="{made_at.isoformat(timespec="seconds")}">{when}</time>'


def _header(ds: Dataset, filters: Filters, live_url: str, made_at: datetime.datetime) -> str:
    filters_html = "".join(f"<li>{text(line)}</li>" for line in filters_in_words(ds, filters))
    live = link_or_text(safe_url(live_url), plain(live_url))
    counts = ds.counts()
    return (
        f"<header><h1>{text(plain(ds.about.title))}</h1>"
        f'<p class="meta">A standalone copy of one view of the record, made {_made_text(made_at)} from data version '
        f"<code>{data_version(ds)}</code> ({counts['events']:,} events and {counts['statements']:,} statements in "
        f"the record). It opens without a network; the live view: {live}</p>"
        f"<h2>The view</h2><ul>{filters_html}</ul></header>"
    )


def _timeline(ds: Dataset, filters: Filters) -> tuple[str, str | None]:
    """The timeline section, and the figure's JSON for its data block (None when the view has no events)."""
    events = ds.memo(filter_events, filters)
    if events.empty:
        return "<section><h2>Timeline</h2><p>No event in this view.</p></section>", None
    figure = timeline_figure(
        events,
        ds.phases,
        actors=ds.actors,
        window=(filters.start, filters.end),
        turning_points=tuple(ds.story_steps["event_id"]),
        sides=ds.about.sides,
    )
    meta = figure.layout.meta or {}
    aggregated = figure.data[0].type == "heatmap" if figure.data else False
    lanes = len(meta.get("lanes", [])) or 1
    alt = timeline_alt_text(events, lanes, labelled=meta.get("labelled"), aggregated=aggregated)
    figure.update_layout(template="plotly_white", autosize=True)  # not Streamlit's, which the page has not
    section = (
        '<section aria-labelledby="timeline-heading"><h2 id="timeline-heading">Timeline</h2>'
        f'<figure aria-describedby="timeline-alt"><div id="timeline" class="chart"></div>'
        f'<figcaption id="timeline-alt">{text(plain(alt))} Hover over a mark for its event; drag to zoom, '
        "double-click to zoom out.</figcaption></figure></section>"
    )
    return section, escape_json(pio.to_json(figure, validate=False))


def _stances(ds: Dataset, filters: Filters) -> tuple[str, str | None, list[str]]:
    """The stance panels' section, the spec's JSON (None without issues) and the stance ids drawn."""
    if ds.issues.empty:
        return "<section><h2>Stances</h2><p>The record has no issues, so no stances.</p></section>", None, []
    issues = ds.issues.sort_values("sort_order")
    wanted = list(filters.issues) or list(issues["issue_id"])
    day = filters.as_known_on or date_bounds(ds)[1]
    panels = stance_panels(ds, day, wanted, None)
    titles = [title for issue, title in zip(issues["issue_id"], issues["title"], strict=True) if issue in wanted]
    chart = stance_panels_chart(panels, titles, ds.about.sides, 1, 520)
    alt = stance_panels_alt_text(panels)
    section = (
        '<section aria-labelledby="stances-heading"><h2 id="stances-heading">Stances</h2>'
        f'<p class="note">As known on {day.isoformat()}. The issue filter applies here; the other filters do not, as '
        'on the app\'s Stances page.</p><figure aria-describedby="stances-alt">'
        '<div id="stances" class="chart scroll"></div>'
        f'<figcaption id="stances-alt">{text(plain(alt))} Hover over a point for its quote.</figcaption>'
        "</figure></section>"
    )
    stance_ids = [value for value in panels.loc[panels["layer"] == "stance", "stance_id"] if value]
    return section, json_text(chart.to_dict()), stance_ids


def _tables(ds: Dataset, filters: Filters, stance_ids: list[str], with_phases: bool) -> str:
    """The events and statements tables, and the sources they, the panels' stances and (`with_phases`, when the
    timeline is drawn) its phase bands cite."""
    events, statements = view_events(ds, filters), view_statements(ds, filters)
    stance_sources = ds.stances.loc[ds.stances["stance_id"].isin(stance_ids), "source_ids"]
    phase_sources: list[tuple[str, ...]] = list(ds.phases["source_ids"]) if with_phases else []
    sources = cited_sources(ds, [*events["source_ids"], *statements["source_ids"], *stance_sources, *phase_sources])
    numbers = dict(zip(sources["source_id"], sources["number"], strict=True))
    return (
        '<section aria-labelledby="events-heading"><h2 id="events-heading">Events</h2>'
        + rows_table("events", f"Events in this view ({len(events):,})", events, EVENT_HEADINGS, numbers)
        + '</section><section aria-labelledby="statements-heading"><h2 id="statements-heading">Statements</h2>'
        + '<p class="note">Quotes verbatim; a paraphrase is in our words.</p>'
        + rows_table(
            "statements", f"Statements in this view ({len(statements):,})", statements, STATEMENT_HEADINGS, numbers
        )
        + '</section><section aria-labelledby="sources-heading"><h2 id="sources-heading">Sources</h2>'
        + '<p class="note">Every source cited by the rows above, the timeline\'s phases or the stance panels '
        + f"({len(sources):,}).</p>"
        + sources_list(sources)
        + "</section>"
    )


def _head(title: str, scripts: list[PackedScript]) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(csp(scripts), quote=True)}">'
        '<meta name="referrer" content="no-referrer">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{text(title)}</title><style>{STYLE}</style></head>"
    )


def standalone_html(ds: Dataset, filters: Filters, *, live_url: str, made_at: datetime.datetime) -> str:
    """The standalone copy of the view (`ds`, `filters`) as one HTML document; `live_url` links back to the live
    view (made a link only if http(s)), `made_at` is said in it. Raises ValueError when `standalone_refusal`
    refuses the view."""
    refusal = standalone_refusal(ds, filters)
    if refusal is not None:
        raise ValueError(refusal)
    timeline_section, figure_json = _timeline(ds, filters)
    stances_section, spec_json, stance_ids = _stances(ds, filters)
    scripts = [script for script, used in ((plotly_script(), figure_json), (vega_script(), spec_json)) if used]
    blocks = [
        *([json_block("timeline-figure", figure_json)] if figure_json else []),
        *([json_block("stances-spec", spec_json)] if spec_json else []),
        *(packed_block(script) for script in scripts),
    ]
    title = f"{plain(ds.about.title)}: a standalone view"
    return (
        _head(title, scripts)
        + "<body><main>"
        + _header(ds, filters, live_url, made_at)
        + '<p id="chart-status" role="status">Drawing the charts…</p>'
        + "<noscript><p>The charts need JavaScript; the tables below hold every row.</p></noscript>"
        + timeline_section
        + stances_section
        + _tables(ds, filters, stance_ids, with_phases=figure_json is not None)
        + f'</main><footer><p class="note">{text(NOTICE)}</p></footer>'
        + "".join(blocks)
        + loader_block()
        + "</body></html>\n"
    )
