"""What is kept of a visitor's comment: never an email address or a phone number. No Django.

The comment is cut to the form's length before any pattern reads it, and every repetition in the
patterns is bounded, so the work is at most a small multiple of 1,200 characters whatever is sent
(a 100 KB comment once held a worker for 30 seconds: probe 2026-12, finding 1).
"""

import re

# The form's limit (the textarea's maxlength). A browser counts a new line as one character but
# sends it as two (CR LF), so new lines are made single before the comment is measured.
COMMENT_MAX_LENGTH = 1200
REMOVED = "[removed]"

# Nothing reads more of what was sent than this: room for a full comment whose every character
# is a new line sent as CR LF, with control characters between. Slicing is not a pattern.
RECEIVED_MAX_LENGTH = 4 * COMMENT_MAX_LENGTH

# RFC 5321's limits: 64 characters before the @, 63 in each part of the domain; a few parts.
EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +: UK and
# international phone numbers as people type them, not a date such as 24/12/2026 or a year.
PHONE = re.compile(r"\+?\(?\d(?:[\s().-]{0,5}\d){6,40}")

# Control characters (Unicode category Cc) other than the new line are dropped: PostgreSQL cannot
# store NUL (a 500: probe finding 8), and none of them means anything in a comment. A tab
# becomes a space, so the words either side stay apart.
_PLAIN = str.maketrans(
    {
        **dict.fromkeys((*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0))),
        ord("\n"): "\n",
        ord("\t"): " ",
    }
)


def _plain(text: str) -> str:
    """The text with single new lines, tabs as spaces and no other control character."""
    return text.replace("\r\n", "\n").replace("\r", "\n").translate(_PLAIN)


def _cut(text: str) -> str:
    """At most COMMENT_MAX_LENGTH characters, ending at the end of a word: a word cut in two
    (half an email address, say) is dropped whole, so no pattern is needed to find it."""
    if len(text) <= COMMENT_MAX_LENGTH:
        return text
    end = COMMENT_MAX_LENGTH
    if not text[end].isspace():
        while end and not text[end - 1].isspace():
            end -= 1
    return text[:end]


def comment_to_keep(text: str) -> str:
    """The comment without control characters, cut to the form's length at a word's end, with
    email addresses and phone numbers replaced."""
    text = _cut(_plain((text or "")[:RECEIVED_MAX_LENGTH]).strip())
    text = EMAIL.sub(REMOVED, text)
    text = PHONE.sub(REMOVED, text)
    # "[removed]" may be longer than what it replaced: never keep more than the form allows.
    return text.strip()[:COMMENT_MAX_LENGTH]
