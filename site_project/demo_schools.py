"""The demo municipality's other schools (demo_data/schools.json): each made as any school is
(`add_school`), at a host name of its own, then given a current roadmap and news adapted from
the sample roadmaps and programme. Schools are fictional and people named by position.

*.localhost names the machine itself in browsers, so `make run` serves each school at
http://<its host>:8000/ with no DNS; a path under the default site would put a school inside
the first school's tree (and its staff's permissions)."""

from pathlib import Path

from mentoring_pages import models
from mentoring_pages.demo.builders import (
    Section,
    build_news,
    child,
    read_content,
    translate_created,
)
from mentoring_pages.demo.current_roadmap import build_current_roadmap
from programmes.models import School
from site_project.demo_content import read_demo_data

from .schools import add_school

SCHOOLS_DATA = Path(__file__).resolve().parent / "demo_data" / "schools.json"


def build_demo_schools(log):
    """The other demo schools, each created once and given what it lacks of its content.
    Returns [(school, the suffix of its demo users' names)]."""
    schools = []
    for spec in read_demo_data(SCHOOLS_DATA)["schools"]:
        details = spec["school"]
        school = School.objects.filter(short_name=details["short_name"]).first()
        if school is None:
            school = add_school(hostname=spec["hostname"], log=log, **details)
        build_content(school, spec, log)
        schools.append((school, spec["users_suffix"]))
    return schools


def build_content(school, spec, log):
    """The school's roadmap for this school year and its news, if they are missing (an editor
    may have removed an index: then nothing goes under it)."""
    home = school.home_page.specific
    content = read_content()
    section = Section(
        log, content, {"full_name": school.full_name, "email": school.curator_contact}
    )
    landing = child(home, models.MentoringIndexPage, content["landing"]["slug"])
    if landing is None:
        return
    roadmaps = child(landing, models.RoadmapIndexPage, content["roadmap"]["index"]["slug"])
    if roadmaps is not None:
        build_current_roadmap(section, roadmaps, None, spec["current_roadmap"])
    news = child(landing, models.NewsIndexPage, content["news"]["index"]["slug"])
    if news is not None:
        for news_spec in spec["news"]:
            build_news(section, news, news_spec)
    translate_created(section, home)
