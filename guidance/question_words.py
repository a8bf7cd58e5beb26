"""The words of each question, one named piece each: its legend, its hint, the label (and hint) of
each answer, and the message for each problem its answer can have.

Keyed by the declarations in flow.py and checked against them when this module is imported: a
question, answer or problem without words stops the site starting and fails every test, so a page
never shows a blank. The forms are built from these (forms.py). Words that change for a young person
asking for themselves are written {child}, {child_s}, {Child}, {gets}, {has}, {does}, {needs}.

No Django here: the words are English, marked with `_` for `manage.py makemessages`, and the form
translates each one into the visitor's language when it asks (forms.py), then fills in the person
words of that language (wording()). Words marked `xgettext:no-python-brace-format` may be translated
with other person words than the English uses, or none: Polish endings change with the person, so
some sentences are written without them ("Wykluczenie ze szkoły"). tests/guidance/test_words.py
fills every translation with every language's person words.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import flow


def _(words: str) -> str:
    """Marks words for translation (`manage.py makemessages` finds `_`); forms.py translates them
    when a page shows them."""
    return words


# The words for the person the plan speaks about, in each language the translations are written
# for: a parent reads about their child, a young person (16 to 25) asking for themselves reads "you".
# The catalogues (locale/) and the advice translations place these words where their grammar needs
# them, so the Polish and Urdu tables are as their translators wrote for.
PERSON_WORDS = {
    "en": {
        False: {
            "child": "your child",
            "Child": "Your child",
            "child_s": "your child's",
            "gets": "gets",
            "has": "has",
            "does": "Does",
            "needs": "needs",
        },
        True: {
            "child": "you",
            "Child": "You",
            "child_s": "your",
            "gets": "get",
            "has": "have",
            "does": "Do",
            "needs": "need",
        },
    },
    # Polish: {child} is the subject (nominative), {child_s} the owner, placed after the noun
    # (genitive: "nauczyciel twojego dziecka"), and the verbs agree with {child}.
    "pl": {
        False: {
            "child": "twoje dziecko",
            "Child": "Twoje dziecko",
            "child_s": "twojego dziecka",
            "gets": "otrzymuje",
            "has": "ma",
            "does": "robi",
            "needs": "potrzebuje",
        },
        # Draft, for Ealing ISAID to check: Polish endings follow the noun, so no word fits every
        # sentence written for "twoje dziecko" ("ty mogło", "edukacji twoje"): some sentences read
        # imperfectly for a young person until the advice has words of its own for them.
        True: {
            "child": "ty",
            "Child": "Ty",
            "child_s": "twoje",
            "gets": "otrzymujesz",
            "has": "masz",
            "does": "robisz",
            "needs": "potrzebujesz",
        },
    },
    # Urdu: "آپ کے بچے" is the oblique form the sentences need before کو, کی, کے.
    "ur": {
        False: {
            "child": "آپ کے بچے",
            "Child": "آپ کے بچے",
            "child_s": "آپ کے بچے",
            "gets": "ملتی ہے",
            "has": "ہے",
            "does": "کرتا ہے",
            "needs": "ہے",
        },
        True: {
            "child": "آپ",
            "Child": "آپ",
            "child_s": "آپ",
            "gets": "ملتی ہے",
            "has": "ہے",
            "does": "کرتا ہے",
            "needs": "ہے",
        },
    },
}


def wording(young_person: bool, language: str | None = "en") -> dict[str, str]:
    """Words that change when a young person (16 to 25) is asking for themselves, in `language`
    (a language code such as "pl" or "en-gb"; None, with translation off, is English). A language
    with no table of its own reads the English words, as its untranslated words do."""
    words = PERSON_WORDS.get((language or "en").split("-")[0].lower(), PERSON_WORDS["en"])
    return dict(words[young_person])


@dataclass(frozen=True)
class Answer:
    """The words of one answer to a choice question."""

    label: str
    hint: str = ""
    divider: str = ""  # a word shown above this answer, setting it apart ("or")


@dataclass(frozen=True)
class ChoiceWords:
    """A choice question's words; `choose` is the message when no allowed answer is chosen."""

    legend: str
    answers: dict[str, Answer]
    choose: str
    hint: str = ""


