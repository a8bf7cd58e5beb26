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
    "/letters/",
    "/what-can-i-do/rules/",
]
ANSWER_PAGES = [
    "/what-can-i-do/who/",
    "/what-can-i-do/concern/?who=parent",
    "/what-can-i-do/decision_date/?who=parent&concern=la-decision&decision=refuse-plan",
    "/what-can-i-do/check/?who=parent&concern=plan-not-delivered",
    "/what-can-i-do/exclusion_type/?who=parent&concern=exclusion",
    "/what-can-i-do/result/?who=parent&concern=exclusion&exclusion_type=permanent"
    "&exclusion_date=2026-11-02&governors_decision=yes&governors_decision_date=2026-11-16",
    "/what-can-i-do/result/?who=parent&concern=discrimination&incident_date=2026-09-14",
    RESULT,
    RESULT.replace("/result/", "/result/calendar.ics"),
    "/deadlines/",
    "/deadlines/?decision_date_0=1&decision_date_1=10&decision_date_2=2026",
    # A letter's form, as a plan links to it with the family's dates.
    "/letters/tell-mediation-adviser/?decision=refuse-plan&decision_date=2026-10-01&mediation=no",
]
