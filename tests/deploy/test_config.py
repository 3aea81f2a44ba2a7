"""The nginx configuration of deploy/: rendered completely, and accepted by nginx itself."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from deploy.__main__ import main
from deploy.stack import AFFINITY_COOKIE, StackError, nginx_binary, render_nginx_conf

REPLICAS = ["127.0.0.1:8601", "127.0.0.1:8602", "127.0.0.1:8603"]


def rendered(prefix: Path) -> str:
    return render_nginx_conf(REPLICAS, listen="127.0.0.1:8600", prefix=str(prefix))


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


def test_nginx_accepts_the_configuration(tmp_path: Path):
    conf = tmp_path / "nginx.conf"
    conf.write_text(rendered(tmp_path), encoding="utf-8")
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


def test_render_command_prints_the_configuration(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    assert main(["render", "--replica", REPLICAS[0], "--replica", REPLICAS[1], "--prefix", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert re.findall(r"^\s*server (\S+) max_fails", out, re.MULTILINE) == REPLICAS[:2]
    assert "listen 80;" in out


def test_a_broken_template_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    template = tmp_path / "broken.template"
    template.write_text("listen @LISTEN@; @UNKNOWN@\n", encoding="utf-8")
    monkeypatch.setattr("deploy.stack.TEMPLATE", template)
    with pytest.raises(StackError, match="UNKNOWN"):
        rendered(tmp_path)
