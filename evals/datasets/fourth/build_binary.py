"""Build the binary (DOCX and PDF) contracts of the fourth set from their plain-text sources.

The markup and the renderers are the gold set's (`../gold/build_binary.py`), loaded from that file so
both sets render identically; only the source folder and the targets differ. Edit `_sources/*.md` and
run this script, never the binaries: the labels in `cases.yaml` quote the extracted text verbatim.

Run from the repository root:  python evals/datasets/fourth/build_binary.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "_sources"
GOLD_BUILDER = HERE.parent / "gold" / "build_binary.py"


def _load_gold_builder() -> ModuleType:
    """Import the gold builder by path (the dataset folders are not packages)."""
    name = "fourth_gold_build_binary"
    spec = importlib.util.spec_from_file_location(name, GOLD_BUILDER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {GOLD_BUILDER.name} from the gold set")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses resolve their module through sys.modules
    spec.loader.exec_module(module)
    return module


_gold = _load_gold_builder()
parse_source = _gold.parse_source
render_docx = _gold.render_docx
render_pdf = _gold.render_pdf

# source file -> (output path relative to this folder, PDF running header or None for DOCX)
TARGETS: dict[str, tuple[str, str | None]] = {
    "ceantar_conditions.md": ("ceantar-council-ie/conditions_of_contract.docx", None),
    "ironbark_colocation.md": ("ironbark-colocation-sg/colocation_agreement.docx", None),
    "kasumi_agreement.md": (
        "kasumi-cloud-jp/service_agreement.pdf",
        "Kasumi Systems Co., Ltd. - Cloud Service Use Agreement (English Translation)",
    ),
    "lyra_agreement.md": (
        "lyra-model-training-us/training_agreement.pdf",
        "Lyra Models, Inc. - Custom Model Training Agreement",
    ),
}


def main() -> None:
    """Rebuild every binary held-out file listed in TARGETS."""
    _gold.build_all(TARGETS, SOURCES, HERE)


if __name__ == "__main__":
    main()
