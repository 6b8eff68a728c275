"""Sentence rules for the CUAD clause categories: which sentences of a contract grant the legal concept.

A `SentenceRule` is data: a cheap `cue` that pre-selects sentences, `must` patterns of which every one
has to match (each an alternation of phrasings of one element of the concept), and `exclude` patterns
that veto a sentence (the look-alikes lawyers do not label: termination for breach, audited financial
statements, ...). `must_not_negate` marks the element that a preceding negation ("no right to audit")
cancels. Rules describe the concept in general legal language, never one contract's wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.text import fragments, negated_before, sentences

_F = re.IGNORECASE | re.DOTALL
MIN_WORDS = 5  # a bare heading ("12. Governing Law.") grants nothing; its clause text does


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a rule pattern (case-insensitive, '.' spans newlines)."""
    return re.compile(pattern, _F)


@dataclass(frozen=True)
class SentenceRule:
    """One way a sentence can express a category; see the module docstring."""

    name: str
    cue: re.Pattern[str]
    must: tuple[re.Pattern[str], ...] = ()
    exclude: tuple[re.Pattern[str], ...] = ()
    must_not_negate: bool = False
    max_chars: int = 1500
    weight: float = 1.0  # evidence a match adds; the category is found when the weights reach its threshold

    def matches(self, sentence: str) -> bool:
        """True when `sentence` expresses the concept under this rule."""
        if len(sentence) > self.max_chars * 3 or len(sentence.split()) < MIN_WORDS:
            return False
        cue = self.cue.search(sentence)
        if cue is None:
            return False
        if self.must_not_negate and negated_before(sentence, cue.start(), window=50):
            return False
        if not all(p.search(sentence) for p in self.must):
            return False
        return not any(p.search(sentence) for p in self.exclude)


@dataclass(frozen=True)
class CategoryRules:
    """All rules of one category; a document has the category when any rule matches a sentence."""

    category: str
    prefilter: re.Pattern[str]
    rules: tuple[SentenceRule, ...] = field(default_factory=tuple)
    threshold: float = 1.0

    def weight(self, rule_name: str) -> float:
        """Weight of the named rule (0 for an unknown name)."""
        return next((r.weight for r in self.rules if r.name == rule_name), 0.0)

    def found(self, hits: list[tuple[int, int, str]]) -> bool:
        """True when the matched sentences carry enough weight: one strong or several weak matches."""
        return sum(self.weight(name) for *_, name in hits) >= self.threshold - 1e-9


@lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of a whole document text (cached: every category reads the same sentences)."""
    return tuple(sentences(text))


def _first_rule(cat: CategoryRules, sentence: str) -> str | None:
    for rule in cat.rules:
        if rule.matches(sentence):
            return rule.name
    return None


@lru_cache(maxsize=64)
def match_sentences(cat: CategoryRules, text: str) -> tuple[tuple[int, int, str], ...]:
    """(start, end, rule name) of every sentence (or enumerated part of one) that `cat` accepts (cached:
    the extractors and the learned scorer's rule marks read the same matches)."""
    return tuple(_match_sentences(cat, text))


def _match_sentences(cat: CategoryRules, text: str) -> list[tuple[int, int, str]]:
    if not cat.prefilter.search(text):
        return []
    hits: list[tuple[int, int, str]] = []
    for start, end in sentence_spans(text):
        sent = text[start:end]
        if not cat.prefilter.search(sent):
            continue
        name = _first_rule(cat, sent)
        if name is not None:
            hits.append((start, end, name))
            continue
        parts = fragments(sent)
        for fs, fe in parts if len(parts) > 1 else ():
            name = _first_rule(cat, sent[fs:fe])
            if name is not None:
                hits.append((start + fs, start + fe, name))
    return hits
