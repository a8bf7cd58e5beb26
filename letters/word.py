"""A filled-in letter as a Word document (python-docx).

Each line is a plain text run: python-docx writes its characters into the document's XML escaped,
so nothing a family types (angle brackets, asterisks, braces) can become markup or formatting.
"""

import re
from io import BytesIO

from docx import Document
from docx.shared import Pt

WORD_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Characters XML 1.0 cannot hold, which python-docx refuses. What a family types is cleaned before
# (placeholders.typed); a letter's words staff pasted into the admin may still carry one (a
# vertical tab or form feed from a Word file), and a family must still get their document.
NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def word_document(title: str, paragraphs: list[list[str]]) -> bytes:
    """The letter's paragraphs (each a list of lines) as a .docx file, in Arial 12 point."""
    document = Document()
    document.core_properties.title = NOT_IN_XML.sub("", title)
    # No author: python-docx's default ("python-docx") says nothing true, and the family's name
    # belongs in the letter only.
    document.core_properties.author = ""
    style = document.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12)
    for lines in paragraphs:
        paragraph = document.add_paragraph()
        for number, line in enumerate(lines):
            run = paragraph.add_run(NOT_IN_XML.sub("", line))
            if number < len(lines) - 1:
                run.add_break()
    out = BytesIO()
    document.save(out)
    return out.getvalue()
