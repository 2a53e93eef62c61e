"""Reading a span's words from the parse: what verdicts and compose ask instead of patterns."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from builders import C, report

from newscheck import tokens

SRC = Path(__file__).resolve().parent.parent / "src" / "newscheck"


def test_a_claims_tokens_are_its_span_and_words_leave_out_punctuation():
    a = report("a", ["The union rejected the offer on Monday, the mediator said."],
                [C(0, "The union rejected the offer on Monday")])
    claim = a.claims[0]
    span = tokens.of_claim(a, claim)
    assert tokens.texts(span) == ["The", "union", "rejected", "the", "offer", "on", "Monday"]
    assert [t.text for t in tokens.of_sentence(a, 0)][-1] == "."
    framed = dataclasses.replace(claim, predicate="reject")
    assert tokens.predicate_token(a, framed).text == "rejected"


def test_the_words_after_and_before_an_offset_skip_punctuation():
    a = report("a", ["Talks resumed on Monday, officials said."])
    text = a.article.text
    monday = text.index("Monday")
    assert [t.text for t in tokens.after(a, monday + len("Monday"), 2)] == ["officials", "said"]
    assert [t.text for t in tokens.before(a, monday, 2)] == ["resumed", "on"]
    assert tokens.after(a, len(text)) == []


def test_a_hand_made_claim_without_offsets_has_no_tokens():
    a = report("a", ["Talks resumed."], [C(0, "words that are not in the sentence")])
    assert tokens.of_claim(a, a.claims[0]) == ()


def _regex_calls(path: Path) -> list[int]:
    """Lines of ``re.<function>(...)`` calls in a module."""
    tree = ast.parse(path.read_text())
    return [
        node.lineno for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name) and node.func.value.id == "re"
    ]


def test_compose_matches_no_pattern_and_verdicts_only_over_extracted_tokens():
    """compose/ reads claims, frames and findings; in verdicts/ a pattern may only read a
    short string an extractor produced (a time's text, a name, a role's last word)."""
    assert {p.name: _regex_calls(p) for p in (SRC / "compose").glob("*.py")
            if _regex_calls(p)} == {}
    allowed = {"time.py", "person.py", "frames.py"}  # TimeRef text/norm, names, role words
    found = {p.name for p in (SRC / "verdicts").glob("*.py") if _regex_calls(p)}
    assert found <= allowed, found - allowed
