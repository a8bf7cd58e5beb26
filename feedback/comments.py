"""What is kept of a visitor's comment: never an email address or a phone number. No Django."""

import re

COMMENT_MAX_LENGTH = 1200
REMOVED = "[removed]"

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, allowing spaces, dots, dashes, brackets and a leading +: UK and
# international phone numbers as people type them, not a date such as 24/12/2026 or a year.
PHONE = re.compile(r"\+?\(?\d(?:[\s().-]*\d){6,}")


def comment_to_keep(text: str) -> str:
    """The comment with email addresses and phone numbers replaced, trimmed and cut to length."""
    text = EMAIL.sub(REMOVED, text or "")
    text = PHONE.sub(REMOVED, text)
    return text.strip()[:COMMENT_MAX_LENGTH]
