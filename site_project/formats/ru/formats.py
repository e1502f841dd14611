# «5 марта 2026 г.» is Django's default; the site writes the date without «г.», as the
# English «5 March 2026».
DATE_FORMAT = "j E Y"
SHORT_DATE_FORMAT = "d.m.Y"
