"""Bytes to text: wide encodings told from binary files."""

from __future__ import annotations

from newscheck.ingest.decode import wide_encoding


def test_utf16_sniffing_leaves_binary_with_nul_bytes_alone():
    text = "Buses will run every ten minutes from August, the officer said."
    assert wide_encoding(text.encode("utf-16-le")) == "utf-16-le"
    assert wide_encoding(text.encode("utf-16-be")) == "utf-16-be"
    assert wide_encoding(text.encode("utf-32-le")) == "utf-32-le"
    assert wide_encoding(text.encode("utf-32-be")) == "utf-32-be"
    assert wide_encoding(text.encode("utf-32")) == "utf-32"  # with its byte-order mark
    assert wide_encoding(text.encode("utf-8")) is None
    assert wide_encoding(bytes(range(256)) * 4) is None
