"""What the link tests fuzz with: the app's real parameter registry on the bundled data, valid values for each
parameter, and strategies for garbage (tests/hardening/test_link_parsing.py, tests/hardening/test_links.py)."""

from __future__ import annotations

from hypothesis import strategies as st

from dashboard.model.url_params import date_bounds, param_specs
from tests.bundled import bundled_dataset

BUNDLED = bundled_dataset()
# The real parameter names, from the registry, and the record's first and last day.
SPECS = param_specs(BUNDLED)
BOUNDS = date_bounds(BUNDLED)
PARAMS = list(SPECS)
SINGLE = [name for name, spec in SPECS.items() if spec.kind != "ids"]
VALID = {
    "actor": ["rasmussen", "lavrov", "rogozin"],
    "affiliation": ["NATO", "Russia"],
    "issue": ["architecture", "guarantees"],
    "kind": ["summit", "talks"],
    "from": ["2010-01-01"],
    "to": ["2011-12-31"],
    "asof": ["2011-06-30"],
    "lanes": ["actor", "kind"],
    "event": ["lisbon_nrc"],
    "stance_issue": ["guarantees"],
    "who": ["rogozin"],
    "source": ["rt_2011_02_22"],
    "stance": ["arch_russia_2010_11"],
    "links": ["true", "false"],
    "step": ["3", "7"],
    "q": ["Lisbon"],
}
# Values a URL can carry after decoding (and a few it cannot) that no parameter takes.
NASTY = [
    "",
    " ",
    "null",
    "undefined",
    "[]",
    "{}",
    "0",
    "-1",
    "1e309",
    "NaN",
    "true",
    "2011-02-30",
    "2011-13-01",
    "0000-00-00",
    "9999-12-31",
    "1900-01-01",
    "20110101",
    "2011-1-1",
    "../../etc/passwd",
    "%00",
    "\x00",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "'; DROP TABLE events; --",
    "\u202e\u0645\u0631",
    "🚀" * 50,
]

garbage = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="ascii"), max_size=40),
    st.sampled_from(NASTY),
    st.integers(1, 12_000).map(lambda n: "x" * n),
    st.dates().map(lambda d: d.isoformat()),
)
value = st.one_of(garbage, st.sampled_from([v for values in VALID.values() for v in values]))
# A link's parameters: real names and made-up ones, each given one to three values.
query = st.dictionaries(
    keys=st.one_of(st.sampled_from(PARAMS), st.text(min_size=1, max_size=20)),
    values=st.lists(value, min_size=1, max_size=3),
    max_size=6,
)
# Printable garbage without quote marks or backslashes, so the notice's quoting of it is predictable: 'value'.
plain_garbage = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789_-<>&;/()[]*!", min_size=1, max_size=30)
