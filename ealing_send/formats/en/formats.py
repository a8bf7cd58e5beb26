# "1 October 2026" and "Thursday 1 October 2026", as GOV.UK writes dates.
DAY_FORMAT = "j F Y"
WEEKDAY_FORMAT = "l j F Y"
