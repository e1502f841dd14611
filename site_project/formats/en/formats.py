# Dates on public pages read «5 March 2026» in English, as «5 марта 2026» in Russian: the
# day first in both, one format per language.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "d.m.Y"
