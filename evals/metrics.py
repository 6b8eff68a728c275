"""Evaluation metrics over (label, prediction) pairs: document-level P/R/F1 per requirement, macro F1,
status accuracy, recall of gaps, parameter accuracy, evidence validity and evidence recall.

A requirement counts as *found* when its status is present or weak; a label is found when its status is
present/weak (gold set) or when the CUAD category has an answer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.models import ParamValue, Status

FOUND = (Status.present, Status.weak)
GAPS = (Status.weak, Status.missing)


@dataclass(frozen=True)
class Label:
    """What the dataset says about one requirement of one case."""

    found: bool
    status: Status | None = None
    params: dict[str, ParamValue] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Prediction:
    """What the engine said about one requirement of one case (evidence already checked by the runner)."""

    status: Status
    params: dict[str, ParamValue] = field(default_factory=dict)
    quotes_valid: int = 0  # quotes equal to doc.text[start:end] and overlapping labelled evidence
    quotes_total: int = 0
    # True/False when the label is found and quotes evidence the text contains: does any quote overlap it?
    quotes_hit: bool | None = None

    @property
    def found(self) -> bool:
        return self.status in FOUND


@dataclass(frozen=True)
class Pair:
    """One requirement of one case: its label and the prediction."""

    case_id: str
    requirement: str
    label: Label
    prediction: Prediction


@dataclass(frozen=True)
class Score:
    """Precision, recall and F1 with the counts they come from."""

    tp: int
    fp: int
    fn: int
    tn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        """JSON form: counts plus rounded P/R/F1."""
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "support": self.tp + self.fn,
        }


def score(found_pairs: Iterable[tuple[bool, bool]]) -> Score:
    """Score from (label found, predicted found) pairs."""
    tp = fp = fn = tn = 0
    for gold, pred in found_pairs:
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        tn += not gold and not pred
    return Score(tp=tp, fp=fp, fn=fn, tn=tn)


def per_requirement(pairs: Sequence[Pair]) -> dict[str, Score]:
    """Document-level score of each requirement, in first-seen order."""
    out: dict[str, Score] = {}
    for rid in dict.fromkeys(p.requirement for p in pairs):
        out[rid] = score((p.label.found, p.prediction.found) for p in pairs if p.requirement == rid)
    return out


def macro_f1(scores: dict[str, Score]) -> float:
    """Unweighted mean F1 over requirements (0.0 when there are none)."""
    return sum(s.f1 for s in scores.values()) / len(scores) if scores else 0.0


def status_accuracy(pairs: Sequence[Pair]) -> float | None:
    """Fraction of labelled statuses predicted exactly (None when no label has a status)."""
    labelled = [p for p in pairs if p.label.status is not None]
    if not labelled:
        return None
    return sum(p.prediction.status == p.label.status for p in labelled) / len(labelled)


def gap_recall(pairs: Sequence[Pair]) -> float | None:
    """Among labels weak or missing, the fraction predicted weak or missing ("we flag every gap")."""
    gaps = [p for p in pairs if p.label.status in GAPS]
    if not gaps:
        return None
    return sum(p.prediction.status in GAPS for p in gaps) / len(gaps)


def param_right(params: dict[str, ParamValue], name: str, want: ParamValue) -> bool:
    """The predicted `params` carry `name` with the labelled value (strings compared case-insensitively)."""
    return name in params and _same(params[name], want)


def _same(a: ParamValue, b: ParamValue) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return str(a).strip().lower() == str(b).strip().lower()
    return a == b


def param_accuracy(pairs: Sequence[Pair]) -> float | None:
    """Fraction of labelled parameters predicted exactly (strings compared case-insensitively)."""
    total = right = 0
    for p in pairs:
        for name, want in p.label.params.items():
            total += 1
            right += param_right(p.prediction.params, name, want)
    return right / total if total else None


def evidence_validity(pairs: Sequence[Pair]) -> float | None:
    """Fraction of quoted evidence that is verbatim in the stored text and overlaps labelled evidence."""
    total = sum(p.prediction.quotes_total for p in pairs)
    if not total:
        return None
    return sum(p.prediction.quotes_valid for p in pairs) / total


def evidence_recall(pairs: Sequence[Pair]) -> float | None:
    """Of the requirements both labelled and found, the share whose evidence quotes the labelled clause (at
    least one quote overlaps a labelled snippet): does the reviewer see the clause that decides?"""
    judged = [
        p.prediction.quotes_hit for p in pairs if p.prediction.found and p.prediction.quotes_hit is not None
    ]
    return sum(judged) / len(judged) if judged else None


def overlaps(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    """True when the half-open `span` shares at least one character with any of `others`."""
    return any(span[0] < e and s < span[1] for s, e in others)
