"""The docs name what the code has, as datasette's docs test does: every URL parameter in the registry
(`param_specs`) is in the README's table and on the About page, and neither names one the code does not have;
every page in dashboard/pages.py is described in the README."""

import re

import pytest

from dashboard.model.embed import EMBED_KEYS
from dashboard.model.url_params import param_specs
from dashboard.pages import PAGES
from harness.server import REPO_ROOT
from tests.synthetic import build_dataset
from tests.views.apptest import run_app

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
ABOUT = (REPO_ROOT / "dashboard" / "views" / "about.py").read_text(encoding="utf-8")
TABLE_ROW = re.compile(r"^\| (`[^|]+`) \|", re.MULTILINE)
IN_A_LINK = re.compile(r"[?&]([A-Za-z_]+)=")


# The names do not depend on the data's rows: the synthetic dataset registers them all.
REGISTERED = set(param_specs(build_dataset()))


def readme_table_names() -> set[str]:
    section = README.split("Link parameters", 1)[1].split("\n\n", 2)[1]
    return {name for cell in TABLE_ROW.findall(section) for name in re.findall(r"`(\w+)`", cell)}


def test_the_readme_table_lists_exactly_the_registered_parameters():
    assert readme_table_names() == REGISTERED


def test_example_links_use_only_registered_parameters():
    named = set(IN_A_LINK.findall(README)) | set(IN_A_LINK.findall(ABOUT))
    assert named, "the docs show no example link"
    # Streamlit's own embed parameters (an embedded view's link) are the app's to pass on, not to register.
    assert named <= REGISTERED | set(EMBED_KEYS), named - REGISTERED


def test_every_parameter_says_what_it_does():
    undocumented = [name for name, spec in param_specs(build_dataset()).items() if not spec.doc.strip()]
    assert undocumented == []


def test_the_about_page_lists_every_registered_parameter():
    text = "\n".join(block.value for block in run_app(page="about").markdown)
    assert set(re.findall(r"^- `(\w+)`:", text, re.MULTILINE)) == REGISTERED


@pytest.mark.parametrize("spec", PAGES, ids=[spec.url_path for spec in PAGES])
def test_the_readme_describes_every_page(spec):
    assert f"**{spec.title}**" in README
