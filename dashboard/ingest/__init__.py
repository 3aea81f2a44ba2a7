"""Draft candidate rows (statements, events, actors) from a plain-text news article.

A rule-based extractor: no model, no download. `extract.extract_article` is the
entry point; `rows` writes the candidates and a review report; `evaluate`
scores the drafts of the five seed articles against the hand-built data.
"""
