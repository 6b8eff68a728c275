"""Build the binary (DOCX and PDF) held-out contracts from their plain-text sources in `_sources/`.

Reuses the gold set's renderer (same markup-lite format and output) by loading it from its file path,
so both sets are built the same way. Edit the source and re-run; never edit a binary.

Run from the repository root:  python evals/datasets/sixth/build_binary.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "_sources"
GOLD_BUILDER = HERE.parent / "gold" / "build_binary.py"

# source file -> (output path relative to this folder, PDF running header or None for DOCX)
TARGETS: dict[str, tuple[str, str | None]] = {
    "vistula_outsourcing.md": ("vistula-outsourcing-pl/outsourcing_agreement.docx", None),
    "kinfold_nhs_dpc.md": ("kinfold-nhs-dpc/data_processing_contract.docx", None),
    "shomer_terms.md": (
        "shomer-cyber-il/platform_terms.pdf",
        "Shomer Cyber Defence Ltd. - Platform Subscription Terms",
    ),
    "lexbridge_hosting.md": (
        "lexbridge-ediscovery/hosting_agreement.pdf",
        "Lexbridge Discovery Hosting LLC - Master Hosting and Review Services Agreement",
    ),
}


def load_gold_builder() -> ModuleType:
    """Import the gold set's build_binary.py by path (the datasets folders are not packages)."""
    spec = importlib.util.spec_from_file_location("gold_build_binary", GOLD_BUILDER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the gold builder from {str(GOLD_BUILDER)!r}")
    module = importlib.util.module_from_spec(spec)
    # NOTE: dataclasses look the module up in sys.modules while the gold builder is executed
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_GOLD = load_gold_builder()
# the renderers, exposed so tests can rebuild one target and compare it with the committed file
render_docx = _GOLD.render_docx
render_pdf = _GOLD.render_pdf


def main() -> None:
    """Rebuild every binary held-out file listed in TARGETS."""
    _GOLD.build_all(TARGETS, SOURCES, HERE)


if __name__ == "__main__":
    main()
