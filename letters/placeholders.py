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
# Which dates a date placeholder takes (Placeholder.when).
PAST, FUTURE = "past", "future"


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
    # A date: PAST when it must be today or earlier (something that has happened), FUTURE when it
    # must be today or later (a date the family asks for); any real date otherwise.
    when: str = ""
    # (placeholder, value): said in the letter only when the family chose that value, and asked
    # (required, if it is) only then; a worked-out placeholder's words come from that choice.
    only_if: tuple[str, str] | None = None
    # A worked-out placeholder's fixed words (English; the family's copy translates them).
    words: str = ""


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

# The decisions a family tells the mediation adviser about. Not "placement-only": an appeal only
# about the school or college named in the plan (or its type) needs no mediation certificate
# (CFA 2014 s.55, which the letter says requires contacting the adviser first, applies only to the
# other appeals; SEND Code of Practice 11.13 to 11.38; route "mediation", advice
# "mediation-optional"), so "I am contacting you first, as section 55 requires" would be untrue.
APPEAL_DECISIONS = tuple(choice for choice in DECISIONS if choice[0] != "placement-only")


@dataclass(frozen=True)
class CouncilTimeLimit:
    """A time limit the council must meet, as a chasing letter names it: "Under {regulation}, the
    council had to {duty}." """

    label: str
    regulation: str
    duty: str
    # The letter's question about the council's excuses, only for a time limit whose regulation
    # lists exceptions (regs 5(4), 10(4) and 13(3)); regs 18, 20 and 22 have none.
    exceptions: str = ""


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
        _(
            "If you think one of the exceptions in regulation 5(4) applies, please tell me which "
            "one and why."
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
        _(
            "If you think one of the exceptions in regulation 10(4) applies, please tell me which "
            "one and why."
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
        _(
            "If you think one of the exceptions in regulation 13(3) applies, please tell me which "
            "one and why."
        ),
    ),
    # SEND Regulations 2014 reg 20: the council's decision within 4 weeks of the review meeting
    # (paragraph number not confirmed from the regulation's own text here: cited as the whole).
    # R (L, M and P) v Devon County Council [2022] EWHC 493 (Admin): reg 20 and the amendment
    # process in reg 22 are read together, so proposed changes come with that decision (IPSEA's
    # case note: "both its decision to amend the EHC plan, and what the proposed changes are").
    "reg-20": CouncilTimeLimit(
        _("The council's decision after an annual review (4 weeks)"),
        _("regulation 20 of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "tell me within 4 weeks of the annual review meeting whether it proposed to keep, "
            "change or stop maintaining the EHC plan, and, if it proposed changes, to send them "
            "to me with that decision"
        ),
    ),
    # SEND Regulations 2014 reg 22(3): the amended plan within 8 weeks of the proposed changes.
    "reg-22-3": CouncilTimeLimit(
        _("The final amended EHC plan (8 weeks)"),
        _("regulation 22(3) of the Special Educational Needs and Disability Regulations 2014"),
        _("send me the final amended EHC plan within 8 weeks of sending me the proposed changes"),
    ),
    # SEND Regulations 2014 regs 20 and 22(3) read together (R (L, M and P) v Devon County Council
    # [2022] EWHC 493 (Admin), 8 March 2022): the proposed changes within 4 weeks of the review
    # meeting, then the final amended plan within 8 weeks of them, so at the latest 12 weeks after
    # the meeting, even when the council sent the proposed changes late (audit 2026-12, finding 1).
    "reg-22-annual-review": CouncilTimeLimit(
        _("The final amended EHC plan after an annual review (12 weeks from the meeting)"),
        _(
            "regulations 20 and 22(3) of the Special Educational Needs and Disability Regulations "
            "2014, read together as the High Court read them in R (L, M and P) v Devon County "
            "Council [2022] EWHC 493 (Admin)"
        ),
        _(
            "send me the final amended EHC plan within 12 weeks of the annual review meeting "
            "(4 weeks to send me its decision with the proposed changes, then 8 weeks)"
        ),
    ),
    # SEND Regulations 2014 reg 18(1): before 15 February (a move to a new school) or before
    # 31 March (from secondary school to a post-16 institution) in the year of the move. A
    # "post-16 institution" is one that is not a school (CFA 2014 s.83(2)): a further education
    # or sixth-form college counts, a school sixth form does not (audit 2026-12, finding 7).
    "reg-18-1-b": CouncilTimeLimit(
        _("The plan amended for a move to a new school (before 15 February)"),
        _("regulation 18(1)(b) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "review the EHC plan, and amend it to name my child's next school, before 15 February "
            "in the year of the move"
        ),
    ),
    "reg-18-1-a": CouncilTimeLimit(
        _(
            "The plan amended for a move from secondary school to a further education or "
            "sixth-form college, or another post-16 institution that is not a school "
            "(before 31 March)"
        ),
        _("regulation 18(1)(a) of the Special Educational Needs and Disability Regulations 2014"),
        _(
            "review the EHC plan, and amend it to name the further education or sixth-form "
            "college, or other post-16 institution that is not a school, that my child will move "
            "to from secondary school, before 31 March in the year of the move"
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
    "appeal_decision": Placeholder(
        _("Which decision is this about?"),
        _(
            "Not listed: the school or college named in the EHC plan. If your appeal is only "
            "about that, you do not need a mediation certificate."
        ),
        kind=CHOICE,
        required=True,
        prefill_key="decision",
        choices=APPEAL_DECISIONS,
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
    # A time limit still to come is not late: a chasing letter dated before it would be dismissed
    # (audit 2026-12, finding 9; the council deadlines page links only dates that have passed).
    "date_due": Placeholder(
        _("Date it was due"),
        _("The council deadlines page works this out. For example, 20 11 2026."),
        DATE,
        required=True,
        prefill_key="date_due",
        when=PAST,
    ),
    "mediation_choice": Placeholder(
        _("Do you want mediation?"),
        _(
            "If you want mediation, send the letter to both the mediation adviser and the "
            "council’s contact named in its decision letter."
        ),
        kind=CHOICE,
        required=True,
        prefill_key="mediation",
        choices=MEDIATION,
    ),
    # SEND Regulations 2014 reg 32(e)(ii): a family who wants mediation must tell the council "the
    # mediation issues"; Explanatory Notes to CFA 2014 s.52, para 266: "what they want to pursue
    # mediation about". Asked, and required, only when mediation is chosen (audit 2026-12, 4).
    "mediation_issues": Placeholder(
        _("What you want mediation about"),
        _(
            "Needed if you want mediation: the council must be told. For example, the help in "
            "section F of the EHC plan, or the needs it describes."
        ),
        LONG_TEXT,
        required=True,
        only_if=("mediation_choice", "yes"),
    ),
    # Reg 32(e)(iii): where the issues include that the plan specifies no health care provision,
    # or none of a particular kind, the health care provision the family wants specified.
    "health_provision": Placeholder(
        _("Health care you want the EHC plan to include"),
        _(
            "Optional. Only if you want mediation because the EHC plan leaves out health care, "
            "or a kind of health care."
        ),
        LONG_TEXT,
        only_if=("mediation_choice", "yes"),
    ),
    "exclusion_date": Placeholder(_("Date of the permanent exclusion"), _("Optional."), DATE),
    "governors_decision_date": Placeholder(
        _("Date of the governors’ letter saying they will not reinstate your child"),
        _("Optional. Your 15 school days to ask for a review count from when you were told."),
        DATE,
    ),
    # CFA 2014 s.42(2): the council "must secure the specified special educational provision",
    # the provision in section F of the plan (SEND Regulations 2014 reg 12(1)(f)).
    "provision": Placeholder(
        _("The help in section F of the EHC plan that is not being given"),
        _(
            "Use the plan’s own words if you can, for example ‘2 sessions of speech and language "
            "therapy each week’."
        ),
        LONG_TEXT,
        required=True,
    ),
    "provision_missing_since": Placeholder(
        _("Date the help stopped, or should have started"),
        _("If you are not sure of the day, give the first day of the month."),
        DATE,
        required=True,
        when=PAST,
    ),
    "start_by": Placeholder(
        _("Date you want the help to start by"),
        _("Give the council time to arrange it: for example, 2 weeks from today."),
        DATE,
        required=True,
        when=FUTURE,
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
    "exceptions": Placeholder(
        _(
            "A question about the exceptions in the regulation, when it has any (from ‘What is "
            "late?’)"
        ),
        worked_out=True,
    ),
    # CFA 2014 s.36(5): reasons must be given for a decision not to assess; the letter says so
    # only for that decision (audit 2026-12, finding 10).
    "reasons_law": Placeholder(
        _("The law on reasons, for a decision not to assess (from ‘Which decision…?’)"),
        worked_out=True,
        only_if=("decision", "refuse-assessment"),
        words=_(
            "For a decision not to carry out an EHC needs assessment, section 36(5) of the "
            "Children and Families Act 2014 requires the council to tell me its reasons."
        ),
    ),
    # SEND Regulations 2014 reg 32(e) and (f): the council must be told that the family wants
    # mediation, and the issues, through the contact its decision letter names (audit 2026-12, 4).
    "council_copy": Placeholder(
        _("That a copy goes to the council, when you want mediation (from ‘Do you want…?’)"),
        worked_out=True,
        only_if=("mediation_choice", "yes"),
        words=_(
            "I am sending a copy of this letter to the council’s contact named in its decision "
            "letter, to tell the council that I want mediation and what it is about (Special "
            "Educational Needs and Disability Regulations 2014, regulation 32)."
        ),
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
    if used & {"duty", "exceptions"}:
        used.add("regulation")
    for name in list(used):
        placeholder = PLACEHOLDERS.get(name)
        if placeholder and placeholder.worked_out and placeholder.only_if:
            used.add(placeholder.only_if[0])
    return [name for name, p in PLACEHOLDERS.items() if name in used and not p.worked_out]


def applies(name: str, answers: dict[str, object]) -> bool:
    """Whether a placeholder asked or said only alongside a choice has that choice."""
    condition = PLACEHOLDERS[name].only_if
    return condition is None or answers.get(condition[0]) == condition[1]


def letter_date(day: date) -> str:
    """A date as a letter writes it: 13 October 2026."""
    return f"{day.day} {day:%B %Y}"


# Line breaks pasted from a word processor or a PDF (Word's vertical tab for a line break, a page
# break, Unicode's line and paragraph separators) are lines; any other control character is
# dropped: none means anything in a letter, and a Word document cannot hold them (XML 1.0).
LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def typed(text: str) -> str:
    """What a family typed, as plain lines of text."""
    return CONTROL.sub("", LINE_BREAKS.sub("\n", text)).strip()


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
        if placeholder.worked_out and placeholder.words and applies(name, answers):
            words[name] = translate(placeholder.words)
        elif placeholder.worked_out or value in (None, "") or not applies(name, answers):
            words[name] = ""
        elif placeholder.kind == DATE:
            words[name] = write_date(value)
        elif placeholder.kind == CHOICE:
            chosen = CHOICE_WORDS[name].get(value, "")
            words[name] = translate(chosen) if chosen else ""
        else:
            words[name] = typed(str(value))
    words["today"] = write_date(today)
    limit = TIME_LIMITS.get(answers.get("regulation") or "")
    words["duty"] = translate(limit.duty) if limit else ""
    words["exceptions"] = translate(limit.exceptions) if limit and limit.exceptions else ""
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
