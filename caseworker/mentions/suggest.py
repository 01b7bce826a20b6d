"""What the inbox suggests for a mention: the citizen who probably wrote it, and the service
it is probably about. Both say why, and both say nothing rather than guess.

- The citizen: the identity matcher (``identity.find_matches``) on a ``PersonRecord`` of the
  author (their handle, and the display name split into given and family name). Suggested
  only at the matcher's own threshold (``identity.match.THRESHOLD``), and only when no other
  citizen comes near (two namesakes on one street are for a person to tell apart).
- The service: words of the post matched against the catalogue's words for each service (its
  keywords, and its English and Welsh names). A keyword counts twice a word of a name; a word
  counts once per service. Suggested only when one service scores best on its own; ``words``
  lists the post's words that matched. Welsh words are read through their mutations (``dwll``
  is ``twll``, ``olau`` is ``golau``), and plurals are read as their singular.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from caseworker.identity import Match, PersonRecord, person
from caseworker.identity.match import THRESHOLD
from caseworker.identity.matcher import find_matches
from caseworker.models import Service
from caseworker.store import docstore

# Weight (bits) by which the best citizen must lead the next for a suggestion.
CITIZEN_MARGIN = 1.0
KEYWORD = 2
NAME_WORD = 1
MIN_SCORE = KEYWORD  # one keyword, or two words of a name
_WORD = re.compile(r"[^\W\d_]+")  # letters; an apostrophe ends a word ("wedi'i", "haven't")
_SUFFIXES = ("ings", "ing", "ions", "ion", "ies", "es", "ed", "s", "iau", "au", "oedd")
# Words of service names that say what kind of request it is, not what it is about.
_STOP_WORDS = (
    "a an and or of the to for in on at by my our your is it its not no with from this that "
    "report request enquiry complaint application fault removal advice council residents "
    "ac am ar at y yr yn i o neu ei eu mae wedi ddim cais adrodd ymholiad cwyn cyngor cael gyda "
    "am ein eich nam"
)
_STOP = frozenset(_STOP_WORDS.split())
# Welsh initial mutations, undone: a mutated beginning and the radical it may come from.
_UNMUTATE = (
    ("ngh", "c"),
    ("mh", "p"),
    ("nh", "t"),
    ("ng", "g"),
    ("ch", "c"),
    ("ph", "p"),
    ("th", "t"),
    ("dd", "d"),
    ("b", "p"),
    ("d", "t"),
    ("g", "c"),
    ("f", "b"),
    ("f", "m"),
    ("l", "ll"),
    ("r", "rh"),
    ("m", "b"),
    ("n", "d"),
)


@dataclass(frozen=True)
class CitizenSuggestion:
    match: Match  # .right is the citizen, .probability and .reasons say why


@dataclass(frozen=True)
class ServiceSuggestion:
    code: str
    name: str
    name_cy: str | None
    words: tuple[str, ...]  # the post's words that matched, as written
    score: int


def author_record(mention: Mapping[str, Any]) -> PersonRecord:
    """The author as the matcher compares people: their handle and, when the display name has
    two words or more, the first as given and the last as family name."""
    name = str(mention.get("author_name") or "")
    words = _WORD.findall(name)
    given, family = (words[0], words[-1]) if len(words) >= 2 else (None, None)
    handle = mention.get("author_handle")
    handles = [handle] if isinstance(handle, str) else []
    return person(
        str(mention.get("_id") or ""), given_name=given, family_name=family, handles=handles
    )


def suggest_citizen(session: Session, mention: Mapping[str, Any]) -> CitizenSuggestion | None:
    """The citizen who probably wrote the mention, or None when no one is likely enough or
    two are about as likely."""
    record = author_record(mention)
    if not record.handles and not record.family_name:
        return None
    found = find_matches(session, record, limit=2).matches
    if not found or found[0].probability < THRESHOLD:
        return None
    if len(found) > 1 and found[0].weight - found[1].weight < CITIZEN_MARGIN:
        return None
    return CitizenSuggestion(found[0])


def forms(word: str) -> frozenset[str]:
    """The forms a word may be read as: itself, without a plural or verb ending, and (for a
    Welsh word) with an initial mutation undone. Stems shorter than three letters are left out."""
    word = word.casefold().replace("’", "'")
    found = {word}
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            found.add(word[: -len(suffix)])
    for mutated, radical in _UNMUTATE:
        if word.startswith(mutated) and len(word) > len(mutated) + 1:
            found.add(radical + word[len(mutated) :])
    if word[:1] in "aeiouwylr":  # soft mutation drops an initial g
        found.add("g" + word)
    return frozenset(f for f in found if len(f) >= 3)


Term = tuple[tuple[frozenset[str], ...], int]  # the forms of each word of it, its weight


def _terms(service: Service, keywords: list[str]) -> list[Term]:
    """A service's keywords (a phrase such as "street light" counts only whole) and the words
    of its names, each as the forms its words may be read as, with its weight."""
    terms: list[Term] = []
    for keyword in keywords:
        words = [w for w in _WORD.findall(keyword) if w.casefold() not in _STOP]
        if words:
            terms.append((tuple(forms(w) for w in words), KEYWORD))
    for text in (service.name, service.name_cy or ""):
        terms += [
            ((forms(w),), NAME_WORD) for w in _WORD.findall(text) if w.casefold() not in _STOP
        ]
    return terms


def _keywords_of(session: Session, service: Service) -> list[str]:
    doc = docstore.get(session, service.id)
    listed = doc.get("keywords") if doc is not None else None
    if isinstance(listed, list):
        return [k for k in listed if isinstance(k, str)]
    return service.keywords.split()


def _post_words(mention: Mapping[str, Any]) -> list[str]:
    text = str(mention.get("content_text") or "")
    # @accounts (the council itself is in every post) say nothing of the service.
    text = re.sub(r"@[\w.@-]+", " ", text)
    tags = mention.get("tags")
    words = _WORD.findall(text)
    if isinstance(tags, list):
        words += [t for t in tags if isinstance(t, str) and _WORD.fullmatch(t)]
    return [w for w in words if w.casefold() not in _STOP]


def rank_services(session: Session, mention: Mapping[str, Any]) -> list[ServiceSuggestion]:
    """Every service that some of the post's words match, best first."""
    words = _post_words(mention)
    read = [(w, forms(w)) for w in words]
    services = session.scalars(
        select(Service).where(Service.active.is_(True)).order_by(Service.code)
    )
    ranked = []
    for service in services:
        terms = _terms(service, _keywords_of(session, service))
        score = 0
        matched: list[str] = []
        used: set[str] = set()  # forms already counted: "pothole" and "#potholes" count once
        for term, weight in terms:
            # Each word of the term must be in the post; the post's words that made it match.
            hits = [next((w for w, f in read if f & part), None) for part in term]
            if any(h is None for h in hits):
                continue
            found = [h for h in hits if h is not None]
            score += weight
            for word in found:
                if not forms(word) & used:
                    matched.append(word)
                used |= forms(word)
        if score:
            ranked.append(
                ServiceSuggestion(
                    service.code, service.name, service.name_cy, tuple(matched), score
                )
            )
    ranked.sort(key=lambda s: (-s.score, s.code))
    return ranked


def suggest_service(session: Session, mention: Mapping[str, Any]) -> ServiceSuggestion | None:
    """The service the post is about, or None when no service scores enough or two tie."""
    ranked = rank_services(session, mention)
    if not ranked or ranked[0].score < MIN_SCORE:
        return None
    if len(ranked) > 1 and ranked[1].score == ranked[0].score:
        return None
    return ranked[0]
