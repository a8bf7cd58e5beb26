"""Public addresses the tests visit: content pages, the same for every visitor, and pages made from
what a family typed."""

RESULT = (
    "/what-can-i-do/result/?who=parent&concern=la-decision&decision=refuse-plan"
    "&decision_date=2026-10-01&mediation=no"
)
CONTENT_PAGES = [
    "/",
    "/routes/",
    "/routes/appeal/",
    "/routes/print/",
    "/organisations/",
    "/organisations/?route=appeal",
    "/organisations/ipsea/",
    "/accessibility/",
    "/privacy/",
    "/what-can-i-do/",
    "/what-can-i-do/rules/",
]
ANSWER_PAGES = [
    "/what-can-i-do/who/",
    "/what-can-i-do/concern/?who=parent",
    "/what-can-i-do/decision_date/?who=parent&concern=la-decision&decision=refuse-plan",
    "/what-can-i-do/check/?who=parent&concern=exclusion",
    RESULT,
    RESULT.replace("/result/", "/result/calendar.ics"),
    "/deadlines/",
    "/deadlines/?decision_date_0=1&decision_date_1=10&decision_date_2=2026",
]
