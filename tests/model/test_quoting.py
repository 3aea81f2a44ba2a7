"""One rule for a statement's words (dashboard/model/quoting.py): the quote, verbatim in quote marks, else our
paraphrase."""

import pytest

from dashboard.model.quoting import quote_or_paraphrase
from dashboard.model.tables import statements_table
from tests.synthetic import build_dataset


@pytest.mark.parametrize(
    ("quote", "paraphrase", "plain", "unmarked"),
    [
        ("We agree.", "They agreed.", "“We agree.”", "We agree."),
        ("", "They agreed.", "They agreed.", "They agreed."),
        ("", "", "", ""),
    ],
)
def test_the_quote_wins_over_the_paraphrase(quote, paraphrase, plain, unmarked):
    assert quote_or_paraphrase(quote, paraphrase) == plain
    assert quote_or_paraphrase(quote, paraphrase, marks=False) == unmarked


def test_escaping_touches_the_data_not_the_marks():
    def shout(text: object) -> str:
        return str(text).upper()

    assert quote_or_paraphrase("no [link]", "x", escape=shout) == "“NO [LINK]”"
    assert quote_or_paraphrase("", "our words", escape=shout) == "OUR WORDS"
    assert quote_or_paraphrase("", "", escape=shout) == ""


def test_the_statements_table_shows_the_quote_else_the_paraphrase_without_marks():
    ds = build_dataset(
        statements=[
            dict(statement_id="quoted", quote="Q1", paraphrase="P1", is_direct_quote=True),
            dict(statement_id="paraphrased", quote="", paraphrase="P2"),
        ]
    )
    table = statements_table(ds.statements, ds).set_index("statement_id")
    assert table.loc["quoted", "words"] == "Q1"
    assert table.loc["paraphrased", "words"] == "P2"
