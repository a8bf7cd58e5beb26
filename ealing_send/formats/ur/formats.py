# "1 اکتوبر 2026" and "جمعرات، 1 اکتوبر 2026": day, month and year, as Urdu writes a date (Django
# has no Urdu formats of its own, so its DATE_FORMAT is set here too).
DATE_FORMAT = "j F Y"
DAY_FORMAT = "j F Y"
WEEKDAY_FORMAT = "l، j F Y"
