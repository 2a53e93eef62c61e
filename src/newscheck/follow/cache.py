"""The per-article extraction kept in the store, so a story is cross-checked again without
parsing its reports again.

A story is re-analysed each time a report joins it; parsing costs most of the analysis,
and a report's extraction (sentences, entities, quotes, claims, frames, tokens and its
vectors) depends on its own text alone. So the extraction is stored with the report's
version and read back when the story is rebuilt: adding the 20th report to a story parses
one report, not 20.

Stored safely: the extraction is JSON (never a pickle, which a shared database could turn
into code) under a *fingerprint* of everything that shapes it: the source of the
newscheck package, the spaCy pipeline and its version, the embedder, and the settings the
extraction reads. An extraction made under another fingerprint is never read; the
article is extracted again. Vectors are float32 bytes beside the JSON.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import json
import types
from functools import cache
from pathlib import Path
from typing import Any, Union, get_args, get_origin, get_type_hints

import numpy as np

from .. import model
from ..model import Analysis, Article
from ..settings import Settings

_PACKAGE = Path(__file__).resolve().parent.parent
# Filled from the store's articles table and the vectors blob, not from the JSON.
_NOT_IN_JSON = frozenset({"article", "vector", "sentence_vectors"})


@cache
def _source_digest() -> str:
    """A hash of every Python source and packaged model of the package: any change of code
    or of a model (the embedder's vectors are part of an extraction) is a new extraction."""
    digest = hashlib.sha256()
    files = [p for p in _PACKAGE.rglob("*") if p.suffix in (".py", ".onnx", ".npz")]
    for path in sorted(files):
        digest.update(path.relative_to(_PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def fingerprint(settings: Settings) -> str:
    """What an extraction depends on beyond its article's text, as a short hash."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        spacy_version = version(settings.models.spacy)
    except PackageNotFoundError:
        spacy_version = "?"
    parts = (
        _source_digest(), settings.models.spacy, spacy_version, repr(settings.models.parsers),
        settings.models.embedder,
        repr(settings.extract), repr(settings.models.max_tokens),
        repr(settings.stories.lead_sentences),
    )
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()[:16]


def dump(analysis: Analysis) -> tuple[str, bytes]:
    """The analysis as JSON (without its article) and its vectors as float32 bytes."""
    rows = analysis.sentence_vectors
    rows = np.zeros((0, 0), dtype=np.float32) if rows is None else np.asarray(rows, np.float32)
    vector = analysis.vector
    data = {
        f.name: _encode(getattr(analysis, f.name))
        for f in dataclasses.fields(analysis) if f.name not in _NOT_IN_JSON
    }
    dim = rows.shape[1] if rows.size else (len(vector) if vector is not None else 0)
    data["vectors"] = {"dim": dim, "rows": int(rows.shape[0]), "vector": vector is not None}
    blob = b"".join(
        np.asarray(v, dtype=np.float32).tobytes() for v in (vector, rows) if v is not None
    )
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")), blob


def load(article: Article, text: str, blob: bytes) -> Analysis:
    """The analysis :func:`dump` stored, for ``article`` (as the store holds it)."""
    data = json.loads(text)
    shape = data.pop("vectors")
    dim = int(shape["dim"])
    flat = np.frombuffer(blob, dtype=np.float32)
    vector = None
    if shape["vector"]:
        vector, flat = flat[:dim].copy(), flat[dim:]
    rows = flat.reshape(int(shape["rows"]), dim).copy() if dim else np.zeros((0, 0), np.float32)
    hints = _hints(Analysis)
    fields = {name: _decode(hints[name], value) for name, value in data.items()}
    return Analysis(article=article, vector=vector, sentence_vectors=rows, **fields)


def _encode(value: Any) -> Any:
    # A dataclass is the list of its field values, in field order: the fingerprint covers
    # the source of the model, so a stored list is only read by the fields that wrote it.
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [_encode(getattr(value, f.name)) for f in dataclasses.fields(value)]
    if isinstance(value, (tuple, list)):
        return [_encode(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls, vars(model))


def _decode(hint: Any, value: Any) -> Any:
    """``value`` (as :func:`_encode` made it) back into the type ``hint`` names."""
    if value is None or hint is Any:
        return value
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        return hint(**{f.name: _decode(hints[f.name], v)
                       for f, v in zip(dataclasses.fields(hint), value)})
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    origin = get_origin(hint)
    if origin is tuple:
        args = get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value))
    if origin in (Union, types.UnionType):
        options = [a for a in get_args(hint) if a is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    return value  # str, int, float, bool and Literal values are stored as they are
