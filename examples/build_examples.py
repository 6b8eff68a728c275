"""Build the binary files of the shipped sample family `examples/acme-cloud/`.

The MSA (PDF, running header and "Confidential - Page N" footer) and the DPA (DOCX, headings and a
sub-processor table) are rendered from the readable sources in `examples/sources/` with the same
renderer as the gold set (`evals/datasets/gold/build_binary.py`). The order form is plain text and
is edited directly.

Run from the repository root:  python examples/build_examples.py
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
FAMILY = HERE / "acme-cloud"
RENDERER = HERE.parent / "evals" / "datasets" / "gold" / "build_binary.py"


def load_renderer() -> ModuleType:
    """Import the gold set's DOCX/PDF renderer by file path (the datasets folder is not a package)."""
    spec = importlib.util.spec_from_file_location("gold_build_binary", RENDERER)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"renderer {str(RENDERER)!r} not found; run from a full checkout")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NOTE: dataclasses look their module up in sys.modules
    spec.loader.exec_module(module)
    return module


def main() -> None:
    """Render msa.pdf and dpa.docx of the acme-cloud family."""
    renderer = load_renderer()
    msa, dpa = FAMILY / "msa.pdf", FAMILY / "dpa.docx"
    renderer.render_pdf(
        SOURCES / "nimbus_msa.md", msa, "Nimbus Analytics Ltd - Master Subscription Agreement"
    )
    renderer.render_docx(SOURCES / "nimbus_dpa.md", dpa)
    for out in (msa, dpa):
        print(f"built {out.relative_to(HERE)}")


if __name__ == "__main__":
    main()
