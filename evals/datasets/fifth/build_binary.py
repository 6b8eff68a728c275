"""Build the binary (DOCX and PDF) held-out contracts (set 5) from their plain-text sources.

The sources live in `_sources/` and use the gold set's markup-lite format; the renderer is the gold
builder, loaded by file path so that every set renders identically. Edit a source, then run:

    python evals/datasets/fifth/build_binary.py
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
    "hanbit_service_agreement.md": ("hanbit-saas-kr/service_agreement.docx", None),
    "alpenfirn_dpa.md": ("alpenfirn-dpa-ch/dpa.docx", None),
    "qasr_cloud_agreement.md": (
        "qasr-cloud-difc/cloud_services_agreement.pdf",
        "Qasr Cloud Technologies Ltd - Cloud Services Agreement",
    ),
    "ridgeline_subcontract.md": (
        "ridgeline-federal-sub/subcontract.pdf",
        "Ridgeline Mission Systems - Subcontract RMS-N00039-26-S-0417",
    ),
}


def _load_gold_builder() -> ModuleType:
    """Load the gold set's builder module by file path (the datasets are not a package)."""
    spec = importlib.util.spec_from_file_location("gold_build_binary", GOLD_BUILDER)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load the gold builder from {str(GOLD_BUILDER)!r}")
    module = importlib.util.module_from_spec(spec)
    # NOTE: dataclasses look the module up in sys.modules while the class body is executed
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_GOLD = _load_gold_builder()
# re-exported so tests can re-render one target and compare it with the committed binary
render_docx = _GOLD.render_docx
render_pdf = _GOLD.render_pdf


def main() -> None:
    """Rebuild every binary held-out file listed in TARGETS."""
    _GOLD.build_all(TARGETS, SOURCES, HERE)


if __name__ == "__main__":
    main()
