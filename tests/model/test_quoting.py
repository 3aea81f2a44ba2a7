"""One rule for a statement's words (dashboard/model/quoting.py): the quote, verbatim in quote marks, else our
paraphrase. (The Statements table's use is pinned in test_tables.py.)"""

import pytest

from dashboard.model.quoting import quote_or_paraphrase


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
