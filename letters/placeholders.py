"""The fixed set of placeholders a letter's words may use, and how a letter is filled in.

No Django here: the model refuses a body with an unknown placeholder (`unknown_placeholders`), the
form asks for exactly the placeholders a body uses (`asked_in`), and `fill` turns a body and the
family's answers into paragraphs of plain text lines. The letter a family sends is in English; on a
page in another language the site also fills the letter's translation, with the words the site
puts in (a decision, a time limit, a date) in that language: `words_for` takes the translating and
date-writing functions, which the view gives it. Escaping is the output's job (the HTML
template escapes, the Word document holds plain text runs), so nothing here is markup.

A line whose placeholder the family left empty is left out, so optional details sit on lines of
their own. Values are put in once, in one pass: a family typing "{child_name}" gets those words.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

# Anything in single braces is meant as a placeholder: "{Child name}" is refused, not printed.
PLACEHOLDER = re.compile(r"\{([^{}\n]*)\}")

TEXT, LONG_TEXT, DATE, CHOICE = "text", "long-text", "date", "choice"


def _(words: str) -> str:
    """Marks words for translation (`manage.py makemessages` finds `_`): the form's labels, which
    the form translates when it asks, and the words put into a letter, which stay English in the
    letter sent and are translated in the family's copy (`words_for`)."""
    return words


@dataclass(frozen=True)
class Placeholder:
    """One thing a letter can say: what the family is asked, or what the site works out."""

    label: str
    hint: str = ""
    kind: str = TEXT
    required: bool = False
    # The query-string key a plan or the council deadlines page may fill it from. Only values that
    # are not personal (a decision type, a date, a regulation) ever have one; names never do.
    prefill_key: str = ""
    # (value, label on the form, words in the letter) for a choice.
    choices: tuple[tuple[str, str, str], ...] = ()
    # Worked out by the site (today's date, a regulation's words), never asked.
    worked_out: bool = False


# SEND Code of Practice 11.45 and Children and Families Act 2014 s.51(2): the decisions that can be
# appealed, with the questionnaire's own codes (guidance/flow.py), so a plan can link here. The
# words are a noun phrase: a letter writes "your {decision}" or "the council’s {decision}".
DECISIONS = (
    (
        "refuse-assessment",
        _("Not to carry out an EHC needs assessment"),
        _("decision not to carry out an education, health and care (EHC) needs assessment"),
    ),
    (
        "refuse-reassessment",
        _("Not to carry out a new EHC needs assessment (a re-assessment)"),
        _("decision not to carry out a new EHC needs assessment (a re-assessment)"),
    ),
    (
        "refuse-plan",
        _("Not to issue an EHC plan after an assessment"),
        _("decision not to issue an EHC plan after the EHC needs assessment"),
    ),
    (
        "plan-contents",
        _("What the EHC plan says about needs or support"),
        _(
            "decision about what the EHC plan says about my child’s needs and the help they will get"
        ),
    ),
    (
        "placement-only",
        _("The school or college named in the EHC plan"),
        _("decision about the school or college named in the EHC plan"),
    ),
    (
        "refuse-amend",
        _("Not to change the EHC plan after a review"),
        _("decision not to change the EHC plan after the review"),
    ),
    ("cease-plan", _("To stop the EHC plan"), _("decision to stop the EHC plan")),
    (
        "other",
        _("Another decision"),
        _("recent decision about my child’s special educational needs"),
    ),
)


@dataclass(frozen=True)
class CouncilTimeLimit:
    """A time limit the council must meet, as a chasing letter names it: "Under {regulation}, the
    council had to {duty}." """

    label: str
    regulation: str
    duty: str


