"""Bytes to text: wide encodings told from binary files."""

from __future__ import annotations

from newscheck.ingest.decode import to_text, wide_encoding


def test_utf16_sniffing_leaves_binary_with_nul_bytes_alone():
    text = "Buses will run every ten minutes from August, the officer said."
    assert wide_encoding(text.encode("utf-16-le")) == "utf-16-le"
    assert wide_encoding(text.encode("utf-16-be")) == "utf-16-be"
    assert wide_encoding(text.encode("utf-32-le")) == "utf-32-le"
    assert wide_encoding(text.encode("utf-32-be")) == "utf-32-be"
    assert wide_encoding(text.encode("utf-32")) == "utf-32"  # with its byte-order mark
    assert wide_encoding(text.encode("utf-8")) is None
    assert wide_encoding(bytes(range(256)) * 4) is None


def test_html_file_read_in_the_charset_it_declares():
    words = "港口大桥周一起封闭六周，市议会周四表示。"
    page = f'<html><head><meta charset="gb2312"></head><body><p>{words}</p></body></html>'
    assert words in to_text(page.encode("gb2312"))
    # Without a declaration, Windows-1252 text is still read as before.
    assert to_text("<p>Café in Münster</p>".encode("cp1252")) == "<p>Café in Münster</p>"
