"""Text as XML can hold it: every XLSX cell and feed the site writes goes through here."""

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE


def xml_text(value):
    """`value` without the control characters pasted text carries (Word's vertical tab, a
    stray \\x01 typed into a form): invisible on a page, but XML cannot hold them, and
    openpyxl and Django's feed writer refuse them with an error, a 500 for the whole file.
    One that is whitespace becomes a space. Anything but text stays as it is."""
    if not isinstance(value, str):
        return value
    return ILLEGAL_CHARACTERS_RE.sub(lambda match: " " if match.group().isspace() else "", value)
