from pathlib import Path

from mentoring_pages.demo.builders import ROADMAP_FILE

# The demo school's roadmap, and a real school's plan for 2023–24 as a curator received it.
ROADMAP_000 = ROADMAP_FILE
ROADMAP_003 = Path(__file__).resolve().parents[1] / "data" / "roadmap_003.docx"
