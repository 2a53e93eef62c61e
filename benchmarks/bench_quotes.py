"""Quote extraction on PolNeAR (political news attribution relations, brat standoff).

Gold: every attribution ``E`` with its Content span (possibly discontinuous) and Source
span. A gold content is DIRECT when, trimmed, it opens with a quote mark and ends with
a closing one (its words are all quoted).

Matching rule: a prediction matches a gold content when the character overlap F1 of the
two spans (counting only non-space characters, quote marks excluded) is at least 0.5;
each gold and each prediction is matched at most once, best overlap first.

Speaker rule: the speaker is right when our speaker and the gold Source share a content
word (case-insensitive, articles and honorifics ignored). Two kinds of gold Source name
nobody by themselves, and are judged by what they refer to, as a reader would:

* a pronoun ("he", "she", "they"): right when our speaker's last word (the surname) is
  named in the text from the start of the previous paragraph up to the pronoun;
* a definite description without a name ("the president", "The Republican nominee",
  "the mayor"): the same, from the start of the second paragraph before. Resolving "the
  president" to "Barack Obama" is what the extractor is meant to do, and a role names
  its holder more surely than a pronoun does (on dev, widening the pronoun window to two
  paragraphs accepted about as many wrong speakers as right ones, so it stays at one).
* a lone speech verb ("said"): the annotators marked the cue instead of its subject;
  right when our speaker's last word stands within four words of that verb
  (``“...,” said Hester.``).

A gold attribution without a Source counts any speaker as right.

Continuations: PolNeAR annotates ``“A,” X said. “B.”`` as one content; consecutive direct
predictions of one paragraph with the same speaker and at most twelve words between them
are merged into one prediction before matching (for the peer too).

Direct figures: precision over our direct quotes (``Quote.direct``: words between quote marks)
against all gold contents, recall over gold DIRECT contents. All-attribution figures:
every prediction against every gold content (most gold attributions are paraphrases,
beliefs and intentions, which this extractor does not try to find).

Peer: textacy ``extract.triples.direct_quotations`` over the same spaCy parse.
"""

from __future__ import annotations

import argparse
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import main_guard, require, table, write_section

QUOTE_CHARS = "\"“”‘’'«»„"
OPENERS = "\"“‘'«„"
CLOSERS = "\"”’'»"
STOP = {"the", "a", "an", "mr", "mrs", "ms", "dr", "of", "'s", "’s", "s"}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "who", "you"}
SPEECH_VERBS = {"said", "says", "say", "told", "added", "wrote", "asked", "noted", "explained"}
ROLE_WORDS = {"president", "republican", "democratic", "democrat", "nominee", "candidate",
              "mayor", "governor", "senator", "secretary", "minister", "general", "chief"}
"""Capitalised words a definite description may hold ("The Republican nominee")."""


@dataclass(frozen=True, slots=True)
class Gold:
    spans: tuple[tuple[int, int], ...]
    source: str | None
    source_start: int | None
    direct: bool


@dataclass(frozen=True, slots=True)
class Pred:
    start: int
    end: int
    speaker: str | None
    direct: bool


def read_ann(path: Path, text: str) -> list[Gold]:
    """Gold attributions of one ``.ann`` file."""
    spans: dict[str, tuple[str, tuple[tuple[int, int], ...]]] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            label, *nums = parts[1].replace(";", " ").split()
            offs = tuple((int(a), int(b)) for a, b in zip(nums[0::2], nums[1::2]))
            spans[parts[0]] = (label, offs)
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split()))
    out: list[Gold] = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if content is None:
            continue
        source = spans.get(ev.get("Source", ""))
        src_text = " ".join(text[a:b] for a, b in source[1]) if source else None
        src_start = source[1][0][0] if source else None
        body = " ".join(text[a:b] for a, b in content[1]).strip().rstrip(".,;:— ")
        direct = bool(body) and body[0] in OPENERS and (
            body[-1] in CLOSERS or body[-2:-1] in CLOSERS
        )
        out.append(Gold(spans=content[1], source=src_text, source_start=src_start,
                        direct=direct))
    return out


def _chars(text: str, spans: Iterable[tuple[int, int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b)
            if not text[i].isspace() and text[i] not in QUOTE_CHARS}


def _overlap_f1(a: set[int], b: set[int]) -> float:
    inter = len(a & b)
    if not inter:
        return 0.0
    p, r = inter / len(b), inter / len(a)
    return 2 * p * r / (p + r)


def _words(s: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (s or "").lower()) if w not in STOP}


