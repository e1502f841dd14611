"""How a document is announced wherever it is linked: its type and size, so that a
visitor knows what they will download (ГОСТ Р 52872-2019)."""

from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from wagtail.documents.rich_text import DocumentLinkHandler


def document_meta(document):
    """E.g. «PDF, 2,0 КБ»; the type alone when the size is unknown."""
    parts = [document.file_extension.upper()]
    if document.file_size:
        parts.append(filesizeformat(document.file_size))
    return ", ".join(parts)


class DocumentLinkWithMeta(DocumentLinkHandler):
    """A document linked from rich text carries its type and size for the stylesheet to
    show after the link text (rich text keeps the link text; the handler writes only the
    opening tag)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        return [
            format_html(
                '<a href="{}" data-document-meta="{}">', document.url, document_meta(document)
            )
            if document
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]
