"""The nginx configuration of deploy/: rendered completely, and accepted by nginx itself."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from deploy.__main__ import main
from deploy.stack import AFFINITY_COOKIE, StackError, nginx_binary, render_nginx_conf

REPLICAS = ["127.0.0.1:8601", "127.0.0.1:8602", "127.0.0.1:8603"]
# The embedding policies a host may choose (README: Embedding a view): any page (the default), some sites, none.
FRAME_POLICIES = ["*", "'self' https://example.org", "'none'", "'self' https: *.example.org:8443/news/"]


def rendered(prefix: Path, **options: str) -> str:
    return render_nginx_conf(REPLICAS, listen="127.0.0.1:8600", prefix=str(prefix), **options)


def pages_location(text: str) -> str:
    """The block that serves every page's index.html (the documents a frame would show)."""
    found = re.search(r"location /md-talks/ \{(.*?)\n        \}", text, re.DOTALL)
    assert found, "no location /md-talks/"
    return found[1]


def test_every_placeholder_is_filled(tmp_path: Path):
    text = rendered(tmp_path)
    assert set(re.findall(r"@([A-Z_]+)@", text)) == {"NAME"}  # only the header's explanation of @NAME@
    assert re.findall(r"^\s*server (\S+) max_fails=1 fail_timeout=10s;$", text, re.MULTILINE) == REPLICAS
    assert "hash $affinity consistent;" in text
    assert f"$cookie_{AFFINITY_COOKIE}" in text
    # Everything nginx writes stays under the prefix.
    for directive in ("pid", "error_log", "access_log", "client_body_temp_path", "proxy_temp_path", "proxy_cache_path"):
        for value in re.findall(rf"^\s*{directive} (\S+)", text, re.MULTILINE):
            assert value == "off;" or value.startswith(str(tmp_path)), f"{directive} {value}"


@pytest.mark.parametrize("frame_ancestors", FRAME_POLICIES)
def test_nginx_accepts_the_configuration(tmp_path: Path, frame_ancestors: str):
    conf = tmp_path / "nginx.conf"
    conf.write_text(rendered(tmp_path, frame_ancestors=frame_ancestors), encoding="utf-8")
    (tmp_path / "tmp").mkdir()
    checked = subprocess.run(
        [nginx_binary(), "-t", "-p", str(tmp_path), "-c", str(conf), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert checked.returncode == 0, checked.stderr
    assert "syntax is ok" in checked.stderr


def test_websocket_and_limits_are_configured(tmp_path: Path):
    text = rendered(tmp_path)
    stream = re.search(r"location = /md-talks/_stcore/stream \{(.*?)\}", text, re.DOTALL)
    assert stream and "proxy_read_timeout 1h;" in stream[1]
    assert "proxy_set_header Upgrade $http_upgrade;" in text
    assert "proxy_set_header Connection $connection_upgrade;" in text
    assert "client_max_body_size 1m;" in text
    assert re.search(r"limit_conn per_address \d+;", text)
    assert "proxy_next_upstream error timeout http_502 http_503;" in text


def test_pages_may_be_framed_by_any_page_by_default(tmp_path: Path):
    text = rendered(tmp_path)
    assert 'add_header Content-Security-Policy "frame-ancestors *" always;' in pages_location(text)
    # Nothing else forbids framing: no X-Frame-Options, one frame-ancestors policy.
    assert not re.search(r"^\s*(add_header|proxy_set_header)\s+X-Frame-Options", text, re.MULTILINE | re.IGNORECASE)
    assert len(re.findall(r"^\s*add_header Content-Security-Policy", text, re.MULTILINE)) == 1


@pytest.mark.parametrize("frame_ancestors", FRAME_POLICIES)
def test_the_host_chooses_who_may_frame_the_pages(tmp_path: Path, frame_ancestors: str):
    location = pages_location(rendered(tmp_path, frame_ancestors=frame_ancestors))
    assert f'add_header Content-Security-Policy "frame-ancestors {frame_ancestors}" always;' in location


@pytest.mark.parametrize(
    "frame_ancestors",
    [
        "",
        "'none' https://example.org",
        "'self'; add_header X-Evil 1",
        'https://a.org" always; #',
        "https://a.org\nadd_header X-Evil 1;",
        "'unsafe-inline'",
    ],
)
def test_a_frame_policy_that_is_not_a_source_list_is_refused(tmp_path: Path, frame_ancestors: str):
    with pytest.raises(StackError, match="frame-ancestors"):
        rendered(tmp_path, frame_ancestors=frame_ancestors)


def test_the_affinity_cookie_reaches_a_frame_on_another_site_over_tls(tmp_path: Path):
    text = rendered(tmp_path)
    same_site = re.search(r"map \$scheme \$affinity_same_site \{(.*?)\}", text, re.DOTALL)
    assert same_site and '"SameSite=None; Secure; Partitioned"' in same_site[1] and '"SameSite=Lax"' in same_site[1]
    assert "HttpOnly; $affinity_same_site" in text


def test_render_command_prints_the_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["render", "--replica", REPLICAS[0], "--replica", REPLICAS[1], "--prefix", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.findall(r"^\s*server (\S+) max_fails", out, re.MULTILINE) == REPLICAS[:2]
    assert "listen 80;" in out
    argv = ["render", "--replica", REPLICAS[0], "--prefix", str(tmp_path), "--frame-ancestors", "'none'"]
    assert main(argv) == 0
    assert "frame-ancestors 'none'" in capsys.readouterr().out
    assert main([*argv[:-1], "'none'; evil"]) == 2
    assert "not a frame-ancestors source list" in capsys.readouterr().err


def test_a_broken_template_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    template = tmp_path / "broken.template"
    template.write_text("listen @LISTEN@; @UNKNOWN@\n", encoding="utf-8")
    monkeypatch.setattr("deploy.stack.TEMPLATE", template)
    with pytest.raises(StackError, match="UNKNOWN"):
        rendered(tmp_path)
