"""Render the labelled sets' DOCX and PDF contracts (and the sample family's) from readable sources.

A source is a markup-lite text file: `# ` document title, `## ` section heading, `### ` sub-heading,
`| a | b |` table rows (a `|---|` row is skipped) and blank-line separated paragraphs. The same text
therefore lives in the repository in readable form, and the labels quote it verbatim. Each set lists its
binaries in `binaries.yaml` beside its `cases.yaml`:

    targets:
      - source: northpeak_dpa.md            # in the set's _sources/ folder
        output: northpeak-dpa-uk/dpa.docx   # relative to the set's folder
      - source: saltmarsh_msa.md
        output: saltmarsh-analytics-us/msa.pdf
        header: "Saltmarsh Insights, Inc. - Master Subscription Agreement"   # PDF running header

Run from the repository root:  python -m evals.build_binaries gold fourth ...   (no name: every set)
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from docx import Document as DocxDocument
from fpdf import FPDF

DATASETS = Path(__file__).resolve().parent / "datasets"


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


@dataclass(frozen=True)
class Target:
    """One binary of a set: its source, where it goes, and (for a PDF) the running header."""

    source: Path
    output: Path
    header: str | None = None

    def render(self, out: Path | None = None) -> Path:
        """Render to `out` (default: the committed location); returns the path written."""
        path = out or self.output
        if self.output.suffix == ".pdf":
            render_pdf(self.source, path, self.header or "")
        else:
            render_docx(self.source, path)
        return path


def targets(folder: Path) -> list[Target]:
    """The binaries listed in `folder/binaries.yaml` (none when the set has no such file)."""
    listing = folder / "binaries.yaml"
    if not listing.is_file():
        return []
    data = yaml.safe_load(listing.read_text(encoding="utf-8")) or {}
    return [
        Target(folder / "_sources" / t["source"], folder / t["output"], t.get("header"))
        for t in data.get("targets", [])
    ]


def main(argv: list[str] | None = None) -> int:
    """Rebuild the binaries of the named sets (every set with a binaries.yaml when none is named)."""
    names = (sys.argv[1:] if argv is None else argv) or sorted(
        p.name for p in DATASETS.iterdir() if p.is_dir()
    )
    for name in names:
        for target in targets(DATASETS / name):
            print(f"built {target.render().relative_to(DATASETS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
