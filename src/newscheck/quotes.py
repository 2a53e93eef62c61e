"""Quotes and their speakers (being written)."""
from __future__ import annotations


def extract_quotes(article, doc, sentences):
    return []
