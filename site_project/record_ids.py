"""Record ids as they come in addresses and parameters. A view looks a record up only by a
well-formed id: «abc», or a number too large for the database's integer, finds nothing
instead of making the database driver fail (a 500)."""

# Ids are positive 64-bit integers.
MAX_ID = 2**63 - 1
# int() refuses a string of over 4,300 digits; no id has more than these.
MAX_DIGITS = len(str(MAX_ID))


def record_id(value):
    """The id `value` (a string or a number) names, or None if it names none."""
    text = str(value)
    # str.isdigit() alone accepts "²" and "٣", which int() then rejects or misreads.
    if not (text.isascii() and text.isdigit()) or len(text) > MAX_DIGITS:
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def record_ids(values):
    """The ids among `values`; what names none is left out."""
    return [number for number in map(record_id, values) if number is not None]