# The council's time limits a family can chase, by the code the council deadlines page links with.
# Each was read on legislation.gov.uk (letters.json review notes give the addresses).
TIME_LIMITS = {
    # SEND Regulations 2014 reg 5(1): 6 weeks from the request to the decision whether to assess.
    "reg-5-1": CouncilTimeLimit(
        _("Whether the council will carry out an EHC needs assessment (6 weeks)"),
        _("regulation 5(1) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "tell me whether it would carry out an EHC needs assessment within 6 weeks of "
            "receiving the request"
        ),
    ),
    # SEND Regulations 2014 reg 10(1): 16 weeks from the request to a decision not to issue a plan.
    "reg-10-1": CouncilTimeLimit(
        _("Whether the council will issue an EHC plan (16 weeks)"),
        _("regulation 10(1) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "tell me within 16 weeks of receiving the request for an EHC needs assessment if it "
            "decided not to issue an EHC plan"
        ),
    ),
    # SEND Regulations 2014 reg 13(2): 20 weeks from the request to the final EHC plan.
    "reg-13-2": CouncilTimeLimit(
        _("The final EHC plan (20 weeks)"),
        _("regulation 13(2) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "send me the final EHC plan within 20 weeks of receiving the request for an EHC needs "
            "assessment"
        ),
    ),
    # SEND Regulations 2014 reg 20: the council's decision within 4 weeks of the review meeting
    # (paragraph number not confirmed from the regulation's own text here: cited as the whole).
    "reg-20": CouncilTimeLimit(
        _("The council's decision after an annual review (4 weeks)"),
        _("regulation 20 of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "tell me within 4 weeks of the annual review meeting whether it proposed to keep, "
            "change or stop maintaining the EHC plan"
        ),
    ),
    # SEND Regulations 2014 reg 22(3): the amended plan within 8 weeks of the proposed changes.
    "reg-22-3": CouncilTimeLimit(
        _("The final amended EHC plan (8 weeks)"),
        _("regulation 22(3) of the Special Educational Needs and Disability Regulations 2014"),
        _("send me the final amended EHC plan within 8 weeks of sending me the proposed changes"),
    ),
    # SEND Regulations 2014 reg 18(1): before 15 February (a move to a new school) or before
    # 31 March (from secondary school to a post-16 place) in the year of the move.
    "reg-18-1-b": CouncilTimeLimit(
        _("The plan amended for a move to a new school (before 15 February)"),
        _("regulation 18(1)(b) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "review the EHC plan, and amend it to name my child's next school, before 15 February "
            "in the year of the move"
        ),
    ),
    "reg-18-1-a": CouncilTimeLimit(
        _("The plan amended for a move to a post-16 place (before 31 March)"),
        _("regulation 18(1)(a) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "review the EHC plan, and amend it to name the post-16 place, before 31 March in the "
            "year of the move"
        ),
    ),
}

# CFA 2014 s.55 and SEND Regulations 2014 regs 33 to 35: the family tells the mediation adviser
# whether they want mediation; the adviser then issues a certificate (at once, or after mediation).
MEDIATION = (
    (
        "yes",
        _("I want to try mediation"),
        _(
            "I would like to try mediation. Please arrange it with the council, and send me the "
            "mediation certificate when the mediation has finished."
        ),
    ),
    (
        "no",
        _("I do not want mediation"),
        _(
            "I do not want mediation. Please send me a mediation certificate so that I can "
            "appeal to the First-tier Tribunal (SEND)."
        ),
    ),
)

PLACEHOLDERS: dict[str, Placeholder] = {
    "parent_name": Placeholder(_("Your full name"), required=True),
    "parent_address": Placeholder(
        _("Your address"), _("So they can write back to you. You can leave it out."), LONG_TEXT
    ),
    "parent_contact": Placeholder(_("Your phone number or email address"), _("Optional.")),
    "child_name": Placeholder(_("Your child’s full name"), required=True),
    "child_date_of_birth": Placeholder(_("Your child’s date of birth"), _("Optional."), DATE),
    "school_name": Placeholder(
        _("Your child’s school or college"), _("Optional. For example, Ealing Park Primary School.")
    ),
    "decision": Placeholder(
        _("Which decision is this about?"),
        kind=CHOICE,
        required=True,
        prefill_key="decision",
        choices=DECISIONS,
    ),
    "decision_date": Placeholder(
        _("Date on the council’s decision letter"),
        _("Optional. For example, 13 10 2026."),
        DATE,
        prefill_key="decision_date",
    ),
    "request_date": Placeholder(
        _("Date you asked for the EHC needs assessment"),
        _("Optional. For example, 3 6 2026."),
        DATE,
        prefill_key="request_date",
    ),
    "regulation": Placeholder(
        _("What is late?"),
        kind=CHOICE,
        required=True,
        prefill_key="regulation",
        choices=tuple((code, limit.label, limit.regulation) for code, limit in TIME_LIMITS.items()),
    ),
    "date_due": Placeholder(
        _("Date it was due"),
        _("The council deadlines page works this out. For example, 20 11 2026."),
        DATE,
        required=True,
        prefill_key="date_due",
    ),
    "mediation_choice": Placeholder(
        _("Do you want mediation?"),
        kind=CHOICE,
        required=True,
        prefill_key="mediation",
        choices=MEDIATION,
    ),
    "exclusion_date": Placeholder(_("Date of the permanent exclusion"), _("Optional."), DATE),
    "governors_decision_date": Placeholder(
        _("Date of the governors’ letter saying they will not reinstate your child"),
        _("Optional. Your 15 school days to ask for a review count from when you were told."),
        DATE,
    ),
    "concerns": Placeholder(
        _("What worries you"),
        _("Optional. A few sentences in your own words."),
        LONG_TEXT,
    ),
    "what_you_want": Placeholder(
        _("What you would like to happen"),
        _("Optional. A few sentences in your own words."),
        LONG_TEXT,
    ),
    "today": Placeholder(_("The date the letter is made"), worked_out=True),
    "duty": Placeholder(
        _("What the council had to do, and by when (from ‘What is late?’)"), worked_out=True
    ),
}

