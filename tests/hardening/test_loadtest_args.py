"""The load script stays bounded and on loopback (its arguments only; the load
itself is a separate command: python -m loadtest)."""

from __future__ import annotations

import pytest

from loadtest.cli import build_parser


def parse(*args: str):
    return build_parser().parse_args(list(args))


def test_defaults_are_twenty_sessions_for_sixty_seconds():
    args = parse()
    assert (args.sessions, args.seconds, args.url) == (20, 60, None)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8501", "http://localhost:8501/", "http://[::1]:8501/", "http://127.0.0.2:9000/"]
)
def test_loopback_urls_are_accepted(url):
    assert parse("--url", url).url.endswith("/")


@pytest.mark.parametrize(
    "url",
    [
        "http://example.org/",
        "http://10.0.0.1:8501/",
        "http://192.168.1.2/",
        "https://8.8.8.8/",
        "ftp://127.0.0.1/",
        "127.0.0.1:8501",
        "http://0.0.0.0:8501/",
    ],
)
def test_other_urls_are_refused(url, capsys):
    with pytest.raises(SystemExit):
        parse("--url", url)


@pytest.mark.parametrize(
    "args", [("--sessions", "0"), ("--sessions", "51"), ("--seconds", "0"), ("--seconds", "601"), ("--settle", "121")]
)
def test_bounds_are_enforced(args):
    with pytest.raises(SystemExit):
        parse(*args)
