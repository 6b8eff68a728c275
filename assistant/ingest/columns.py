"""Two-column PDF pages: read the left column, then the right one.

pypdf's default extraction follows the content stream and puts text drawn at the same height on one
line, so a page written row by row comes out as "left line 1 right line 1 / left line 2 ...". Here the
text pieces are placed by their positions: a page is two-column when a vertical gutter in the middle of
the text block is clear of text on nearly every line, and both sides of it hold prose (lines that run
most of the way across their column, which rules out tables with short cells and side-by-side signature
blocks). Lines that cross the gutter (titles, centred headings, full-width paragraphs) are kept whole and
cut the page into bands; each band is emitted left column first. Headers and footers separated from the
columns by a clear gap stay at the top and bottom of the page, where `cleanup` removes them.

The positions come from pypdf's layout-mode internals; when they are unavailable the page keeps pypdf's
default text (`two_column_text` returns None).
"""

from __future__ import annotations

import logging
import statistics
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)
# NOTE: layout mode warns about text it leaves out ("Rotated text discovered"); here that only means a
# watermark or a sideways label takes no part in finding columns, so the warnings are noise
logging.getLogger("pypdf._text_extraction._layout_mode").setLevel(logging.ERROR)

_MIN_LINES = 8  # fewer lines than this give no reliable gutter
_MIDDLE = (0.25, 0.75)  # where a gutter may lie, as fractions of the text block's width
_SPANNING = 0.15  # share of lines that may cross the gutter (titles, centred headings, full-width text)
_SIDE_LINES = 3  # lines each side must hold (a last page may end early in its right column)
_PROSE_REACH = 0.6  # prose lines reach this far across their column ...
_PROSE_SHARE = 0.4  # ... on at least this share of the side's lines
_EDGE_GAP = 2.5  # a header/footer line is this many line pitches away from the columns


@dataclass(frozen=True)
class Piece:
    """One run of text drawn at (x0, y) up to x1, in page units; `y` grows upwards."""

    x0: float
    x1: float
    y: float
    size: float
    text: str


@dataclass
class Row:
    """Pieces sharing a baseline, left to right."""

    y: float
    pieces: list[Piece]

    @property
    def x0(self) -> float:
        return self.pieces[0].x0

    @property
    def x1(self) -> float:
        return max(p.x1 for p in self.pieces)


@dataclass(frozen=True)
class Gutter:
    lo: float
    hi: float

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2


def two_column_text(page: Any) -> str | None:
    """The page's text read column by column when it is a two-column page, else None."""
    try:
        pieces = page_pieces(page)
    except Exception as exc:  # NOTE: private pypdf API or an odd page: keep pypdf's default text
        log.debug("no text positions for column detection: %s", exc)
        return None
    return columns_text(pieces)


def columns_text(pieces: list[Piece]) -> str | None:
    """Text of positioned pieces read column by column, or None when they are not two columns."""
    rows = group_rows(pieces)
    gutter = find_gutter(rows)
    if gutter is None:
        return None
    return "\n".join(reading_order(rows, gutter))


def page_pieces(page: Any) -> list[Piece]:
    """Upright text pieces of a pypdf page with their extents (one per text-show operator)."""
    # NOTE: pypdf has no public API for glyph positions; its layout mode computes them per text-show
    # operator (with real font widths), which is what this reuses.
    from pypdf._text_extraction._layout_mode._fixed_width_page import recurse_to_target_op, set_font_operation
    from pypdf._text_extraction._layout_mode._text_state_manager import TextStateManager

    contents = page.get_contents()
    if contents is None:
        return []
    fonts = page._layout_mode_fonts()
    ops = iter(contents.operations)
    state = TextStateManager()
    tjs: list[Any] = []
    for operands, op in ops:
        if op in (b"BT", b"q"):
            tjs.extend(recurse_to_target_op(ops, state, b"ET" if op == b"BT" else b"Q", fonts, True)[1])
        elif op == b"Tf":
            set_font_operation(state, fonts, operands)
        else:
            state.set_state_param(op, operands)
    return [_piece(tj) for tj in tjs if _upright(tj) and tj.text.strip()]


def _upright(tj: Any) -> bool:
    return not tj.rotated and tj.font.interpretable and tj.font_height > 0


def _piece(tj: Any) -> Piece:
    y = -tj.ty if tj.flip_vertical else tj.ty
    x0, x1 = sorted((tj.tx, tj.displaced_tx))
    return Piece(x0=x0, x1=x1, y=y, size=tj.font_height, text=tj.text)


def group_rows(pieces: list[Piece]) -> list[Row]:
    """Pieces grouped into lines (baselines within half a font height), top line first."""
    rows: list[Row] = []
    for piece in sorted(pieces, key=lambda p: (-p.y, p.x0)):
        row = rows[-1] if rows else None
        if row is not None and row.y - piece.y <= 0.5 * min(piece.size, row.pieces[0].size):
            row.pieces.append(piece)
        else:
            rows.append(Row(y=piece.y, pieces=[piece]))
    for row in rows:
        row.pieces.sort(key=lambda p: p.x0)
    return rows


def _spans(row: Row) -> list[tuple[float, float]]:
    """The row's inked stretches, word gaps (narrower than any gutter) bridged."""
    spans: list[tuple[float, float]] = []
    for p in row.pieces:
        if spans and p.x0 - spans[-1][1] < 0.75 * p.size:
            spans[-1] = (spans[-1][0], max(spans[-1][1], p.x1))
        else:
            spans.append((p.x0, p.x1))
    return spans


