"""What a fuzzer or a careless link puts in a query parameter: for tests that no page or
search fails on any of it."""

# Quotes, NUL, search syntax, odd Unicode, huge numbers.
ODD_VALUES = [
    '"',
    "'",
    "\x00",
    "%00",
    "\\",
    "a" * 10_000,
    "\u202e\u200f",  # right-to-left marks
    "🙂" * 50,
    "е\u0301" * 20,  # combining accents
    "-1",
    "99999999999999999999",
    "1e309",
    "NULL",
    "<script>",
    "a OR b AND NOT",  # search syntax
    "NEAR(",
]
