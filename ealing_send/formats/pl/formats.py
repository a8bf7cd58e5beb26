# "1 października 2026" and "czwartek, 1 października 2026": the month in the genitive (E), as
# Polish writes a day of a month.
DAY_FORMAT = "j E Y"
WEEKDAY_FORMAT = "l, j E Y"
# Polish writes the days of the week in lower case inside a sentence.
WEEKDAY_LOWER_CASE = True
