"""Text folded for search, so that neither case nor accents decide a match.

"Música", "MUSICA" and "musica" all fold to "musica"; "Niño" to "nino". A
Spanish speaker often types without accents, and an English speaker may
type a Spanish word they saw without them.
"""

import unicodedata


def fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def folded_words(text: str) -> list[str]:
    """The words of a search, folded, each once, in the order typed."""
    return list(dict.fromkeys(fold(text).split()))
