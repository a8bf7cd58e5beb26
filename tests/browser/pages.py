"""The pages the browser tests visit: every public page, and questionnaire pages in every state.

The server's clock starts at noon on tests.clock.TODAY (28 November 2026; see conftest.py), so the
fixed dates below show the same plan every day: RESULT's decision letter of 2 October 2026 leaves
4 days to appeal, and the "if you act today" estimates still show.

Each question's error page and a plan for each outcome come from the declarations in flow.py, so a
new question or outcome is visited without a change here.
"""

from datetime import date
from urllib.parse import urlencode

from guidance import flow
from tests.clock import TODAY

DATES = {
    "decision_date": date(2026, 10, 2),
    "certificate_date": date(2026, 11, 2),
    "exclusion_date": date(2026, 11, 2),
    "governors_decision_date": date(2026, 11, 16),
    "incident_date": date(2026, 9, 14),
}
EVERY_PATH = list(flow.every_path(DATES))


def _address(path: str, answers, **fields) -> str:
    query = urlencode({**flow.to_query(answers), **fields})
    return f"{path}?{query}" if query else path


def _error_page(key: str) -> str:
    """Question `key`, on the first path that asks it, submitted empty or (a date) as 31 February."""
    answers = next(answers for answers in EVERY_PATH if key in answers)
    asked = flow.path(answers)
    before = {earlier: answers[earlier] for earlier in asked[: asked.index(key)]}
    fields = (
        {f"{key}_0": "31", f"{key}_1": "2", f"{key}_2": "2026"}
        if flow.QUESTIONS[key].is_date
        else {}
    )
    return _address(f"/what-can-i-do/{key}/answer/", before, **fields)


def _plan_with(outcome: str) -> str:
    answers = next(a for a in EVERY_PATH if flow.action_plan(a, TODAY).outcome == outcome)
    return _address("/what-can-i-do/result/", answers)


RESULT = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=no"
)

# "Is the council on time?" with every date filled: some council dates late, some still to come.
COUNCIL_ALL_DATES = (
    "/council-deadlines/?request_date=2026-05-04&draft_plan_date=2026-09-01"
    "&review_meeting_date=2026-11-05&amendment_notice_date=2026-11-20&transfer_year=2027"
    "&transfer=school"
)
# A young person's plan after the governors upheld a permanent exclusion on 16 November 2026: the
# review panel date (Monday 7 December 2026) and the discrimination claim's (Saturday 1 May 2027).
EXCLUSION_RESULT = (
    "/what-can-i-do/result/?who=young-person&concern=exclusion&exclusion_type=permanent"
    "&exclusion_date=2026-11-02&governors_decision=yes&governors_decision_date=2026-11-16"
)
DISCRIMINATION_RESULT = (
    "/what-can-i-do/result/?who=parent&concern=discrimination&incident_date=2026-09-14"
)

PUBLIC_PAGES = [
    "/",
    "/routes/",
    "/routes/talk-to-school/",
    "/routes/complaint/",
    "/routes/disagreement-resolution/",
    "/routes/mediation/",
    "/routes/appeal/",
    "/routes/print/",
    "/organisations/",
    "/organisations/?route=mediation",
    "/organisations/ealing-isaid/",
    "/organisations/family-information-service/",
    "/accessibility/",
    "/privacy/",
    "/letters/",
    # A letter's form, filled in as the council deadlines page links to it.
    "/letters/chase-late-decision/?regulation=reg-13-2&date_due=2026-11-20",
    "/letters/tell-mediation-adviser/",
    "/glossary/",
    "/no-such-page/",
    "/what-can-i-do/",
    "/what-can-i-do/rules/",
    "/deadlines/",
    "/deadlines/?decision_date_0=14&decision_date_1=1&decision_date_2=2026",
    "/what-can-i-do/check/?who=parent&concern=school-support&plan=no&talked=yes",
    "/council-deadlines/",
    COUNCIL_ALL_DATES,
    RESULT,
    EXCLUSION_RESULT,
    DISCRIMINATION_RESULT,
    # Every other outcome (RESULT is an appeal; the two lines above a review panel and a claim).
    *(
        _plan_with(outcome)
        for outcome in flow.OUTCOMES
        if outcome not in ("appeal", "review-panel", "discrimination")
    ),
]

# Each questionnaire page submitted empty or wrong, so it shows its error state.
ERROR_PAGES = [
    *(_error_page(key) for key in flow.QUESTIONS),
    "/deadlines/?decision_date_0=&decision_date_1=13&decision_date_2=2026",
    "/organisations/?route=nonsense",
    "/council-deadlines/?request_date=2026-05-04&draft_plan_date=2026-05-01&transfer_year=2027",
]

QUESTION_PAGES = [
    "/what-can-i-do/who/",
    "/what-can-i-do/concern/?who=parent",
    "/what-can-i-do/decision_date/?who=parent&concern=la-decision&decision=refuse-plan",
    # Each question the new paths ask, first time (their error states are in ERROR_PAGES).
    "/what-can-i-do/also_education/?who=parent&concern=health-care",
    "/what-can-i-do/exclusion_type/?who=young-person&concern=exclusion",
    "/what-can-i-do/exclusion_date/?who=parent&concern=exclusion&exclusion_type=permanent",
    "/what-can-i-do/governors_decision/?who=parent&concern=exclusion&exclusion_type=permanent"
    "&exclusion_date=2026-11-02",
    "/what-can-i-do/governors_decision_date/?who=parent&concern=exclusion"
    "&exclusion_type=permanent&exclusion_date=2026-11-02&governors_decision=yes",
    "/what-can-i-do/incident_date/?who=parent&concern=discrimination",
]

# A page of each kind in each language but English (issue 15): every check (axe, the HTML checker,
# 320px, console errors) runs on them too. Urdu is right to left; each language has its own
# furniture, banner and switcher, and its own words once translated.
TRANSLATED_PAGES = [
    f"/{code}{url}"
    for code in ("pl", "ur")
    for url in (
        "/",
        "/what-can-i-do/",
        "/what-can-i-do/concern/?who=parent",
        _error_page("decision_date"),
        "/what-can-i-do/check/?who=parent&concern=school-support&plan=no&talked=yes",
        RESULT,
        "/routes/appeal/",
        "/organisations/",
        "/organisations/ealing-isaid/",
        "/glossary/",
        COUNCIL_ALL_DATES,
        "/letters/",
        "/letters/tell-mediation-adviser/",
        "/deadlines/?decision_date_0=14&decision_date_1=1&decision_date_2=2026",
    )
]