CHOICE_WORDS = {
    name: {value: words for value, _label, words in placeholder.choices}
    for name, placeholder in PLACEHOLDERS.items()
    if placeholder.kind == CHOICE
}


def placeholders_in(body: str) -> list[str]:
    """Every placeholder name the body uses, in order of first use, known or not."""
    return list(dict.fromkeys(match.group(1) for match in PLACEHOLDER.finditer(body)))


def unknown_placeholders(body: str) -> list[str]:
    """The placeholders in the body that do not exist (a letter using one is refused)."""
    return [name for name in placeholders_in(body) if name not in PLACEHOLDERS]


def asked_in(body: str) -> list[str]:
    """The placeholders the family is asked for, in the table's order (their names first, then the
    school, the decision, the dates, their own words); a chasing letter's 'duty' needs its
    'regulation'."""
    used = set(placeholders_in(body))
    if "duty" in used:
        used.add("regulation")
    return [name for name, p in PLACEHOLDERS.items() if name in used and not p.worked_out]


def letter_date(day: date) -> str:
    """A date as a letter writes it: 13 October 2026."""
    return f"{day.day} {day:%B %Y}"


def _as_written(words: str) -> str:
    return words


def words_for(
    answers: dict[str, object],
    today: date,
    translate: Callable[[str], str] = _as_written,
    write_date: Callable[[date], str] = letter_date,
) -> dict[str, str]:
    """What each placeholder says, from the family's answers (dates as `date`, choices as codes);
    an answer left out says nothing (''). The words the site puts in (a choice's, a time limit's)
    go through `translate` and dates through `write_date`: English as written by default, the
    letter sent; the page's language for the family's translated copy. What the family typed
    stays as they typed it."""
    words: dict[str, str] = {}
    for name, placeholder in PLACEHOLDERS.items():
        value = answers.get(name)
        if placeholder.worked_out or value in (None, ""):
            words[name] = ""
        elif placeholder.kind == DATE:
            words[name] = write_date(value)
        elif placeholder.kind == CHOICE:
            chosen = CHOICE_WORDS[name].get(value, "")
            words[name] = translate(chosen) if chosen else ""
        else:
            words[name] = str(value).replace("\r\n", "\n").strip()
    words["today"] = write_date(today)
    limit = TIME_LIMITS.get(answers.get("regulation") or "")
    words["duty"] = translate(limit.duty) if limit else ""
    return words


def fill(body: str, words: dict[str, str]) -> list[list[str]]:
    """The letter as paragraphs of lines, plain text. A blank line in the body starts a paragraph;
    a line whose placeholder says nothing is left out, and so is a paragraph left empty."""
    paragraphs = []
    for block in re.split(r"\n\s*\n", body.replace("\r\n", "\n").strip()):
        lines = []
        for line in block.split("\n"):
            names = [match.group(1) for match in PLACEHOLDER.finditer(line)]
            if any(not words.get(name) for name in names):
                continue
            lines.extend(
                PLACEHOLDER.sub(lambda match: words[match.group(1)], line.rstrip()).split("\n")
            )
        if lines:
            paragraphs.append(lines)
    return paragraphs
