"""The learned CUAD sentence scorer: the shipped file loads and ranks realistic clauses, inference is
deterministic and free of scikit-learn, and the training script's core (hashing, folds, span labelling,
nested cross-validation) works on a tiny CUAD-format folder."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from assistant.ingest import parse_bytes
from extractors.cuad_decide import decide
from extractors.cuad_model import N_FEATURES, Scorer, Unit, document_units, featurize, load_scorer, tokens

# category -> (a clause that grants it, a look-alike that does not)
PAIRS: dict[str, tuple[str, str]] = {
    "audit_rights": (
        "Licensor shall have the right, upon ten days notice, to audit the books and records of Licensee "
        "relating to the royalties due under this Agreement.",
        "The financial statements of the Company have been prepared in accordance with GAAP.",
    ),
    "post_termination_services": (
        "Upon termination or expiration of this Agreement, Distributor may sell off its remaining "
        "inventory of Products for a period of six months.",
        "Distributor shall purchase the Products at the prices set out in Exhibit A.",
    ),
    "termination_for_convenience": (
        "Either party may terminate this Agreement for convenience at any time upon ninety days prior "
        "written notice to the other party.",
        "The Company shall deliver the monthly reports within ten days after the end of each month.",
    ),
    "renewal_term": (
        "This Agreement shall automatically renew for successive one year terms unless terminated.",
        "The parties shall meet quarterly to review the marketing plan.",
    ),
    "notice_period_to_terminate_renewal": (
        "This Agreement renews automatically unless either party gives written notice of non-renewal at "
        "least sixty days before the end of the then current term.",
        "All notices shall be sent by registered mail to the addresses set out above.",
    ),
    "cap_on_liability": (
        "In no event shall either party's aggregate liability under this Agreement exceed the fees paid "
        "in the twelve months preceding the claim.",
        "Supplier shall ship the Products to the warehouse designated by Customer.",
    ),
    "insurance": (
        "Supplier shall maintain comprehensive general liability insurance with limits of not less than "
        "two million dollars per occurrence.",
        "Customer shall pay each invoice within thirty days of receipt.",
    ),
    "change_of_control": (
        "Either party may terminate this Agreement if the other party undergoes a change of control or "
        "merges with a competitor.",
        "Each party shall keep the Confidential Information of the other party secret.",
    ),
    "anti_assignment": (
        "Neither party may assign this Agreement without the prior written consent of the other party.",
        "The Licensee shall display the trademarks in accordance with the brand guidelines.",
    ),
    "governing_law": (
        "This Agreement shall be governed by and construed in accordance with the laws of the State of "
        "New York.",
        "The Distributor shall use reasonable efforts to promote the Products in the Territory.",
    ),
}


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return load_scorer()


def test_scorer_loads_every_category(scorer: Scorer) -> None:
    assert set(scorer.categories) == set(PAIRS)
    assert scorer.weights.shape == (scorer.n_features, len(PAIRS))
    for cid, rule in scorer.decisions.items():
        assert 0.0 <= rule.t_low <= 1.0, cid
        assert rule.t_high is None or rule.t_low <= rule.t_high <= 1.0, cid


@pytest.mark.parametrize("cid", list(PAIRS))
def test_positive_clause_scores_above_its_look_alike(scorer: Scorer, cid: str) -> None:
    pos, neg = PAIRS[cid]
    probs = scorer.score_texts([(pos, ""), (neg, "")])[:, scorer.column(cid)]
    assert probs[0] > probs[1] + 0.01, (cid, probs)


def test_scoring_is_deterministic(scorer: Scorer) -> None:
    doc = parse_bytes(("AGREEMENT\n\n1. Term\n" + " ".join(p for p, _ in PAIRS.values())).encode(), "a.txt")
    units, probs = scorer.score_document(doc)
    again = load_scorer().score_document(doc)
    assert units == again[0] and units
    assert np.array_equal(probs, again[1])
    assert all(doc.text[u.start : u.end].strip() for u in units)


def test_inference_does_not_import_sklearn() -> None:
    code = (
        "import sys\n"
        "from assistant.ingest import parse_bytes\n"
        "from assistant.playbook import load_playbook\n"
        "from assistant.review import review_documents\n"
        "doc = parse_bytes(b'AGREEMENT\\n\\n1. Audit\\nLicensor may audit the books and records of "
        "Licensee at any time.\\n', 'a.txt')\n"
        "result = review_documents([doc], load_playbook('cuad'))\n"
        "assert result.finding('audit_rights').status.value == 'present', result\n"
        "assert 'sklearn' not in sys.modules\n"
    )
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_feature_hashing_is_stable_and_normalised() -> None:
    feats = featurize("Licensee shall pay 30 days after 30 days.", "Payment Terms")
    assert feats == featurize("Licensee shall pay 30 days after 30 days.", "Payment Terms")
    assert all(0 <= i < N_FEATURES for i in feats)
    assert abs(sum(v * v for v in feats.values()) - 1.0) < 1e-9
    assert tokens("Pay 30 Days") == ["pay", "0", "days"]
    assert featurize("Licensee shall pay.", "") != featurize("Licensee shall pay.", "Payment Terms")
    assert featurize("", "") == {}


def test_decide_combines_rules_and_probability() -> None:
    assert decide(0.9, False, 0.8, 0.1)  # the scorer alone, above the high threshold
    assert not decide(0.5, False, 0.8, 0.1)
    assert decide(0.5, True, 0.8, 0.1)  # the rules, confirmed by the scorer
    assert not decide(0.05, True, 0.8, 0.1)  # the rules, vetoed
    assert decide(0.0, True, None, 0.0) and not decide(1.0, False, None, 0.0)  # rules alone


# ------------------------------------------------------------------------------------ training core
AUDIT = "Licensor may audit the books and records of Licensee relating to royalties each year."
LAW = "This Agreement is governed by the laws of the State of New York."
FILLER = "Licensee shall pay the fees set out in the schedule within thirty days of invoice."


def _contract(i: int) -> tuple[str, dict[str, object]]:
    parts = ["LICENSE AGREEMENT", "", "1. Fees", FILLER, "", "2. Law", LAW]
    if i % 2 == 0:
        parts += ["", "3. Audit", AUDIT]
    text = "\n".join(parts) + "\n"
    labels: dict[str, object] = {}
    if i % 2 == 0:
        start = text.index(AUDIT)
        seg = {"start": start, "end": start + len(AUDIT)}
        labels["Audit Rights"] = {"answer": "Yes", "spans": [{"text": AUDIT, "segments": [seg]}]}
    return text, labels


@pytest.fixture()
def cuad_dir(tmp_path: Path) -> Path:
    contracts = []
    (tmp_path / "contracts").mkdir()
    for i in range(12):
        text, labels = _contract(i)
        (tmp_path / "contracts" / f"c{i:02d}.txt").write_text(text, encoding="utf-8")
        contracts.append({"txt_file": f"contracts/c{i:02d}.txt", "labels": labels})
    (tmp_path / "labels.json").write_text(json.dumps({"contracts": contracts}), encoding="utf-8")
    return tmp_path


def test_fold_split_partitions_contracts_deterministically() -> None:
    from evals.train_cuad import fold_split

    folds = fold_split(23, 5, seed=7)
    assert sorted(np.concatenate(folds).tolist()) == list(range(23))
    assert [len(f) for f in folds] == [5, 5, 5, 4, 4]
    assert all(np.array_equal(a, b) for a, b in zip(folds, fold_split(23, 5, seed=7), strict=True))
    assert not all(np.array_equal(a, b) for a, b in zip(folds, fold_split(23, 5, seed=8), strict=True))


def test_label_units_marks_overlapping_sentences() -> None:
    from evals.train_cuad import label_units

    units = [Unit(0, 10, ""), Unit(11, 20, ""), Unit(21, 30, "")]
    assert label_units(units, [(15, 25)]).tolist() == [False, True, True]
    assert label_units(units, [(10, 11)]).tolist() == [False, False, False]


def test_training_core_on_a_tiny_cuad_folder(cuad_dir: Path) -> None:
    from evals.train_cuad import build_corpus, cross_validate

    corpus = build_corpus(cuad_dir, log=lambda _m: None)
    assert corpus.n_docs == 12 and corpus.gold["audit_rights"].tolist() == [i % 2 == 0 for i in range(12)]
    doc = parse_bytes(_contract(0)[0].encode(), "c00.txt")
    units = document_units(doc)
    positive = [doc.text[u.start : u.end] for u, y in zip(units, corpus.y["audit_rights"], strict=False) if y]
    assert len(positive) == 1 and positive[0].endswith(AUDIT)  # the sentence may carry its heading
    assert not corpus.y["governing_law"].any()  # no span labelled, whatever the text says
    result = cross_validate(corpus, folds=3, seed=1, log=lambda _m: None)
    pred = result.oof_pred["audit_rights"]
    assert pred.tolist() == corpus.gold["audit_rights"].tolist()
    summary = result.summary()
    assert summary["requirements"]["audit_rights"]["cv_learned"]["f1"] == 1.0
    assert len(summary["requirements"]["audit_rights"]["fold_thresholds"]) == 3


def _with_decision(scorer: Scorer, cid: str, t_high: float | None, t_low: float) -> Scorer:
    from extractors.cuad_model import CategoryModel

    clone = copy.copy(scorer)
    clone.decisions = {**scorer.decisions, cid: CategoryModel(enabled=True, t_high=t_high, t_low=t_low)}
    return clone


def test_enabled_scorer_adds_and_vetoes_in_the_review(
    scorer: Scorer, monkeypatch: pytest.MonkeyPatch
) -> None:
    from assistant.playbook import load_playbook
    from assistant.review import review_documents

    playbook = load_playbook("cuad")
    text = "AGREEMENT\n\n1. Records\nThe accountants of Licensor may look through the ledgers kept by Licensee once a year.\n"
    doc = parse_bytes(text.encode(), "a.txt")
    rules_only = _with_decision(scorer, "audit_rights", None, 0.0)
    monkeypatch.setattr("extractors.cuad_decide.shipped_scorer", lambda: rules_only)
    assert review_documents([doc], playbook).finding("audit_rights").status.value == "missing"
    monkeypatch.setattr(
        "extractors.cuad_decide.shipped_scorer", lambda: _with_decision(scorer, "audit_rights", 0.0, 0.0)
    )
    found = review_documents([doc], playbook).finding("audit_rights")
    assert found.status.value == "present" and "Learned scorer" in found.reason
    assert found.evidence and all(doc.text[e.start : e.end] == e.quote for e in found.evidence)
    assert "look through the ledgers" in found.evidence[0].quote

    audit = "AGREEMENT\n\n1. Audit\nLicensor may audit the books and records of Licensee at any time.\n"
    doc = parse_bytes(audit.encode(), "b.txt")
    monkeypatch.setattr(
        "extractors.cuad_decide.shipped_scorer", lambda: _with_decision(scorer, "audit_rights", None, 1.01)
    )
    vetoed = review_documents([doc], playbook).finding("audit_rights")
    assert vetoed.status.value == "missing" and "not enough" in vetoed.reason


def test_shipped_switches_follow_the_cross_validation_summary(scorer: Scorer) -> None:
    """A category's scorer ships enabled exactly when its out-of-fold gain over the rules reached the
    pre-registered margin (evals/results/cuad-cv.json, written by the same training run)."""
    import json

    summary = json.loads(
        (Path(__file__).resolve().parents[1] / "evals" / "results" / "cuad-cv.json").read_text()
    )
    for cid, row in summary["requirements"].items():
        gain = row["cv_learned"]["f1"] - row["rules"]["f1"]
        assert scorer.decisions[cid].enabled is (gain >= summary["min_gain"]) is row["learned_enabled"], cid
    assert sorted(summary["shipped"]) == sorted(c for c, d in scorer.decisions.items() if d.enabled)
