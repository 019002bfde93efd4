"""Writers' first drafts: each composer turns a report into a small document model that a renderer prints.

The model is plain data (headings with levels, paragraphs, bullet lists, tables, "to complete" callouts, charts)
so that the documents' outlines live here, once, and the .docx renderer (word/) only knows how to print blocks.
Composers never invent content: what the meeting did not produce becomes a visible "to complete" callout.

The package: model.py (the blocks), builder.py (what every composer writes with), minutes.py (compte rendu),
consolidation.py (compte rendu consolidé), strategy.py (SNI, SRI), papers.py (note de politique, document de position). The names
are those of exports/catalogue.py.
"""
from __future__ import annotations

from collections.abc import Callable

from ..report import Report
from .consolidation import compose_consolidation
from .minutes import compose_compte_rendu
from .model import (Block, BulletList, Callout, Cell, Cover, DocumentModel, Facts, Figure, Heading, PageBreak, Paragraph,
                    Picture, TableBlock, ToComplete)
from .papers import compose_document_de_position, compose_note_de_politique
from .strategy import compose_sni, compose_sri
from .training import compose_rapport_renforcement

__all__ = ["COMPOSERS", "Block", "BulletList", "Callout", "Cell", "Cover", "DocumentModel", "Facts", "Figure",
           "Heading", "PageBreak", "Paragraph", "Picture", "TableBlock", "ToComplete", "compose"]


COMPOSERS: dict[str, Callable[[Report], DocumentModel]] = {
    "compte-rendu": compose_compte_rendu,
    "compte-rendu-consolide": compose_consolidation,
    "sni": compose_sni,
    "note-de-politique": compose_note_de_politique,
    "sri": compose_sri,
    "document-de-position": compose_document_de_position,
    "rapport-renforcement": compose_rapport_renforcement,
}


def compose(report: Report, name: str) -> DocumentModel:
    """The document called ``name`` (one of COMPOSERS) for this report."""
    try:
        composer = COMPOSERS[name]
    except KeyError:
        raise ValueError(f"unknown document {name!r}; expected one of {', '.join(COMPOSERS)}") from None
    return composer(report)
