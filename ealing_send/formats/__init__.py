"""How each language writes a date on the public site (settings.FORMAT_MODULE_PATH): Django's own
formats, plus DAY_FORMAT and WEEKDAY_FORMAT, the way a deadline's day is written in a sentence
(ealing_send/dates.py). A language with no module here writes days as English does, with its own
month and weekday names."""
