"""The article side of postil: loading, cleaning, the Document model and analysis.

This package never imports Textual or the other postil packages.
"""

from content.clean import clean_line, clean_text
from content.document import Block, Document, InlineStyle, Sentence, Span
from content.errors import ContentError
from content.load import SAMPLE_SOURCE, STDIN_SOURCE, load_document

__all__ = [
    "SAMPLE_SOURCE",
    "STDIN_SOURCE",
    "Block",
    "ContentError",
    "Document",
    "InlineStyle",
    "Sentence",
    "Span",
    "clean_line",
    "clean_text",
    "load_document",
]
