"""Does a chat message look like a complaint, of which category, in which RT: a keyword model, no training data.

A message is read as `indonesian.words`; its words and phrases are looked up in `complaint_words` (exactly, then
without Indonesian/Javanese affixes — `kebanjiran`, `lampune`, `sampahnya` — then by a close spelling for long
words, `sellokan`). Problem words ("mampet", "mati", "tidak nyala") count for a complaint; greetings, thanks,
announcements, wishes, forwards and banter, and "sudah diperbaiki", count against. Category words decide the
category, less when they only name the place ("lubang di depan *pos ronda*"). tests/test_complaints.py measures
precision, recall and category accuracy on a labelled sample of resident messages (tests/data/keluhan_sampel.csv).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from kutorejo_data.core import domain

from . import complaint_words as lexicon
from .indonesian import ABBREVIATIONS, STOP_WORDS, words

# Above this score (problem words, a little topic, minus chatter) a message is a complaint.
COMPLAINT_SCORE = 1.0
# A complaint needs at least this much problem wording: a topic alone ("selokan") is not a complaint.
MIN_PROBLEM = 0.8
TOPIC_SHARE = 0.25  # how much the topic adds to the complaint score
TOPIC_CAP = 3.0
RESOLVED_WEIGHT = 3.0
PASSIVE_NOT_DONE = 1.0  # "tidak/belum di…": a service not done
FALLBACK = "lainnya"
FALLBACK_CONFIDENCE = 0.2  # a complaint with no category word: "lainnya", hardly sure
FUZZY_CUTOFF = 0.88
FUZZY_MIN_LENGTH = 6

_SUFFIXES = ("", "nya", "ne", "e", "an", "kan", "i", "lah", "ku", "mu")
_PREFIXES = (
    "",
    "di",
    "ke",
    "ter",
    "ber",
    "be",
    "me",
    "mem",
    "men",
    "meng",
    "ng",
    "ny",
    "pe",
    "pem",
    "pen",
    "per",
    "se",
)
_AGAIN = frozenset({"lagi", "kembali"})
_RT = re.compile(r"\brt\s*[.:/-]?\s*0*(\d{1,3})\b", re.IGNORECASE)
_RW = re.compile(r"\brw\s*[.:/-]?\s*0*(\d{1,2})\b", re.IGNORECASE)
_RT_RW = re.compile(r"\brt\s*/\s*rw\s*[.:]?\s*0*(\d{1,3})\s*/\s*0*(\d{1,2})\b", re.IGNORECASE)


@dataclass(frozen=True)
class Guess:
    """What a message looks like: a complaint or not, its category and how sure that is, the RT it names."""

    is_complaint: bool
    category: str | None  # a category slug; None for a message with no category word that is not a complaint
    confidence: float  # 0–1: how sure the category guess is
    rw: str | None  # "03" when the text names an RW
    rt: str | None  # "002" when the text names one RT
    cues: tuple[str, ...]  # the words that decided ("-terima kasih" counted against), for a person checking


def _topic_index() -> dict[str, dict[str, float]]:
    index: dict[str, dict[str, float]] = {}
    for slug, terms in lexicon.TOPICS.items():
        for term, weight in terms.items():
            index.setdefault(term, {})[slug] = weight
    return index


TOPIC_INDEX = _topic_index()
_ALL_TERMS = (
    set(TOPIC_INDEX) | set(lexicon.PROBLEMS) | set(lexicon.CHATTER) | set(lexicon.WORKING) | set(lexicon.RESOLVED)
)
PHRASES: dict[tuple[str, ...], str] = {tuple(term.split()): term for term in _ALL_TERMS if " " in term}
LONGEST_PHRASE = max(len(phrase) for phrase in PHRASES)
SINGLE_WORDS: frozenset[str] = frozenset(term for term in _ALL_TERMS if " " not in term)
_FUZZY_CHOICES = sorted(word for word in SINGLE_WORDS if len(word) >= FUZZY_MIN_LENGTH - 1)
# Everyday words a close spelling must never turn into a lexicon word ("kelurahan" is not "keluhan").
_PLAIN_WORDS = STOP_WORDS | {word for value in ABBREVIATIONS.values() for word in value.split()} | {"kelurahan"}


def _stems(token: str) -> Iterator[str]:
    """The token without a prefix and/or suffix, shortest cut first (the lexicon decides which is a word)."""
    cuts = sorted(
        ((prefix, suffix) for prefix in _PREFIXES for suffix in _SUFFIXES if prefix or suffix),
        key=lambda cut: len(cut[0]) + len(cut[1]),
    )
    for prefix, suffix in cuts:
        core_length = len(token) - len(prefix) - len(suffix)
        if core_length >= 3 and token.startswith(prefix) and token.endswith(suffix):
            yield token[len(prefix) : len(token) - len(suffix)]


@lru_cache(maxsize=8192)
def lookup(token: str) -> str | None:
    """The lexicon word a chat word stands for: itself, its stem, or a close spelling; None when none."""
    if token in SINGLE_WORDS:
        return token
    if token in _PLAIN_WORDS or token.isdigit():  # "sekali" is not se-kali (a river)
        return None
    for stem in _stems(token):
        if stem in SINGLE_WORDS:
            return stem
    if len(token) < FUZZY_MIN_LENGTH:
        return None
    close = difflib.get_close_matches(token, _FUZZY_CHOICES, n=1, cutoff=FUZZY_CUTOFF)
    return close[0] if close and close[0][:2] == token[:2] else None


def _is_passive(word: str) -> bool:
    """A passive verb (`diangkut`, `diperbaiki`): `di` and a stem of four letters or more."""
    return word.startswith("di") and len(word) >= 6 and word not in _PLAIN_WORDS


@dataclass(frozen=True)
class _Unit:
    """A word or a phrase of the message: as written (normalised), the lexicon term, whether it names a place."""

    raw: str
    term: str | None
    place: bool


def _units(tokens: list[str]) -> list[_Unit]:
    """Phrases first (longest wins), then single words; a word right after "di", "depan", "dekat"… is a place."""
    units: list[_Unit] = []
    position = 0
    place_left = 0
    while position < len(tokens):
        token = tokens[position]
        if token in lexicon.PLACE_WORDS:
            units.append(_Unit(token, None, False))
            place_left = 2
            position += 1
            continue
        for length in range(min(LONGEST_PHRASE, len(tokens) - position), 1, -1):
            phrase = PHRASES.get(tuple(tokens[position : position + length]))
            if phrase:
                units.append(_Unit(phrase, phrase, place_left > 0))
                position += length
                break
        else:
            units.append(_Unit(token, lookup(token), place_left > 0))
            position += 1
        place_left = max(0, place_left - 1)
    return units


@dataclass
class _Score:
    problem: float = 0.0
    chatter: float = 0.0
    counted: set[tuple[str, str]] = field(default_factory=set)
    cues: list[str] = field(default_factory=list)

    def add(self, kind: str, term: str, weight: float) -> None:
        """Count a term once per message, whatever its repetitions."""
        if (kind, term) in self.counted:
            return
        self.counted.add((kind, term))
        self.cues.append(term if kind == "problem" else f"-{term}")
        if kind == "problem":
            self.problem += weight
        else:
            self.chatter += weight


def _read(units: list[_Unit]) -> tuple[_Score, dict[str, float]]:
    """Problem, chatter and per-category topic scores of the message's units."""
    score = _Score()
    topics: dict[str, float] = {}
    seen_topics: set[tuple[str, str]] = set()
    index = 0
    while index < len(units):
        unit = units[index]
        following = units[index + 1] if index + 1 < len(units) else None
        if unit.raw in lexicon.NEGATIONS and following is not None:
            if following.term in lexicon.WORKING:
                score.add("problem", f"{unit.raw} {following.term}", lexicon.WORKING[following.term])
            elif _is_passive(following.raw) and following.term not in lexicon.PROBLEMS:
                # "belum diimunisasi", "tidak dikuras": a service that was not done
                score.add("problem", f"{unit.raw} {following.raw}", PASSIVE_NOT_DONE)
            if following.term in lexicon.PROBLEMS:
                index += 2  # "tidak rusak" is no problem
                continue
        if unit.raw in lexicon.DONE_MARKERS:
            done = next((u.term for u in units[index + 1 : index + 3] if u.term in lexicon.RESOLVED), None)
            if done is not None:
                score.add("chatter", f"{unit.raw} {done}", RESOLVED_WEIGHT)
        if unit.term in lexicon.RESOLVED and following is not None and following.raw in _AGAIN:
            score.add("chatter", f"{unit.term} {following.raw}", RESOLVED_WEIGHT)
        term = unit.term
        if term is not None:
            if term in lexicon.PROBLEMS:
                score.add("problem", term, lexicon.PROBLEMS[term])
            if term in lexicon.CHATTER:
                score.add("chatter", term, lexicon.CHATTER[term])
            for slug, weight in TOPIC_INDEX.get(term, {}).items():
                if (slug, term) not in seen_topics:
                    seen_topics.add((slug, term))
                    topics[slug] = topics.get(slug, 0.0) + weight * (lexicon.PLACE_DISCOUNT if unit.place else 1.0)
        index += 1
    return score, topics


