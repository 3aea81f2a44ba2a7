"""The markdown the Timeline, Story and Actors pages show for a statement (`ui/components.quote_block`)."""

import pandas as pd
import pytest

from dashboard.ui.components import quote_block


@pytest.mark.parametrize(
    ("quote", "paraphrase", "markdown"),
    [
        ("We *agree*.", "", "> “We \\*agree\\*\\.”"),
        ("We agree.", "They agreed [sic].", "> “We agree\\.”\n\nThey agreed \\[sic\\]\\."),
        ("", "They agreed.", "*Paraphrase:* They agreed\\."),
        ("", "", "*Paraphrase:* "),
        ("See http://x.org", "", "> “See http\\:\u2060\\/\\/x\\.org”"),
    ],
)
def test_a_quote_is_a_block_quote_and_a_paraphrase_is_labelled(quote, paraphrase, markdown):
    assert quote_block(pd.Series({"quote": quote, "paraphrase": paraphrase})) == markdown
