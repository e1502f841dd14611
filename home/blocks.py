"""StreamField blocks shared by every page type that has a free-form body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3")), ("h4", _("Heading 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"),
        required=False,
        help_text=_("Leave empty to use the document's title."),
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False)
    documents = blocks.ListBlock(DocumentLinkBlock(), label=_("Documents"))

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document links")
        template = "home/blocks/document_links.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"),
        help_text=_("Screen readers announce it before the table."),
    )
    table = TableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        label = _("Table")
        template = "home/blocks/table.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Wagtail's table template captions the table with the table's own `table_caption`.
        captioned = {**(value["table"] or {}), "table_caption": value["caption"]}
        context["table"] = self.child_blocks["table"].render(captioned, context)
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "ol", "ul", "link", "document-link"],
        template="home/blocks/paragraph.html",
    )
    image = ImageBlock(label=_("Image"), template="home/blocks/image.html")
    documents = DocumentLinksBlock()
    table = CaptionedTableBlock()
    quote = QuoteBlock()