def _category(topics: dict[str, float]) -> tuple[str | None, float]:
    """The category with the most topic weight (ties: the office's order) and how clearly it leads."""
    if not topics:
        return None, 0.0
    order = {category.slug: position for position, category in enumerate(domain.DEFAULT_CATEGORIES)}
    best = min(topics, key=lambda slug: (-topics[slug], order.get(slug, len(order))))
    return best, round(topics[best] / (sum(topics.values()) + 0.5), 2)


def guess_area(text: str) -> tuple[str | None, str | None]:
    """(RW, RT) the text names ("RT 2", "rt.02", "RT 002", "RT/RW 02/03"); None where it names none or several."""
    pairs = _RT_RW.findall(text)
    rts = {int(rt) for rt, _ in pairs} | {int(rt) for rt in _RT.findall(_RT_RW.sub(" ", text))}
    rws = {int(rw) for _, rw in pairs} | {int(rw) for rw in _RW.findall(_RT_RW.sub(" ", text))}
    rts.discard(0)
    rws.discard(0)
    rt = domain.format_rt(rts.pop()) if len(rts) == 1 else None
    rw = domain.format_rw(rws.pop()) if len(rws) == 1 else None
    return rw, rt


def guess(text: str) -> Guess:
    """Guess whether the message is a complaint, its category with a confidence (0–1), and the RT it names."""
    score, topics = _read(_units(words(text)))
    if "?" in text and score.problem == 0:
        score.chatter += lexicon.QUESTION_WEIGHT
    best_topic = max(topics.values(), default=0.0)
    total = score.problem + TOPIC_SHARE * min(best_topic, TOPIC_CAP) - score.chatter
    is_complaint = score.problem >= MIN_PROBLEM and total >= COMPLAINT_SCORE
    category, confidence = _category(topics)
    if is_complaint and category is None:
        category, confidence = FALLBACK, FALLBACK_CONFIDENCE
    rw, rt = guess_area(text)
    return Guess(is_complaint, category, confidence, rw, rt, tuple(score.cues))
