"""A small learned sentence scorer for the CUAD categories: hashed word n-grams and one logistic regression
per category, trained by `evals/train_cuad.py` and shipped as `extractors/data/cuad_scorer.json.gz`.

Inference is pure Python + numpy (no scikit-learn), deterministic and cached per document: the sentences
of every clause are featurised once and scored for all categories in one sparse product.

Features of a sentence: word unigrams and bigrams of its text plus the words of its clause heading
(`h:` prefix), hashed with CRC-32 into `n_features` buckets, sublinear term frequency (1 + log tf),
L2-normalised.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import zlib
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from assistant.models import Document
from extractors.cuad_categories import CATEGORIES
from extractors.cuad_rules import match_sentences
from extractors.text import sentences

SCORER_FILE = "cuad_scorer.json.gz"
N_FEATURES = 2**18
FEATURES = "crc32 uni+bigrams, heading words, rule marks; v1"  # a scorer file must name the same
MAX_TOKENS = 300  # a very long "sentence" (a run-on list) is scored on its first words
MIN_TOKENS = 3  # shorter spans (bare headings, numbers) are not scored
_TOKEN = re.compile(r"[a-z]+|\d+")
_CACHE_SIZE = 8


@dataclass(frozen=True)
class Unit:
    """A sentence of a clause: offsets into the document text and its clause heading."""

    start: int
    end: int
    heading: str


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; every number becomes the token '0'."""
    return ["0" if t[0].isdigit() else t for t in _TOKEN.findall(text.lower())][:MAX_TOKENS]


def _bucket(feature: str, n_features: int) -> int:
    return zlib.crc32(feature.encode("utf-8")) % n_features


def featurize(text: str, heading: str = "", n_features: int = N_FEATURES) -> dict[int, float]:
    """Hashed, sublinear-TF, L2-normalised uni/bi-gram features of a sentence and its clause heading."""
    words = tokens(text)
    grams = Counter(words)
    grams.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    grams.update(f"h:{w}" for w in tokens(heading))
    feats: dict[int, float] = {}
    for gram, tf in grams.items():
        idx = _bucket(gram, n_features)
        feats[idx] = feats.get(idx, 0.0) + 1.0 + math.log(tf)
    norm = math.sqrt(sum(v * v for v in feats.values())) or 1.0
    return {i: v / norm for i, v in feats.items()}


def rule_marks(doc: Document, units: list[Unit]) -> list[list[str]]:
    """For each unit, the 'r:<category>' and 'r:<category>:<rule>' marks of the CUAD sentence rules
    whose accepted sentences it overlaps: the scorer learns how far to trust each rule."""
    marks: list[list[str]] = [[] for _ in units]
    for cid, cat in CATEGORIES.items():
        for start, end, name in match_sentences(cat, doc.text):
            for i, u in enumerate(units):
                if u.start < end and start < u.end:
                    marks[i] += [f"r:{cid}", f"r:{cid}:{name}"]
    return marks


def unit_features(doc: Document, units: list[Unit], n_features: int = N_FEATURES) -> list[dict[int, float]]:
    """Features of every unit: its n-grams (`featurize`) plus its rule marks, each with value 1."""
    rows = []
    for unit, marks in zip(units, rule_marks(doc, units), strict=True):
        feats = featurize(doc.text[unit.start : unit.end], unit.heading, n_features)
        for mark in dict.fromkeys(marks):
            idx = _bucket(mark, n_features)
            feats[idx] = feats.get(idx, 0.0) + 1.0
        rows.append(feats)
    return rows


def document_units(doc: Document) -> list[Unit]:
    """The scored sentences of a document: every sentence of every clause with enough words."""
    units = []
    for clause in doc.clauses:
        heading = clause.heading or ""
        for start, end in sentences(clause.text, base=clause.start):
            if len(_TOKEN.findall(doc.text[start:end])) >= MIN_TOKENS:
                units.append(Unit(start, end, heading))
    return units