@dataclass(frozen=True)
class DateWords:
    """A date question's words. `noun` names the date in its messages ("Enter the date of …")."""

    legend: str
    noun: str
    hint: str = ""


# The message for each problem the rules find with a date, in any date question: {Noun} is its noun.
DATE_PROBLEMS = {
    "invalid": _("{Noun} must be a real date"),
    "future": _("{Noun} must be today or in the past"),
    "too-early": _("{Noun} must be after 1 September 2014"),
    "before-decision": _("{Noun} must be the same as or after the date of the decision letter"),
    "before-exclusion": _("{Noun} must be the same as or after the date of the exclusion"),
}

YES = Answer(_("Yes"))
NO = Answer(_("No"))

QUESTION_WORDS: dict[str, ChoiceWords | DateWords] = {
    "who": ChoiceWords(
        legend=_("Who are you asking for?"),
        answers={
            "parent": Answer(_("I am a parent or carer of a child or young person")),
            "young-person": Answer(
                _("I am a young person asking for myself"),
                # Compulsory school age ends on the last Friday in June of the school year in which
                # the child turns 16 (Education Act 1996, s.8); from then the rights are the young
                # person's own (Children and Families Act 2014, s.51(1) and s.83(2)).
                hint=_(
                    "You can decide for yourself once you are over compulsory school age: after "
                    "the last Friday in June of the school year in which you turn 16."
                ),
            ),
        },
        choose=_("Select who you are asking for"),
    ),
    "concern": ChoiceWords(
        legend=_("What are you unhappy about?"),
        hint=_("Choose the one that matters most now. Your plan will show the other options too."),
        answers={
            "school-support": Answer(_("The help {child} {gets} at school, nursery or college")),
            "plan-not-delivered": Answer(
                # xgettext:no-python-brace-format
                _("Help written in {child_s} EHC plan is not being given"),
                hint=_("For example, therapy or support in the plan that is not happening."),
            ),
            "la-decision": Answer(
                _(
                    "A decision by Ealing Council about an education, health and care (EHC) "
                    "needs assessment or plan"
                ),
                hint=_("For example, a refusal to assess, or what an EHC plan says."),
            ),
            "health-care": Answer(
                _("Health or social care in an EHC needs assessment or plan"),
                hint=_("For example, nursing, a health therapy or care support."),
            ),
            "handling": Answer(
                _("How the school, college or council has dealt with things"),
                hint=_("For example, delays, not replying, or not following their own rules."),
            ),
            "exclusion": Answer(
                # xgettext:no-python-brace-format
                _("{Child} {has} been excluded from school"),
                hint=_("Suspended (excluded for a fixed time) or permanently excluded."),
            ),
            "discrimination": Answer(
                # xgettext:no-python-brace-format
                _("A school or college treated {child} unfairly because of disability"),
                hint=_(
                    # xgettext:no-python-brace-format
                    "For example, not making reasonable adjustments, or leaving {child} out of "
                    "a trip or activity."
                ),
            ),
        },
        choose=_("Select what you are unhappy about"),
    ),
    "also_education": ChoiceWords(
        legend=_("Is the disagreement also about education?"),
        hint=_(
            # xgettext:no-python-brace-format
            "Education means {child_s} special educational needs, the help set out for them, or "
            "the school or college named in the EHC plan."
        ),
        answers={
            "yes": Answer(_("Yes, education as well as health or social care")),
            "no": Answer(_("No, only health or social care")),
        },
        choose=_("Select yes if the disagreement is also about education"),
    ),
    "exclusion_type": ChoiceWords(
        legend=_("What kind of exclusion is it?"),
        hint=_("The school’s letter says which it is."),
        answers={
            "permanent": Answer(
                _("Permanent exclusion"),
                hint=_(
                    # xgettext:no-python-brace-format
                    "{Child} cannot go back to the school unless the governors or a review "
                    "panel decide otherwise."
                ),
            ),
            "suspension": Answer(
                _("Suspension"),
                hint=_(
                    "Excluded for a fixed number of days, sometimes called a fixed-term exclusion."
                ),
            ),
        },
        choose=_("Select what kind of exclusion it is"),
    ),
    "exclusion_date": DateWords(
        # xgettext:no-python-brace-format
        legend=_("When did the head teacher exclude {child}?"),
        noun=_("the date of the exclusion"),
        hint=_(
            "Use the date on the head teacher’s letter, or the first day of the exclusion if that "
            "was earlier. For example, 27 3 2026."
        ),
    ),
    "governors_decision": ChoiceWords(
        # xgettext:no-python-brace-format
        legend=_("Have the governors told you in writing that {child} cannot go back?"),
        hint=_(
            # xgettext:no-python-brace-format
            "After a permanent exclusion the governors must meet to decide whether {child} "
            "should be reinstated (allowed back)."
        ),
        answers={
            # xgettext:no-python-brace-format
            "yes": Answer(_("Yes, they decided not to reinstate {child}")),
            "not-yet": Answer(_("No, not yet")),
        },
        choose=_("Select yes if the governors have told you their decision in writing"),
    ),
    "governors_decision_date": DateWords(
        legend=_("When is the governors’ decision letter dated?"),
        noun=_("the date of the governors’ decision letter"),
        hint=_("For example, 14 4 2026."),
    ),
    "incident_date": DateWords(
        legend=_("When did it happen?"),
        noun=_("the date it happened"),
        hint=_(
            "If it went on for a while, use the last day it happened. If the school refused to "
            "do something, use the date it refused. For example, 27 3 2026."
        ),
    ),
    "plan": ChoiceWords(
        # xgettext:no-python-brace-format
        legend=_("{does} {child} have an education, health and care (EHC) plan?"),
        hint=_(
            "An EHC plan is a legal document from the council that says what help must be given."
        ),
        answers={
            "yes": YES,
            "no": NO,
            "assessing": Answer(_("Not yet: the council is carrying out an EHC needs assessment")),
        },
        choose=_("Select whether {child} {has} an EHC plan"),
    ),
    "council_decision": ChoiceWords(
        legend=_(
            # xgettext:no-python-brace-format
            "Has the council made a decision about {child_s} EHC plan that you disagree with?"
        ),
        # SEND Code of Practice 11.45: the decisions that can be appealed.
        hint=_(
            "For example, what the plan says, the school or college named in it, a refusal to "
            "carry out a re-assessment, a refusal to change the plan after a review, or a decision "
            "to stop the plan. You may be able to appeal, and there are time limits."
        ),
        answers={
            "yes": Answer(_("Yes")),
            "no": Answer(_("No, it is the help at school or college")),
        },
        choose=_("Select yes if the council has made a decision you disagree with"),
    ),
    "talked": ChoiceWords(
        legend=_(
            "Have you talked to the teacher, the special educational needs co-ordinator (SENCO) "
            "or the head teacher about this?"
        ),
        answers={"yes": YES, "no": Answer(_("No, not yet"))},
        choose=_("Select yes if you have talked to the school about this"),
    ),
    "decision": ChoiceWords(
        legend=_("What did the council decide?"),
        hint=_(
            "Look at the council's letter. If it made more than one decision, choose the one you "
            "disagree with most."
        ),
        answers={
            # The hints tell a first assessment (s.36) from a re-assessment of a plan (s.44),
            # for families asked no question about a plan (legal audit 2026-12, finding 12).
            "refuse-assessment": Answer(
                _("Not to carry out an EHC needs assessment"),
                hint=_("When there is no EHC plan yet."),
            ),
            "refuse-reassessment": Answer(
                _("Not to carry out a re-assessment"),
                hint=_("When there is already an EHC plan."),
            ),
            "refuse-plan": Answer(_("Not to issue an EHC plan after an assessment")),
            "plan-contents": Answer(
                _("What the final EHC plan says"),
                hint=_(
                    "The needs it describes, the help it sets out, or the school or college "
                    "named along with them."
                ),
            ),
            "placement-only": Answer(
                _("Only the school or college named in the plan"),
                hint=_("The school or college named, the type named, or that none is named."),
            ),
            "refuse-amend": Answer(_("Not to change an EHC plan after a review or re-assessment")),
            "cease-plan": Answer(_("To stop an EHC plan (cease to maintain it)")),
            "other": Answer(
                _("Something else, or no decision yet"),
                hint=_("For example, the council has missed a time limit."),
                divider=_("or"),
            ),
        },
        choose=_("Select what the council decided"),
    ),
    "decision_date": DateWords(
        legend=_("When is the council’s decision letter dated?"),
        noun=_("the date of the decision letter"),
        # HESC rule 20(1)(c)(i) and SEND Regulations 2014 reg 33 count from when the notice was
        # sent, not received: the date on the letter is the safe reading.
        hint=_(
            "Use the date on the letter, or on the letter sent with the final EHC plan. Time runs "
            "from when the council sent the letter, not when you got it: if it arrived late, still "
            "use the date on the letter and get advice. For example, 27 3 2026."
        ),
    ),
    "mediation": ChoiceWords(
        legend=_("Do you have a mediation certificate?"),
        hint=_(
            "The mediation adviser sends one after you have talked to them about mediation, or "
            "after a mediation meeting."
        ),
        answers={"yes": YES, "no": NO},
        choose=_("Select yes if you have a mediation certificate"),
    ),
    "certificate_date": DateWords(
        legend=_("When is the mediation certificate dated?"),
        noun=_("the date on the mediation certificate"),
        hint=_("For example, 14 4 2026."),
    ),
}


