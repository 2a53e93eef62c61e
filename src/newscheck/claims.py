"""Claims with typed slots (being written)."""
from __future__ import annotations


def extract_claims(article, doc, sentences, quotes):
    return []
