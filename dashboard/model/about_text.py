"""The About page's examples, taken from the record itself, so that its method text fits any negotiation."""

from __future__ import annotations

from dashboard.data.dataset import Dataset


def scale_example(ds: Dataset) -> str:
    """The first issue's scale in words ("System architecture: A → B → C"), or "" without positions."""
    for issue in ds.issues.sort_values("sort_order").itertuples():
        ranked = ds.positions[ds.positions["issue_id"] == issue.issue_id].sort_values("rank")
        if len(ranked) > 1:
            return f"{issue.title}: " + " → ".join(ranked["label"])
    return ""


def shared_splits(ds: Dataset) -> list[list[str]]:
    """The titles of the issues that share one split (split_id), for each split of more than one issue."""
    issues = ds.issues.sort_values("sort_order")
    split = issues["split_id"].where(issues["split_id"] != "", issues["issue_id"])
    return [list(group["title"]) for _, group in issues.groupby(split, sort=False) if len(group) > 1]


def tracking_titles(ds: Dataset) -> list[str]:
    """The titles of the issues that are tracked, not measured."""
    return list(ds.issues.sort_values("sort_order").loc[lambda issues: issues["kind"] == "tracking", "title"])


def in_words(titles: list[str]) -> str:
    """Titles joined as a reader would: "A", "A and B", "A, B and C"."""
    return " and ".join([", ".join(titles[:-1]), titles[-1]]) if len(titles) > 1 else "".join(titles)


def example_link(ds: Dataset) -> str:
    """A shared link's parameters made of the record's own ids and last day."""
    parts = []
    if len(ds.actors):
        parts.append(f"actor={ds.actors['actor_id'].iloc[0]}")
    if len(ds.issues):
        parts.append(f"issue={ds.issues.sort_values('sort_order')['issue_id'].iloc[0]}")
    if ds.events["end_date"].notna().any():
        parts.append(f"asof={ds.events['end_date'].max().date().isoformat()}")
    return "?" + "&".join(parts) if parts else ""
