"""The protocol-level load client (loadtest/protocol.py) against a real server: a few reruns, bounded."""

from __future__ import annotations

import argparse

import pytest

from loadtest.protocol import LINKS, ReaderSession, is_loopback, link_filters, same_filters, stream_url
from loadtest.protocol_load import MAX_STEPS, MAX_USERS, user_steps


def test_a_reader_opens_a_link_then_follows_others(base_url: str):
    with ReaderSession(base_url, timeout=60) as reader:
        opened = reader.open("actor=rasmussen&q=summit")
        # script_finished arrived, and the app kept the link's filters in the URL.
        assert reader.runs == 1
        assert same_filters(opened.query_string, "actor=rasmussen&q=summit")
        assert set(reader.widget_ids) == {"q", "actor", "issue", "kind"}
        assert opened.messages > 10 and opened.received_bytes > 1000

        for link in ("issue=architecture&kind=summit", "actor=obama&actor=medvedev", ""):
            run = reader.follow(link)
            # The change went in as widget values and came back as the page's query string.
            assert link_filters(run.query_string) == link_filters(link), link
        assert reader.runs == 4


def test_every_shared_link_sets_its_filters(base_url: str):
    with ReaderSession(base_url, timeout=60) as reader:
        reader.open("")
        for link in LINKS:
            assert same_filters(reader.follow(link).query_string, link), link


def test_stream_url_keeps_the_base_path():
    assert stream_url("http://127.0.0.1:8500/md-talks/") == "ws://127.0.0.1:8500/md-talks/_stcore/stream"
    assert stream_url("https://127.0.0.1/") == "wss://127.0.0.1/_stcore/stream"


def test_only_loopback_hosts():
    assert is_loopback("http://127.0.0.1:8501/")
    assert is_loopback("http://[::1]:8501/")
    assert not is_loopback("http://192.0.2.1:8501/")  # TEST-NET-1: not loopback, no lookup needed


def test_load_steps_are_bounded():
    assert user_steps("20,50,100") == [20, 50, 100]
    for bad in (f"{MAX_USERS + 1}", "0", ",".join(["10"] * (MAX_STEPS + 1)), ""):
        with pytest.raises(argparse.ArgumentTypeError):
            user_steps(bad)
