"""The quote normaliser, and quotes checked against the fake seed article."""

from __future__ import annotations

import pytest

from dashboard.data.load import load_dataset
from dashboard.data.quotes import (
    direct_quotes_with_seeds,
    misquotes,
    normalise,
    quote_in_text,
    read_seed_texts,
)
from tests.data.csv_tools import FAKE_SEEDS, set_cell


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a  b\n\tc\u00a0d", "a b c d"),
        ("  padded  ", "padded"),
        ("\u201cdouble\u201d \u201elow\u201d", '"double" "low"'),
        ("\u2018single\u2019 it\u2019s", '"single" it"s'),
        ("\u00abguillemets\u00bb", '"guillemets"'),
        ("prime\u2032 double prime\u2033", 'prime" double prime"'),
        ("`grave\u00b4", '"grave"'),
        ("plain 'single' \"double\"", 'plain "single" "double"'),
        ("en\u2013em\u2014nb\u2011minus\u2212", "en-em-nb-minus-"),
        ("Case, ellipsis\u2026 and spelling stay", "Case, ellipsis\u2026 and spelling stay"),
    ],
)
def test_normalise(text, expected):
    assert normalise(text) == expected


def test_quote_in_text_ignores_typography_only():
    article = 'He said: "We can\'t do that \u2014 with any\n  other partner," adding more.'
    assert quote_in_text("We can\u2019t do that \u2013 with any other partner", article)
    assert quote_in_text("We can't do that - with any other partner,", article)
    assert not quote_in_text("We cannot do that", article)
    assert not quote_in_text("we can't do that", article)  # case matters
    assert not quote_in_text("   ", article)  # an empty quote matches nothing


def test_fixture_quotes_are_in_the_fake_seed(minimal_dir):
    dataset = load_dataset(minimal_dir)
    quotes = direct_quotes_with_seeds(dataset)

    assert quotes == [("stmt_a", "We are testing the \u201cquotes\u201d \u2014 here", ["fake_seed_a.txt"])]
    assert misquotes(quotes, read_seed_texts(FAKE_SEEDS)) == []


def test_a_changed_quote_is_reported(minimal_dir):
    set_cell(minimal_dir, "statements.csv", 2, "quote", "We are testing the quotes here")
    quotes = direct_quotes_with_seeds(load_dataset(minimal_dir))

    assert misquotes(quotes, read_seed_texts(FAKE_SEEDS)) == [
        "stmt_a: quote not in fake_seed_a.txt: 'We are testing the quotes here'"
    ]


def test_a_missing_seed_file_is_reported(minimal_dir):
    quotes = direct_quotes_with_seeds(load_dataset(minimal_dir))
    assert misquotes(quotes, {}) == ["stmt_a: seed file 'fake_seed_a.txt' not found"]
