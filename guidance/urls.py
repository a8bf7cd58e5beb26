from django.urls import path

from . import views

app_name = "guidance"

urlpatterns = [
    path("what-can-i-do/", views.start, name="start"),
    path("what-can-i-do/check/", views.check, name="check"),
    path("what-can-i-do/result/", views.result, name="result"),
    path("what-can-i-do/result/calendar.ics", views.result_calendar, name="calendar"),
    # Before the questions' pattern, which would otherwise take "rules" for a question's key.
    path("what-can-i-do/rules/", views.rules, name="rules"),
    path("what-can-i-do/<slug:key>/", views.question, name="question"),
    path("what-can-i-do/<slug:key>/answer/", views.answer, name="answer"),
    path("deadlines/", views.deadline_calculator, name="deadlines"),
]

# "Is the council on time?" (guidance/council_views.py).
from . import council_views  # noqa: E402

urlpatterns += [
    path("council-deadlines/", council_views.council_deadlines_page, name="council_deadlines"),
    path(
        "council-deadlines/calendar.ics",
        council_views.council_deadlines_calendar,
        name="council_calendar",
    ),
]