def _coverage(rows: list[Row], lo: float, hi: float) -> list[int]:
    """How many rows have ink over each 1-unit column from `lo` to `hi`."""
    width = int(hi - lo) + 1
    diff = [0] * (width + 1)
    for row in rows:
        for a, b in _spans(row):
            diff[max(0, int(a - lo))] += 1
            diff[min(width, int(b - lo) + 1)] -= 1
    counts, running = [], 0
    for d in diff[:width]:
        running += d
        counts.append(running)
    return counts


def find_gutter(rows: list[Row]) -> Gutter | None:
    """The gutter between two prose columns, or None when the rows are not laid out in two columns."""
    if len(rows) < _MIN_LINES:
        return None
    left, right = min(r.x0 for r in rows), max(r.x1 for r in rows)
    counts = _coverage(rows, left, right)
    gutter = _widest_clear_run(counts, left, right, allowed=int(_SPANNING * len(rows)))
    size = statistics.median(p.size for r in rows for p in r.pieces)
    if gutter is None or gutter.hi - gutter.lo < 0.8 * size:
        return None
    lefts, rights = _sides(rows, gutter)
    if min(len(lefts), len(rights)) < _SIDE_LINES:
        return None
    if not (_is_prose(lefts, gutter.lo) and _is_prose(rights, right)):
        return None
    return gutter


def _widest_clear_run(counts: list[int], left: float, right: float, allowed: int) -> Gutter | None:
    """The widest stretch in the middle zone inked by the fewest rows (at most `allowed`: the rows that
    cross it), widened while no more rows ink it; a short column beside it is more than that."""
    width = right - left
    start, stop = int(_MIDDLE[0] * width), int(_MIDDLE[1] * width)
    fewest = min(counts[start:stop], default=allowed + 1)
    if fewest > allowed:
        return None
    best: tuple[int, int] | None = None
    run_start: int | None = None
    for i in range(start, stop + 1):
        clear = i < stop and counts[i] <= fewest
        if clear and run_start is None:
            run_start = i
        elif not clear and run_start is not None:
            if best is None or i - run_start > best[1] - best[0]:
                best = (run_start, i)
            run_start = None
    if best is None:  # NOTE: cannot happen (the fewest count is in the zone); keeps the types plain
        return None
    lo, hi = best
    while lo > 0 and counts[lo - 1] <= fewest:
        lo -= 1
    while hi < len(counts) and counts[hi] <= fewest:
        hi += 1
    return Gutter(lo=left + lo, hi=left + hi)


def _crosses(row: Row, gutter: Gutter) -> bool:
    """Does a stretch of the row's text run across the middle of the gutter (a title, a centred heading,
    a full-width line)? A column line that only reaches into the gutter does not."""
    return any(a < gutter.mid < b for a, b in _spans(row))


def _sides(rows: list[Row], gutter: Gutter) -> tuple[list[Row], list[Row]]:
    """The left and the right parts of the rows that do not cross the gutter (empty parts left out)."""
    lefts, rights = [], []
    for row in rows:
        if _crosses(row, gutter):
            continue
        left = [p for p in row.pieces if p.x1 <= gutter.mid]
        right = [p for p in row.pieces if p.x1 > gutter.mid]
        if left:
            lefts.append(Row(row.y, left))
        if right:
            rights.append(Row(row.y, right))
    return lefts, rights


def _is_prose(lines: list[Row], edge: float) -> bool:
    """Is this side a column of prose ending at `edge`: enough lines start at its margin and run most of
    the way to the edge in one stretch? Table cells are short or several to a line; labels are short."""
    start = min(line.x0 for line in lines)
    reach = start + _PROSE_REACH * (edge - start)
    long_lines = sum(
        1
        for line in lines
        if line.x0 <= start + 4 * line.pieces[0].size and line.x1 >= reach and len(_spans(line)) == 1
    )
    return long_lines >= _PROSE_SHARE * len(lines)


def reading_order(rows: list[Row], gutter: Gutter) -> list[str]:
    """Lines of the page: crossing rows in place, each band between them left column then right."""
    lines: list[str] = []
    band: list[Row] = []
    for row in rows:
        if _crosses(row, gutter):
            lines.extend(_band_lines(band, gutter, _pitch(rows)))
            lines.append(_line(row.pieces))
            band = []
        else:
            band.append(row)
    lines.extend(_band_lines(band, gutter, _pitch(rows)))
    return [ln for ln in lines if ln]


def _pitch(rows: list[Row]) -> float:
    gaps = [a.y - b.y for a, b in zip(rows, rows[1:], strict=False)]
    return statistics.median(gaps) if gaps else 0.0


def _band_lines(band: list[Row], gutter: Gutter, pitch: float) -> list[str]:
    """A band's lines: a header above and a footer below (set apart by a gap) in place, the rest by
    column."""
    head, body, foot = _split_edges(band, pitch)
    lines = [_line(r.pieces) for r in head]
    lines += [_line([p for p in r.pieces if p.x1 <= gutter.mid]) for r in body]
    lines += [_line([p for p in r.pieces if p.x1 > gutter.mid]) for r in body]
    return lines + [_line(r.pieces) for r in foot]


def _split_edges(band: list[Row], pitch: float) -> tuple[list[Row], list[Row], list[Row]]:
    lo, hi = 0, len(band)
    while hi - lo > 1 and band[lo].y - band[lo + 1].y > _EDGE_GAP * pitch:
        lo += 1
    while hi - lo > 1 and band[hi - 2].y - band[hi - 1].y > _EDGE_GAP * pitch:
        hi -= 1
    return band[:lo], band[lo:hi], band[hi:]


def _line(pieces: list[Piece]) -> str:
    """Pieces of one line joined left to right, a space where they are set apart."""
    out = ""
    prev: Piece | None = None
    for p in pieces:
        if prev is not None and p.x0 - prev.x1 > 0.1 * p.size and not out.endswith(" "):
            out += " "
        out += p.text
        prev = p
    return " ".join(out.split())
