"""The agreements as knowledge: search with citations, commitments, follow-ups, and what changed."""
