"""Person and role conflicts: two people in one single-holder office; former vs current."""

from __future__ import annotations

import re

from .. import entities, tokens
from ..lexicon import ARTICLES, NAME_LIST_JOINERS, PLURAL_ROLES, SINGLE_OFFICES
from ..model import (
    RoleMention,
)
from .common import Finding, Ref, StoryView, cluster, holders_finding

# Role statuses of a holder who is gone: "former director X", "the late director X".
_GONE = frozenset({"former", "late"})

# --------------------------------------------------------------------------- people, roles


def _role_key(role: str) -> str:
    """A role compared across reports: lower-case, its article dropped ("the finance
    minister" -> "finance minister")."""
    words = role.lower().split()
    return " ".join(words[1:] if len(words) > 1 and words[0] in ARTICLES else words)


def _single_holder(role: str) -> bool:
    """Whether an office names one holder at a time (so two names disagree).

    The office must name its body or country ("port authority director", "France's
    finance minister", "Brazilian president"): a bare title ("president", "mayor") is held
    at once by people of different countries and bodies ("President X" and "President Y"
    of two countries are no rivals).
    """
    words = role.split()
    if len(words) < 2 or words[-1] in PLURAL_ROLES:
        return False
    return role not in SINGLE_OFFICES


def _asserts_current(ref: Ref, mention: RoleMention) -> bool:
    """Whether a role mention says the person holds the role now. A role told as a
    relation ("his campaign chairman X", "Trump's lawyer X") names who the person was to
    someone in the events reported, not a title held today."""
    return mention.status == "current" and not _possessed(ref, mention)


def _possessed(ref: Ref, mention: RoleMention) -> bool:
    """Whether a possessive stands right before a mention's role, two words at most
    between them ("his campaign chairman", "Trump's lawyer", "the workers' lawyer")."""
    analysis = ref.analysis
    if not 0 <= mention.start <= len(analysis.article.text):
        return False
    first = mention.role.split()[0] if mention.role else ""
    written = analysis.tokens_between(mention.start, mention.end)
    role_at = next((t.start for t in written if t.text.lower() == first), mention.start)
    before = analysis.tokens_between(max(0, mention.start - 40), role_at)[-4:]
    for n, t in enumerate(before):
        if (t.dep == "poss" and t.pos == "PRON") or t.dep == "case":
            between = before[n + 1 :]
            if len(between) <= 2 and all(u.pos not in tokens.NON_WORDS for u in between):
                return True
    return False


def same_person(a: str, b: str) -> bool:
    """Whether two names can denote one person ("Ana Ruiz", "Ruiz", "A. Ruiz"; "Hana Jae"
    and "Hana Jae-in": a hyphenated tail cut off by the parser)."""
    return entities.same_person(a, b)


def _one_office(role: str, clusters, refs_by_id, every_mention, related) -> bool:
    """Whether the people named in ``role`` by different reports claim one office.

    So it is when the title names its country or body ("Brazil's president", "the
    company's president": :func:`newscheck.entities.qualified_role`), when the story itself
    tells of a succession in that office (one of the people is called its former holder
    somewhere: "former director X"), or when the two names are given in related
    sentences of different reports. Otherwise "Finance Minister X" and "Finance Minister
    Y" may be ministers of two countries.
    """
    office = entities.qualified_role(role)
    if office[1] is not None:
        return True
    names = [n for c in clusters for _, n in c]
    for m in every_mention:
        if (m.status in _GONE | {"then"}
                and entities.roles_match(entities.qualified_role(m.role), office)
                and any(same_person(m.name, n) for n in names)):
            return True
    return any(
        refs_by_id[x].article != refs_by_id[y].article
        and related(refs_by_id[x], refs_by_id[y])
        for i, ca in enumerate(clusters) for cb in clusters[i + 1 :]
        for x, _ in ca for y, _ in cb
    )


_POSSESSIVE_END = re.compile(r"\s*['’]s?$")
_PLURAL_END = re.compile(r"(?<![isu'’])s$")


def _bare(name: str) -> str:
    """A name without the possessive it was written in ("Ana Ruiz's" -> "Ana Ruiz")."""
    return _POSSESSIVE_END.sub("", name.strip())


def _still_topic(name: str, role: str) -> str:
    """The question a role conflict answers, in agreement: "whether Ana Ruiz is still
    finance minister", "whether Ruiz and Berg are still union co-chairs" (several people,
    or a plural role: its last word ends in a plural -s, not in -ss, -is, -us or -'s)."""
    several = any(w.lower() in NAME_LIST_JOINERS for w in name.split()) or _PLURAL_END.search(
        role.split()[-1])
    return f"whether {name} {'are' if several else 'is'} still {role}"


def find(view: StoryView) -> list[Finding]:
    """Two people named as the current holder of one single-holder office
    (:func:`_single_holder`, :func:`_one_office`), and one person called former (or late)
    in one report and current in another."""
    refs, related, resolver = view.claims, view.related, view.names
    refs_by_id = {r.claim.id: r for r in refs}
    where: dict[str, str] = {}  # a name as written -> a report that writes it
    for r in refs:
        for m in r.claim.roles:
            where.setdefault(m.name, r.article)

    def same_one(a: str, b: str) -> bool:
        return resolver.same(a, b, where.get(a), where.get(b))

    mentions: dict[str, list[tuple[Ref, RoleMention]]] = {}
    for r in refs:
        for m in r.claim.roles:
            key = _role_key(m.role)
            if key:
                mentions.setdefault(key, []).append((r, m))
    every_mention = [m for ms in mentions.values() for _, m in ms]
    out: list[Finding] = []
    for role, ms in sorted(mentions.items()):
        # Who holds the office now: two different current holders disagree.
        current = [(r, m) for r, m in ms if _asserts_current(r, m)]
        if (
            _single_holder(role)
            and len({r.article for r, _ in current}) >= 2
        ):
            items = [(r.claim.id, m.name) for r, m in current]
            clusters = cluster(items, same_one)
            rivals = _one_office(role, clusters, refs_by_id, every_mention, related)
            if len(clusters) >= 2 and rivals:
                out.append(holders_finding("person", f"who is {role}", role, clusters, "people"))
        # Whether a person still holds it: "former" in one report, current in another.
        people = cluster([(r.claim.id, m.name) for r, m in ms], same_one)
        status_of = {(r.claim.id, m.name): m for r, m in ms}
        for person in people:
            gone = [cid for cid, n in person if status_of[(cid, n)].status in _GONE]
            still = [
                cid for cid, n in person
                if _asserts_current(refs_by_id[cid], status_of[(cid, n)])
            ]
            if not gone or not still:
                continue
            name = max((_bare(n) for _, n in person), key=len)  # type: ignore[arg-type]
            status = next(status_of[(c, n)].status for c, n in person if c in gone)
            out.append(
                Finding(
                    kind="role",
                    topic=_still_topic(name, role),
                    values=[f"{status} {role}", role],
                    sides=[gone, still],
                    note=f"called {status} {role} in one report and {role} in another",
                )
            )
    return out
