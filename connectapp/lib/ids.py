"""Database ids taken from a request (a query string, a form field).

`str.isdigit()` is true for characters such as "²" that `int()` refuses, and
`int()` alone accepts spaces, signs, underscores and digits from any script.
Every id that a view reads from request data goes through `id_from`.
"""

# The largest value of a 64-bit signed primary key.
MAX_ID = 2**63 - 1


def id_from(value: object) -> int | None:
    """The positive id that `value` spells in ASCII digits, or None."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    if len(value) > len(str(MAX_ID)):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
