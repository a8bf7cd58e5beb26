"""The pages the browser tests visit: every public page, and questionnaire pages in every state.

The server's clock starts at noon on tests.clock.TODAY (28 November 2026; see conftest.py), so the
fixed dates below show the same plan every day: RESULT's decision letter of 2 October 2026 leaves
4 days to appeal, and the "if you act today" estimates still show.
"""

RESULT = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=no"
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
    "/no-such-page/",
    "/what-can-i-do/",
    "/deadlines/",
    "/deadlines/?decision_date_0=14&decision_date_1=1&decision_date_2=2026",
    "/what-can-i-do/check/?who=parent&concern=school-support&plan=no&talked=yes",
    RESULT,
    "/what-can-i-do/result/?who=young-person&concern=exclusion",
]

# Each questionnaire page submitted empty or wrong, so it shows its error state.
ERROR_PAGES = [
    "/what-can-i-do/who/answer/",
    "/what-can-i-do/concern/answer/?who=parent",
    "/what-can-i-do/plan/answer/?who=parent&concern=school-support",
    "/what-can-i-do/talked/answer/?who=parent&concern=handling",
    "/what-can-i-do/decision/answer/?who=parent&concern=la-decision",
    "/what-can-i-do/decision_date/answer/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date_0=31&decision_date_1=2&decision_date_2=2026",
    "/what-can-i-do/mediation/answer/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02",
    "/what-can-i-do/certificate_date/answer/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-02&mediation=yes&certificate_date_0=1&certificate_date_1=9"
    "&certificate_date_2=2026",
    "/deadlines/?decision_date_0=&decision_date_1=13&decision_date_2=2026",
    "/organisations/?route=nonsense",
]

QUESTION_PAGES = [
    "/what-can-i-do/who/",
    "/what-can-i-do/concern/?who=parent",
    "/what-can-i-do/decision_date/?who=parent&concern=la-decision&decision=refuse-plan",
]
