"""Hosting settings stay safe, and no code path shows data as raw HTML."""

from __future__ import annotations

import re
import tomllib

from harness.server import REPO_ROOT

CONFIG = tomllib.loads((REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_server_settings_for_hosting():
    server, client = CONFIG["server"], CONFIG["client"]
    assert server["enableXsrfProtection"] is True
    assert server.get("enableCORS", True) is True
    assert server["maxUploadSize"] <= 10
    assert server.get("enableAgentApi", False) is False
    assert client["showErrorDetails"] == "none"
    assert client["toolbarMode"] == "viewer"


def test_every_hosting_setting_has_its_comment():
    text = (REPO_ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8")
    lines = text.split("[theme]")[0].splitlines()  # the theme block shares one comment
    for number, line in enumerate(lines):
        if re.match(r"^\w+\s*=", line):
            assert lines[number - 1].startswith("#"), f"no comment above {line!r}"


def _package_code() -> dict[str, str]:
    return {
        path.relative_to(REPO_ROOT).as_posix(): path.read_text(encoding="utf-8")
        for path in (REPO_ROOT / "dashboard").rglob("*.py")
    }


def test_no_raw_html_uploads_or_components_in_the_app():
    code = "\n".join(_package_code().values())
    # Two allowed st.html, built from constants only (no data; tests/views/test_timeline_css.py checks what they
    # emit): the timeline's CSS media query, and the screen report's hidden marker.
    code = code.replace("st.html(_style(key))", "", 1)
    code = code.replace("st.html(screen_marker(screen_layout()))", "", 1)
    # Two allowed components, constant scripts (checked below): the screen reporter, and the Share box's copy field.
    code = code.replace('st.components.v2.component("md_talks_screen_layout", js=_JS)', "", 1)
    code = code.replace("st.components.v2.component(COMPONENT, html=_HTML, css=_CSS, js=_JS)", "", 1)
    for risky in (
        "unsafe_allow_html",
        "st.html(",
        "file_uploader",
        "components.v1",
        "st.components",
        "st.camera_input",
        "st.audio_input",
    ):
        assert risky not in code, risky


# The only modules that write files, and where. Only the offline merge command writes into a data directory, all in
# merge_write.py, which the app never imports. A new writer fails the test below until it is listed here.
FILE_WRITERS = {
    "dashboard/data/snapshot.py": "the validated snapshot, to a cache folder outside the data directory",
    "dashboard/data/archive.py": "a large record's events and statements as Parquet, into the snapshot's folder",
    "dashboard/data/file_digests.py": "the data files' digests by their stat, beside the snapshots",
    "dashboard/ingest/rows.py": "the offline ingest command's drafts, to --out, which may not be the data directory",
    "dashboard/ingest/merge_write.py": "the offline merge command: a checked copy in a temporary folder, then the "
    "reviewed rows into --data, after a backup in --data/.backup",
}
WRITE_CALLS = ("open(", ".write_text(", ".write_bytes(", "write_feather(", "ParquetWriter(", "json.dump(")


def test_only_the_listed_modules_write_files():
    writers = {name for name, code in _package_code().items() if any(call in code for call in WRITE_CALLS)}
    assert writers == set(FILE_WRITERS)


def test_the_screen_reporter_only_reads_the_width_and_sends_a_name():
    from dashboard.ui import screen

    script = screen._JS
    # It writes nothing into the page and fetches nothing: it reads window.innerWidth, listens to resizes and
    # sets one state value.
    for risky in ("innerHTML", "outerHTML", "insertAdjacent", "document.", "eval(", "Function(", "fetch(", "import("):
        assert risky not in script, risky
    assert script.count("setStateValue(") == 1 and "window.innerWidth" in script


def test_the_copy_field_puts_its_text_in_as_text_and_sends_nothing():
    from dashboard.ui import copy_field

    # The link and embed code (the record's title is in it) go in as the textarea's value, never as markup; the
    # only document call is the copy command, and nothing goes back to the server or elsewhere.
    script = copy_field._JS.replace('document.execCommand("copy")', "", 1)
    for risky in ("innerHTML", "outerHTML", "insertAdjacent", "document.", "eval(", "Function(", "fetch(", "import("):
        assert risky not in script, risky
    assert "setStateValue" not in script and "setTriggerValue" not in script
    assert "box.value = data.text;" in script
    assert "data." not in copy_field._HTML + copy_field._CSS