@dataclass(frozen=True)
class CategoryModel:
    """Decision of one category: found when p >= t_high, or when the rules fire and p >= t_low."""

    enabled: bool
    t_high: float | None
    t_low: float


class Scorer:
    """Per-category logistic regressions over hashed features (weights as a dense numpy matrix)."""

    def __init__(self, payload: dict) -> None:
        if payload.get("features") != FEATURES:
            raise ValueError(
                f"CUAD scorer features {payload.get('features')!r} differ from the code's {FEATURES!r}: "
                "retrain with `python -m evals.train_cuad`."
            )
        self.n_features = int(payload["n_features"])
        self.categories: list[str] = list(payload["categories"])
        self.weights = np.zeros((self.n_features, len(self.categories)), dtype=np.float64)
        self.intercepts = np.zeros(len(self.categories), dtype=np.float64)
        self.decisions: dict[str, CategoryModel] = {}
        for j, cid in enumerate(self.categories):
            entry = payload["categories"][cid]
            self.weights[np.asarray(entry["indices"], dtype=np.int64), j] = entry["weights"]
            self.intercepts[j] = entry["intercept"]
            self.decisions[cid] = CategoryModel(
                enabled=bool(entry["enabled"]), t_high=entry["t_high"], t_low=float(entry["t_low"])
            )
        self._cache: OrderedDict[tuple[str, int], tuple[list[Unit], np.ndarray]] = OrderedDict()

    def score_texts(self, pairs: list[tuple[str, str]]) -> np.ndarray:
        """Probabilities (n, categories) of standalone (sentence, heading) pairs, rule marks included."""
        rows = []
        for text, heading in pairs:
            feats = featurize(text, heading, self.n_features)
            for cid, cat in CATEGORIES.items():
                for name in dict.fromkeys(name for *_, name in match_sentences(cat, text)):
                    for mark in (f"r:{cid}", f"r:{cid}:{name}"):
                        idx = _bucket(mark, self.n_features)
                        feats[idx] = feats.get(idx, 0.0) + 1.0
            rows.append(feats)
        return self._score(rows)

    def _score(self, rows: list[dict[int, float]]) -> np.ndarray:
        out = np.tile(self.intercepts, (len(rows), 1))
        for i, feats in enumerate(rows):
            if feats:
                idx = np.fromiter(feats.keys(), dtype=np.int64, count=len(feats))
                val = np.fromiter(feats.values(), dtype=np.float64, count=len(feats))
                out[i] += val @ self.weights[idx]
        return 1.0 / (1.0 + np.exp(-out))

    def score_document(self, doc: Document) -> tuple[list[Unit], np.ndarray]:
        """The document's sentences and their probabilities (n, categories), cached per document."""
        key = (doc.id, len(doc.text))
        hit = self._cache.get(key)
        if hit is None:
            units = document_units(doc)
            hit = (units, self._score(unit_features(doc, units, self.n_features)))
            self._cache[key] = hit
            if len(self._cache) > _CACHE_SIZE:
                self._cache.popitem(last=False)
        return hit

    def column(self, category_id: str) -> int:
        """Column of `category_id` in the probability matrix."""
        return self.categories.index(category_id)


def load_scorer(path: Path | None = None) -> Scorer:
    """Read a scorer file (default: the one shipped in `extractors/data/`)."""
    if path is None:
        raw = resources.files("extractors").joinpath("data", SCORER_FILE).read_bytes()
    else:
        raw = Path(path).read_bytes()
    try:
        payload = json.loads(gzip.decompress(raw))
    except (OSError, ValueError) as exc:
        raise ValueError(
            f"{str(path or SCORER_FILE)!r}: unreadable CUAD scorer ({exc}); retrain it."
        ) from exc
    return Scorer(payload)


@lru_cache(maxsize=1)
def shipped_scorer() -> Scorer | None:
    """The shipped scorer, or None when no scorer file is installed (the rules then decide alone)."""
    try:
        return load_scorer()
    except FileNotFoundError:
        return None
