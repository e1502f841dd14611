"""The municipal mentoring centre: what it sees of every school (`rollup`), its public page
(models/centre.py) and its coordinator's admin."""