def speaker_ok(pred: Pred, gold: Gold, text: str) -> bool:
    """Whether ``pred.speaker`` is the gold source (see the module docstring)."""
    if gold.source is None:
        return True
    if pred.speaker is None:
        return False
    gw = _words(gold.source)
    if gw & _words(pred.speaker):
        return True
    if gold.source_start is None or not gw:
        return False
    last = re.escape(pred.speaker.split()[-1])
    if gw <= PRONOUNS or _description(gold.source):
        # a pronoun looks back one paragraph, a description ("the mayor") two: a name
        # two paragraphs up is too often someone else for "he"
        lo = gold.source_start
        for _ in range(2 if gw <= PRONOUNS else 3):
            lo = max(text.rfind("\n\n", 0, lo), 0)
        window = text[lo : gold.source_start]
        return re.search(rf"\b{last}\b", window) is not None
    if gold.source.strip().lower() in SPEECH_VERBS:
        # the annotators marked the cue: is our speaker the subject next to it?
        end = gold.source_start + len(gold.source)
        before = " ".join(re.findall(r"\S+", text[max(0, gold.source_start - 80) : gold.source_start])[-4:])
        after = " ".join(re.findall(r"\S+", text[end : end + 80])[:4])
        return re.search(rf"\b{last}\b", before + " " + after) is not None
    return False


def _description(source: str) -> bool:
    """A definite description with no name in it ("the president", "The Republican nominee")."""
    words = re.findall(r"[\w’']+", source)
    return bool(words) and (words[0].lower() in ("the", "this", "that") and len(words) <= 5
            and all(not w[:1].isupper() or w.lower() in ROLE_WORDS for w in words[1:]))


