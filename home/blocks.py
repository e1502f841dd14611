"""StreamField blocks shared by every page type that has a free-form body."""

from django.core.exceptions import ValidationError
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


def heading_level(block):
    """The level (2 to 4) of the heading a body's block shows, or None."""
    if block.block_type == "heading":
        return int(block.value["level"][1])
    if block.block_type == "documents" and block.value["heading"]:
        return 2  # home/blocks/document_links.html
    return None


class BodyBlock(blocks.StreamBlock):
    """A page's text below its title (the h1). Its headings go down one level at a time: a
    screen reader lists them as the page's outline, where a skipped level reads as a
    missing part."""

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

    def clean(self, value):
        value = super().clean(value)
        errors, previous = {}, 1
        for index, block in enumerate(value):
            level = heading_level(block)
            if level is None:
                continue
            if level > previous + 1:
                message = (
                    _("This heading skips a level: the text's first heading is a heading 2.")
                    if previous == 1
                    else _(
                        "This heading skips a level: after heading %(previous)s comes heading "
                        "%(allowed)s or a higher one (a smaller number)."
                    )
                    % {"previous": previous, "allowed": previous + 1}
                )
                if block.block_type == "heading":
                    errors[index] = blocks.StructBlockValidationError(
                        block_errors={"level": ValidationError(message)}
                    )
                else:
                    errors[index] = ValidationError(message)
            previous = level
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return value
