"""Quality gate: small slices of the real benchmarks with pinned floors.

Runs when ../shared/data exists (skips with the reason otherwise). Floors sit a little
below the figures measured when they were set (see docs/benchmarks.md for the full runs):
a change that drops clustering, quote or quantity quality below them fails here. Raise a
floor when the figure rises; never lower one to make a change pass.
"""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.data]

# Measured on the slices below when set: quantities 0.899, quotes 0.819. The story
# clustering gate (ECB+, five topics) lives in tests/test_stories.py.
FLOORS = {
    "quantities_value_unit_f1": 0.87,
    "quotes_direct_speaker_f1": 0.80,
}


def test_quantity_extraction_on_newsquant_slice(data_dir):
    from benchmarks.bench_quantities import evaluate

    ours = evaluate(200, with_quantulum=False)["ours"]
    assert ours["unit_f1"] >= FLOORS["quantities_value_unit_f1"], ours


def test_direct_quotes_with_speaker_on_polnear_slice(data_dir):
    from benchmarks.bench_quotes import evaluate

    figures = evaluate(20)["newscheck"]
    assert figures["direct_speaker_f1"] >= FLOORS["quotes_direct_speaker_f1"], figures