def problem_words(
    words: DateWords, w: dict[str, str], translate: Callable[[str], str] = str
) -> dict[str, str]:
    """Each problem a date question's answer can have, in that question's words (`w`: wording()),
    each piece passed through `translate` first (the form gives gettext)."""
    noun = translate(words.noun).format(**w)
    noun = noun[0].upper() + noun[1:]
    return {code: translate(message).format(Noun=noun) for code, message in DATE_PROBLEMS.items()}


class MissingWords(LookupError):
    """A question, answer or problem the rules declare has no words here."""


def missing_words() -> list[str]:
    """What the declarations in flow.py need and QUESTION_WORDS lacks (empty when complete)."""
    missing = [f"question {key}" for key in flow.QUESTIONS if key not in QUESTION_WORDS]
    missing += [f"{key}: no such question" for key in QUESTION_WORDS if key not in flow.QUESTIONS]
    for key, question in flow.QUESTIONS.items():
        words = QUESTION_WORDS.get(key)
        if words is None:
            continue
        if question.is_date != isinstance(words, DateWords):
            missing.append(f"{key}: date words for a choice question, or the other way round")
            continue
        if isinstance(words, ChoiceWords):
            if list(words.answers) != list(question.choices):
                missing.append(f"{key}: answers {list(words.answers)}, not {question.choices}")
            needed = [words.legend, words.choose, *(a.label for a in words.answers.values())]
            optional = [words.hint, *(a.hint for a in words.answers.values())]
        else:
            messages = problem_words(words, wording(young_person=True))
            missing += [f"{key}: problem {p}" for p in question.problems if p not in messages]
            needed, optional = [words.legend, words.noun], [words.hint]
        if not all(piece.strip() for piece in needed):
            missing.append(f"{key}: an empty legend, label or message")
        for piece in needed + optional:
            try:
                piece.format(**wording(True))
            except (KeyError, IndexError) as unknown:
                missing.append(f"{key}: no young-person wording for {unknown} in {piece!r}")
    return missing


if missing := missing_words():
    raise MissingWords("; ".join(missing))
