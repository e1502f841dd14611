"""The demo's documents: small Word files written in code from the demo data, or a file
kept beside it (the roadmap), saved as Wagtail documents in the site's collection."""

import io

import docx
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from programmes.schools import default_school


def docx_file(heading, title, lines):
    """A small Word document: a heading (the school), a title and a few paragraphs."""
    document = docx.Document()
    document.add_paragraph(heading)
    document.add_heading(title, level=1)
    for line in lines:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def demo_document(spec, content_folder, school_name):
    """The Wagtail document of the demo data's document `spec`: the one with its title if
    there is one, so that a second run makes no twin, else a new one."""
    title = spec["title"]["ru"]
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is None:
        if "file" in spec:
            data = (content_folder / spec["file"]).read_bytes()
        else:
            data = docx_file(school_name, title, spec["paragraphs"])
        document = Document(
            title=title,
            file=ContentFile(data, name=f"{spec['name']}.docx"),
            collection=default_school().collection,
        )
        document.file_size = len(data)
        document.file_hash = hash_filelike(io.BytesIO(data))
        document.save()
    return document