def match(golds: list[Gold], preds: list[Pred], text: str) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, pred index), best overlap first."""
    gchars = [_chars(text, g.spans) for g in golds]
    pairs = []
    for pi, p in enumerate(preds):
        pc = _chars(text, [(p.start, p.end)])
        if not pc:
            continue
        for gi, gc in enumerate(gchars):
            if gc and min(gc) < p.end and p.start <= max(gc):
                f = _overlap_f1(gc, pc)
                if f >= 0.5:
                    pairs.append((f, gi, pi))
    pairs.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def _prf(tp_p: int, n_p: int, tp_g: int, n_g: int) -> tuple[float, float, float]:
    p = tp_p / n_p if n_p else 0.0
    r = tp_g / n_g if n_g else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


class _Tally:
    def __init__(self) -> None:
        self.n = {k: 0 for k in ("pred_direct", "pred_all", "gold_direct", "gold_all",
                                 "tp_dp", "tp_dg", "tp_dp_s", "tp_dg_s",
                                 "tp_ap", "tp_ag", "tp_ap_s", "tp_ag_s")}

    def add(self, golds: list[Gold], preds: list[Pred], text: str) -> None:
        n = self.n
        n["gold_all"] += len(golds)
        n["gold_direct"] += sum(g.direct for g in golds)
        n["pred_all"] += len(preds)
        n["pred_direct"] += sum(p.direct for p in preds)
        for gi, pi in match(golds, preds, text):
            g, p = golds[gi], preds[pi]
            ok = speaker_ok(p, g, text)
            n["tp_ap"] += 1
            n["tp_ag"] += 1
            n["tp_ap_s"] += ok
            n["tp_ag_s"] += ok
            if p.direct:
                n["tp_dp"] += 1
                n["tp_dp_s"] += ok
            if g.direct:
                n["tp_dg"] += 1
                n["tp_dg_s"] += ok

    def figures(self) -> dict[str, float]:
        n = self.n
        out: dict[str, float] = {}
        for name, keys in {
            "direct": ("tp_dp", "pred_direct", "tp_dg", "gold_direct"),
            "direct_speaker": ("tp_dp_s", "pred_direct", "tp_dg_s", "gold_direct"),
            "all": ("tp_ap", "pred_all", "tp_ag", "gold_all"),
            "all_speaker": ("tp_ap_s", "pred_all", "tp_ag_s", "gold_all"),
        }.items():
            p, r, f = _prf(*(n[k] for k in keys))
            out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
        out.update({k: float(v) for k, v in n.items() if k.startswith(("gold", "pred"))})
        return out


def _items(split: str, limit: int | None) -> list[tuple[str, Path]]:
    base = require("polnear", "data", split)
    # a few articles carry two annotators' files: keep the first, so none counts twice
    first: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    anns = sorted(first.values())
    if limit is not None:
        anns = anns[:limit]
    out = []
    for ann in anns:
        stem = ann.stem.rsplit("_", 1)[0]
        txt = base / "text" / f"{stem}.txt"
        if txt.exists():
            out.append((txt.read_text(encoding="utf-8"), ann))
    return out


def merge_continuations(preds: list[Pred], text: str) -> list[Pred]:
    """One prediction per attribution: ``“A,” X said. “B.”`` is one gold content.

    PolNeAR annotates the quote before and after a cue as one (discontinuous) content;
    a system that returns the two stretches separately is merged here when they are
    direct, consecutive, in one paragraph, have the same speaker and at most twelve
    words between them (the cue clause).
    """
    out: list[Pred] = []
    for p in sorted(preds, key=lambda p: (p.start, p.end)):
        if out:
            last = out[-1]
            gap = text[last.end : p.start]
            if (last.direct and p.direct and last.speaker == p.speaker and p.start >= last.end
                    and "\n" not in gap and len(re.findall(r"\w+", gap)) <= 12):
                out[-1] = Pred(last.start, p.end, last.speaker, True)
                continue
        out.append(p)
    return out


def _ours(text: str, doc, nlp_article) -> list[Pred]:
    from newscheck.extract.quotes import extract_quotes
    from newscheck.extract.stage import sentences_of

    sents = sentences_of(nlp_article, doc)
    return merge_continuations([Pred(q.start, q.end, q.speaker, q.direct)
                                for q in extract_quotes(nlp_article, doc, sents)], text)


def _textacy(text: str, doc) -> list[Pred] | None:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return None
    out = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # noqa: BLE001 - the peer's own failure on one item is recorded as no output
        return []
    for t in triples:
        content = t.content
        start, end = content.start_char, content.end_char
        speaker = " ".join(tok.text for tok in t.speaker) if t.speaker else None
        out.append(Pred(start, end, speaker, True))
    return merge_continuations(out, text)


def evaluate(limit: int | None = None, split: str = "test") -> dict:
    """Figures of the quote extractor (and textacy, when installed) on PolNeAR.

    Args:
        limit: Evaluate only the first ``limit`` articles (sorted by name).
        split: ``test`` (reported figures) or ``dev`` (error analysis).

    Returns:
        ``{"newscheck": {...}, "textacy": {...} | None, "articles": n, "seconds": s}``.
    """
    from newscheck.context import Context
    from newscheck.model import Article

    items = _items(split, limit)
    nlp = Context().nlp
    ours, peer = _Tally(), _Tally()
    have_peer = True
    t0 = time.perf_counter()
    seconds_ours = 0.0
    for (text, ann), doc in zip(items, nlp.pipe((t for t, _ in items), batch_size=8)):
        golds = read_ann(ann, text)
        article = Article(id=ann.stem, input=str(ann), text=text)
        t1 = time.perf_counter()
        ours.add(golds, _ours(text, doc, article), text)
        seconds_ours += time.perf_counter() - t1
        pp = _textacy(text, doc) if have_peer else None
        if pp is None:
            have_peer = False
        else:
            peer.add(golds, pp, text)
    return {
        "newscheck": ours.figures(),
        "textacy": peer.figures() if have_peer else None,
        "articles": len(items),
        "seconds": time.perf_counter() - t0,
        "seconds_quotes": seconds_ours,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--split", default="test", choices=["test", "dev", "train"])
    args = ap.parse_args()
    res = evaluate(args.limit, args.split)
    rows = []
    for name in ("newscheck", "textacy"):
        f = res[name]
        if f is None:
            continue
        for kind, label in (("direct", "direct quotes, content"),
                            ("direct_speaker", "direct quotes, content + speaker"),
                            ("all", "all attributions, content"),
                            ("all_speaker", "all attributions, content + speaker")):
            rows.append([name, label, f[f"{kind}_p"], f[f"{kind}_r"], f[f"{kind}_f1"]])
    g = res["newscheck"]
    body = table(["system", "measure", "precision", "recall", "F1"], rows)
    body += (
        f"\n\n{res['articles']} articles of the {args.split} split"
        f"{'' if args.limit is None else f' (first {args.limit})'}; gold: "
        f"{int(g['gold_direct'])} direct quotes among {int(g['gold_all'])} attributions; "
        f"newscheck returned {int(g['pred_all'])} quotes ({int(g['pred_direct'])} direct). "
        f"Quote stage time {res['seconds_quotes']:.1f} s (parse excluded); "
        f"total with parsing {res['seconds']:.0f} s.\n\n"
        "Matching: a prediction matches a gold content when the F1 of their character "
        "overlap (non-space characters, quote marks excluded) is at least 0.5, one-to-one, "
        "best first. A quote split by its cue (`“A,” X said. “B.”`) is one PolNeAR content: "
        "consecutive direct predictions of one paragraph with the same speaker and at most "
        "twelve words between them are merged before matching, for both systems. "
        "Direct: gold content opening and closing with quote marks; direct "
        "precision is over our quotes with `direct=True` (a quoted phrase inside reported "
        "speech is returned as the reported clause, `direct=False`). Speaker: "
        "right when it shares a content word with the gold source; when the gold source "
        "is a pronoun, when our speaker's surname is named from the previous paragraph up "
        "to the pronoun; a nameless definite description (\"the president\"), the same "
        "from two paragraphs before; when the gold source is a lone speech verb (the cue marked instead of "
        "its subject), when our speaker's surname stands within four words of it. Most PolNeAR attributions are paraphrases, beliefs and intentions "
        "(\"Trump wants to ...\"), which the quote stage does not look for, hence the low "
        "recall over all attributions."
    )
    if res["textacy"] is None:
        body += "\n\ntextacy is not installed: no peer figures."
    else:
        body += ("\n\nPeer: textacy 0.13 `extract.triples.direct_quotations` on the same "
                 "spaCy parse (en_core_web_sm with paragraph-aware sentences).")
    if args.limit is None and args.split == "test":
        write_section("quotes", "Quotes: PolNeAR test", "python -m benchmarks.bench_quotes", body)
    else:
        print(body)


if __name__ == "__main__":
    main_guard(main)
