"""Build the binary (DOCX and PDF) gold contracts from their plain-text sources.

The sources live in `_sources/` and use a tiny markup: `# ` document title, `## ` section heading,
`### ` sub-heading, `| a | b |` table rows (a `|---|` row is skipped), and blank-line separated
paragraphs. The same text therefore exists in the repository in readable form, and the labels in
`cases.yaml` quote it verbatim.

Run from the repository root:  python evals/datasets/gold/build_binary.py
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from docx import Document as DocxDocument
from fpdf import FPDF

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "_sources"


@dataclass
class Block:
    """One block of a source file: a heading (level 0-2), a paragraph, or a table."""

    kind: str  # "heading" | "para" | "table"
    text: str = ""
    level: int = 0
    rows: list[list[str]] | None = None


def parse_source(path: Path) -> list[Block]:
    """Split a markup-lite source file into blocks."""
    blocks: list[Block] = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        lines = [ln.strip() for ln in chunk.strip().splitlines() if ln.strip()]
        if not lines:
            continue
        if lines[0].startswith("|"):
            rows = [[c.strip() for c in ln.strip("|").split("|")] for ln in lines if not ln.startswith("|-")]
            blocks.append(Block("table", rows=rows))
        elif lines[0].startswith("#"):
            marks, _, title = lines[0].partition(" ")
            blocks.append(Block("heading", text=title, level=len(marks) - 1))
            if lines[1:]:
                blocks.append(Block("para", text=" ".join(lines[1:])))
        else:
            blocks.append(Block("para", text=" ".join(lines)))
    return blocks


def render_docx(src: Path, out: Path) -> None:
    """Render a source file as a DOCX with real headings and tables."""
    doc = DocxDocument()
    for block in parse_source(src):
        if block.kind == "heading":
            doc.add_heading(block.text, level=block.level)
        elif block.kind == "table" and block.rows:
            table = doc.add_table(rows=len(block.rows), cols=len(block.rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            doc.add_paragraph(block.text)
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(out))


class _RunningPdf(FPDF):
    """FPDF with a running header (document title) and footer ("Confidential - Page N")."""

    def __init__(self, header_text: str) -> None:
        super().__init__(format="A4")
        self.header_text = header_text

    def header(self) -> None:
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, self.header_text, align="R", new_x="LMARGIN", new_y="NEXT")
        self.ln(2)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font("Helvetica", "I", 8)
        self.cell(0, 6, f"Confidential - Page {self.page_no()}", align="C")


def render_pdf(src: Path, out: Path, header_text: str) -> None:
    """Render a source file as a multi-page PDF with a running header and footer."""
    pdf = _RunningPdf(header_text)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.add_page()
    for block in parse_source(src):
        if block.kind == "heading":
            size = {0: 14, 1: 11, 2: 10}.get(block.level, 10)
            pdf.set_font("Helvetica", "B", size)
            pdf.ln(2)
            pdf.multi_cell(0, 6, block.text, new_x="LMARGIN", new_y="NEXT")
        elif block.kind == "table" and block.rows:
            pdf.set_font("Helvetica", "", 9)
            with pdf.table() as table:
                for row in block.rows:
                    cells = table.row()
                    for cell in row:
                        cells.cell(cell)
        else:
            pdf.set_font("Helvetica", "", 10)
            pdf.multi_cell(0, 5, block.text, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(1.5)
    out.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(out))


# source file -> (output path relative to this folder, PDF running header or None for DOCX)
TARGETS: dict[str, tuple[str, str | None]] = {
    "northpeak_dpa.md": ("northpeak-dpa-uk/dpa.docx", None),
    "oakhurst_services.md": ("oakhurst-managed-services-uk/services_agreement.docx", None),
    "fernhill_hosting.md": (
        "fernhill-hosting-us/hosting_agreement.pdf",
        "Fernhill Data Centers - Hosting Agreement",
    ),
    "saltmarsh_msa.md": (
        "saltmarsh-analytics-us/msa.pdf",
        "Saltmarsh Insights, Inc. - Master Subscription Agreement",
    ),
}


def build_all(targets: dict[str, tuple[str, str | None]], sources: Path, folder: Path) -> None:
    """Render every target from its source (DOCX when it has no PDF header); paths relative to `folder`."""
    for name, (rel, header) in targets.items():
        src, out = sources / name, folder / rel
        if header is None:
            render_docx(src, out)
        else:
            render_pdf(src, out, header)
        print(f"built {out.relative_to(folder)}")


def main() -> None:
    """Rebuild every binary gold file listed in TARGETS."""
    build_all(TARGETS, SOURCES, HERE)


if __name__ == "__main__":
    main()
