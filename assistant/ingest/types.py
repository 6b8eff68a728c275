"""Internal plumbing shared by the format readers and the segmenter."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.models import Page


@dataclass
class Extracted:
    """What a format reader hands to the common pipeline.

    `headings` maps the offset of a line that the source marks as a heading (a DOCX heading style or
    all-bold paragraph, an HTML <h1>-<h6>) to its level (1 = top); the segmenter finds numbered and
    ALL-CAPS headings itself.
    """

    text: str
    pages: list[Page]
    headings: dict[int, int] = field(default_factory=dict)
    title: str | None = None
    # NOTE: PDF and plain-text lines may be wrapped mid-sentence ("within thirty" / "(30) days"); in
    # DOCX and HTML every line is a paragraph or a manual break, so numbers at line starts are trusted
    wrapped: bool = True
