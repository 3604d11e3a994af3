"""Plain-text articles: an optional title line, then the body as written.

Title rule: the first line is the title when it is followed by a blank line,
is at most ``MAX_TITLE_CHARS`` long, does not end with ``.``, ``,``, ``;`` or
``:`` (headlines rarely do; a lead sentence does), and some text follows.
The title is then removed from the body.  Otherwise there is no title and the
whole file is the body.
"""

from __future__ import annotations

MAX_TITLE_CHARS = 200
_NOT_TITLE_ENDINGS = (".", ",", ";", ":")


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)`` of a plain-text article, per the module's title rule."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\n")
    first, sep, rest = text.partition("\n")
    title = first.strip()
    if (
        sep
        and title
        and len(title) <= MAX_TITLE_CHARS
        and not title.endswith(_NOT_TITLE_ENDINGS)
        and rest.split("\n", 1)[0].strip() == ""
        and rest.strip()
    ):
        return title, rest
    return None, text
