"""What is kept of a comment: a long one costs no more than one the form allows (probe 2026-12,
finding 1), and no control character reaches the database (finding 8). No timing here: the speed
is measured by benchmarks/feedback_comments.py; these prove why it is fast."""

import re
from re import _constants as sre_constants
from re import _parser as sre_parser

import pytest

from feedback import comments
from feedback.comments import COMMENT_MAX_LENGTH, REMOVED, comment_to_keep

KB = 1000


class Spy:
    """A compiled pattern that records the length of every text it is run on."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.lengths: list[int] = []

    def sub(self, replacement, text):
        self.lengths.append(len(text))
        return self.pattern.sub(replacement, text)


@pytest.fixture
def read_lengths(monkeypatch):
    """The length of each text the email and phone patterns were run on."""
    spies = [Spy(comments.EMAIL), Spy(comments.PHONE)]
    monkeypatch.setattr(comments, "EMAIL", spies[0])
    monkeypatch.setattr(comments, "PHONE", spies[1])
    yield lambda: [length for spy in spies for length in spy.lengths]


LONG_COMMENTS = {
    # The probe's comment: one endless word, where `[\w.+-]+@` tried every start to the end.
    "100 KB of letters": "a" * (100 * KB),
    "2 MB of letters": "a" * (2000 * KB),
    "100 KB of words": "word " * (20 * KB),
    "100 KB of digits and spaces": "1 " * (50 * KB),
    "100 KB of dots": "a." * (50 * KB),
    "2 MB of emails": "jane.smith@example.org " * (90 * KB),
    "2 MB of NUL bytes then words": "\x00" * (1000 * KB) + "word " * (200 * KB),
}


@pytest.mark.parametrize("text", LONG_COMMENTS.values(), ids=LONG_COMMENTS.keys())
def test_a_long_comment_is_cut_to_the_forms_length_before_any_pattern_reads_it(read_lengths, text):
    kept = comment_to_keep(text)
    lengths = read_lengths()
    assert lengths, "the patterns were not run"
    assert max(lengths) <= COMMENT_MAX_LENGTH
    assert len(kept) <= COMMENT_MAX_LENGTH
    assert "@" not in kept


def _repeats(parsed):
    """Every repetition's (min, max) in a parsed pattern, nested ones included."""
    for op, value in parsed:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
            low, high, inner = value
            yield low, high
            yield from _repeats(inner)
        elif op is sre_constants.SUBPATTERN:
            yield from _repeats(value[-1])
        elif op is sre_constants.BRANCH:
            for branch in value[1]:
                yield from _repeats(branch)


@pytest.mark.parametrize("pattern", [comments.EMAIL, comments.PHONE], ids=["email", "phone"])
def test_every_repetition_in_the_patterns_is_bounded(pattern):
    # With at most 1,200 characters and no unbounded repetition, each start position is tried
    # over a bounded stretch: the work grows with the length, never with its square.
    repeats = list(_repeats(sre_parser.parse(pattern.pattern)))
    assert repeats
    assert all(high != sre_constants.MAXREPEAT and high <= 64 for _, high in repeats), repeats


def test_a_cut_comment_ends_at_a_whole_word_so_half_an_email_address_is_never_kept():
    text = "x " * 595 + "jane.smith@example.org and more"
    assert len(text) > COMMENT_MAX_LENGTH
    kept = comment_to_keep(text)
    assert kept == ("x " * 595).strip()
    assert "jane" not in kept


def test_a_phone_number_cut_by_the_limit_is_still_removed():
    text = "Too many steps, call me on " + "x " * 581 + "020 8825 5588"
    assert text[:COMMENT_MAX_LENGTH].endswith("020 8825 55")
    assert comment_to_keep(text).endswith(REMOVED)


def test_a_full_comment_as_a_browser_sends_it_is_kept_whole():
    # maxlength counts a new line once; the browser sends it as CR LF.
    typed = "\n".join(["Too many steps on this page."] * 40)[:COMMENT_MAX_LENGTH]
    assert comment_to_keep(typed.replace("\n", "\r\n")) == typed.strip()


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("a\x00b", "ab"),  # PostgreSQL cannot store NUL: a 500 before (finding 8)
        ("Line one\r\nLine two\rLine three", "Line one\nLine two\nLine three"),
        ("one\ttwo", "one two"),
        ("bell\x07, escape\x1b[31m, delete\x7f, C1\x85\x9f", "bell, escape[31m, delete, C1"),
        ("form\x0cfeed and vertical\x0btab", "formfeed and verticaltab"),
        ("Zażółć, اردو and ‘quotes’ stay", "Zażółć, اردو and ‘quotes’ stay"),
    ],
)
def test_control_characters_are_removed_and_new_lines_kept(written, kept):
    assert comment_to_keep(written) == kept


def test_a_control_character_cannot_hide_an_email_address():
    assert comment_to_keep("jane\x00.smith@example.org") == REMOVED
