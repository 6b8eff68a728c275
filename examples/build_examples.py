"""Build the binary files of the shipped sample family `examples/acme-cloud/`.

The MSA (PDF, running header and "Confidential - Page N" footer) and the DPA (DOCX, headings and a
sub-processor table) are rendered from the readable sources in `examples/sources/` with the renderer of
the labelled sets (`evals/build_binaries.py`). The order form is plain text and is edited directly.

Run from the repository root with the project installed:  .venv/bin/python examples/build_examples.py
"""

from __future__ import annotations

from pathlib import Path

from evals.build_binaries import render_docx, render_pdf

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "sources"
FAMILY = HERE / "acme-cloud"


def main() -> None:
    """Render msa.pdf and dpa.docx of the acme-cloud family."""
    msa, dpa = FAMILY / "msa.pdf", FAMILY / "dpa.docx"
    render_pdf(SOURCES / "nimbus_msa.md", msa, "Nimbus Analytics Ltd - Master Subscription Agreement")
    render_docx(SOURCES / "nimbus_dpa.md", dpa)
    for out in (msa, dpa):
        print(f"built {out.relative_to(HERE)}")


if __name__ == "__main__":
    main()
