"""Engines: the trained models the stages call, each swappable by name in
:mod:`newscheck.registry`.

* :mod:`.embed` - sentence embedders (MiniLM on onnxruntime, a hashing fallback);
* :mod:`.pairs` - the cheap pair judge (logistic, over lexical features);
* :mod:`.judges` - the same-fact and same-event judges (docs/judges.md).
"""
