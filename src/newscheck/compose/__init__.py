"""Compose: what a reader gets from a cross-checked story, built from its claims, frames and
findings (never by re-reading page text).

* :mod:`.brief` - the neutral brief, every sentence citing the reports it rests on;
* :mod:`.timeline` - dated events in order, with the reports that date them;
* :mod:`.positions` - who stands where, read from frames and quotes;
* :mod:`.sources` - a card per report: how far to trust it, and why.
"""
