"""A single-school installation from before schools upgrades without loss: `manage.py migrate`
of today's code, in a process of its own, makes it the first school. The database is the one
`load_demo` built at commit f28c953 (the last one before schools), with what a real school
adds (a user in each role group, an application, a consent's scan in the private
collection): data/single_school_f28c953.sqlite3.xz, rebuilt by data/make_fixture.sh. It is a
SQLite file of its own whatever the suite's database engine."""

import json
import lzma
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from site_project.tests.processes import manage, manage_shell

FIXTURE = Path(__file__).parent / "data" / "single_school_f28c953.sqlite3.xz"
SCHOOL = "Школа № 1 п. Примерный"
# What the installation's groups, collections and workflow were called, and are called once it
# is the first school.
RENAMED = {
    "Куратор наставничества": f"Куратор — {SCHOOL}",
    "Редактор": f"Редактор — {SCHOOL}",
    "Модератор": f"Модератор — {SCHOOL}",
    "Материалы сайта": f"{SCHOOL}: материалы сайта",
    "Согласия (закрытые)": f"{SCHOOL}: согласия (закрытые)",
    "Модерация": f"Модерация — {SCHOOL}",
    "Одобрение модератором": f"Одобрение модератором — {SCHOOL}",
}

# The rows that say who is who and what is where, by name, read from the file itself.
SHAPE = {
    "members": """
        SELECT g.name, u.username FROM auth_group g
        JOIN auth_user_groups ug ON ug.group_id = g.id JOIN auth_user u ON u.id = ug.user_id""",
    "images and documents": """
        SELECT c.name,
            (SELECT count(*) FROM wagtailimages_image i WHERE i.collection_id = c.id),
            (SELECT count(*) FROM wagtaildocs_document d WHERE d.collection_id = c.id)
        FROM wagtailcore_collection c""",
    "scans": """
        SELECT d.title, c.name FROM programmes_consent consent
        JOIN wagtaildocs_document d ON d.id = consent.document_id
        JOIN wagtailcore_collection c ON c.id = d.collection_id""",
    "collections open to": """
        SELECT c.name, g.name FROM wagtailcore_collectionviewrestriction r
        JOIN wagtailcore_collection c ON c.id = r.collection_id
        JOIN wagtailcore_collectionviewrestriction_groups rg ON rg.collectionviewrestriction_id = r.id
        JOIN auth_group g ON g.id = rg.group_id""",
    "approvers": """
        SELECT w.name, t.name, g.name FROM wagtailcore_workflow w
        JOIN wagtailcore_workflowtask wt ON wt.workflow_id = w.id
        JOIN wagtailcore_task t ON t.id = wt.task_id
        JOIN wagtailcore_groupapprovaltask_groups tg ON tg.groupapprovaltask_id = t.id
        JOIN auth_group g ON g.id = tg.group_id
        WHERE w.active""",
    "guarded pages": """
        SELECT w.name, p.url_path FROM wagtailcore_workflowpage wp
        JOIN wagtailcore_workflow w ON w.id = wp.workflow_id
        JOIN wagtailcore_page p ON p.id = wp.page_id
        WHERE w.active""",
    "page permissions": """
        SELECT g.name, p.url_path, perm.codename FROM wagtailcore_grouppagepermission gp
        JOIN auth_group g ON g.id = gp.group_id JOIN wagtailcore_page p ON p.id = gp.page_id
        JOIN auth_permission perm ON perm.id = gp.permission_id""",
    "programmes, consents and consent texts": """
        SELECT 'programme', count(*) FROM programmes_programme
        UNION ALL SELECT 'consent', count(*) FROM programmes_consent
        UNION ALL SELECT 'consent text', count(*) FROM programmes_consenttext""",
}

# What the upgraded site says of its school, its staff and its pages, from a process of its own.
SCHOOL_AS_SEEN = """
import json
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client
from wagtail.models import Site

from programmes.models import Consent, ConsentText, Programme, School

site = Site.objects.get(is_default_site=True)
school = School.objects.get()
curator = get_user_model().objects.get(username="kurator-shkoly")
roadmap_indexes = apps.get_model("mentoring_pages", "RoadmapIndexPage").objects.all()
client = Client(HTTP_HOST=site.hostname)
call_command("check", fail_level="WARNING")  # raises on any problem
print(json.dumps({
    "schools": list(School.objects.values_list("short_name", flat=True)),
    "owns the default site": school.home_page_id == site.root_page_id,
    "records of another school or none": {
        model.__name__: model.objects.exclude(school=school).count()
        for model in (Programme, Consent, ConsentText)
    },
    "groups by role": {
        held.role: held.group.name for held in school.roles.select_related("group")
    },
    "collections": [school.collection.name, school.private_collection.name],
    "workflow": school.moderation_workflow.name,
    "curator may": {
        "consents": all(
            curator.has_perm(f"programmes.{action}_consent")
            for action in ("add", "change", "delete", "view")
        ),
        "publish the roadmaps": bool(roadmap_indexes) and all(
            index.permissions_for_user(curator).can_publish()
            and index.permissions_for_user(curator).can_add_subpage()
            for index in roadmap_indexes
        ),
    },
    "served": {url: client.get(url).status_code for url in ("/", "/nastavnichestvo/")},
}))
"""


def shape(database):
    """What SHAPE reads from the SQLite file `database`, each as a sorted list."""
    with closing(sqlite3.connect(database)) as db:
        return {name: sorted(db.execute(query).fetchall()) for name, query in SHAPE.items()}


def renamed(rows):
    return sorted(tuple(RENAMED.get(value, value) for value in row) for row in rows)


def site_env(database):
    folder = database.parent
    return {
        "VAR_DIR": str(folder),
        "MEDIA_ROOT": str(folder / "media"),
        "DATABASE_URL": f"sqlite:///{database}",
    }


def run(database, *args):
    result = manage(*args, **site_env(database))
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def as_seen(database):
    env = {**os.environ, **site_env(database)}
    return json.loads(manage_shell(env, SCHOOL_AS_SEEN).splitlines()[-1])


@pytest.fixture(scope="module")
def before(tmp_path_factory):
    """The installation from before schools, unpacked."""
    database = tmp_path_factory.mktemp("before") / "db.sqlite3"
    database.write_bytes(lzma.decompress(FIXTURE.read_bytes()))
    return database


@pytest.fixture(scope="module")
def upgraded(before, tmp_path_factory):
    """A copy of it migrated by today's code."""
    database = tmp_path_factory.mktemp("upgraded") / "db.sqlite3"
    shutil.copy(before, database)
    run(database, "migrate", "--noinput")
    return database


@pytest.fixture
def upgraded_copy(upgraded, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(upgraded, database)
    return database


def test_the_installation_becomes_its_first_school_keeping_its_staff_files_and_workflow(
    before, upgraded
):
    old, new = shape(before), shape(upgraded)

    # Nothing was lost: every member, file, restriction, approver, guarded page and page
    # permission is where it was, under the school's names.
    assert new == {name: renamed(rows) for name, rows in old.items()}
    assert ("Куратор наставничества", "kurator-shkoly") in old["members"]
    assert (f"{SCHOOL}: согласия (закрытые)", f"Куратор — {SCHOOL}") in new["collections open to"]
    assert new["approvers"] == [
        (f"Модерация — {SCHOOL}", f"Одобрение модератором — {SCHOOL}", f"Модератор — {SCHOOL}")
    ]
    assert {path for _, path in new["guarded pages"]} >= {
        "/home/nastavnichestvo/novosti/",
        "/home/nastavnichestvo/kejsy/",
        "/home/nastavnichestvo/nastavniki/",
    }


def test_the_first_school_owns_the_site_its_records_and_its_role_groups(upgraded):
    """…and the site passes `manage.py check` and serves its home page and section."""
    assert as_seen(upgraded) == {
        "schools": [SCHOOL],
        "owns the default site": True,
        "records of another school or none": {"Programme": 0, "Consent": 0, "ConsentText": 0},
        "groups by role": {
            "curator": f"Куратор — {SCHOOL}",
            "editor": f"Редактор — {SCHOOL}",
            "moderator": f"Модератор — {SCHOOL}",
        },
        "collections": [f"{SCHOOL}: материалы сайта", f"{SCHOOL}: согласия (закрытые)"],
        "workflow": f"Модерация — {SCHOOL}",
        "curator may": {"consents": True, "publish the roadmaps": True},
        "served": {"/": 200, "/nastavnichestvo/": 200},
    }


def test_migrating_again_changes_nothing(upgraded_copy):
    once = shape(upgraded_copy)

    assert "No migrations to apply." in run(upgraded_copy, "migrate", "--noinput")
    assert shape(upgraded_copy) == once


def test_migrating_back_gives_the_installation_its_old_names_and_forward_the_school_again(
    before, upgraded_copy
):
    run(upgraded_copy, "migrate", "programmes", "0005", "--noinput")
    back = shape(upgraded_copy)

    for name in ("members", "images and documents", "scans", "collections open to", "approvers"):
        assert back[name] == shape(before)[name], name

    run(upgraded_copy, "migrate", "--noinput")
    assert shape(upgraded_copy) == {name: renamed(rows) for name, rows in shape(before).items()}


def test_migrating_back_with_a_second_school_keeps_its_groups_apart(before, upgraded_copy):
    run(
        upgraded_copy,
        "add_school",
        "--full-name=Школа № 2",
        "--short-name=Школа № 2",
        "--hostname=shkola2.example",
    )

    run(upgraded_copy, "migrate", "programmes", "0005", "--noinput")

    # The first school's groups have their old names back; the second's keep theirs.
    with closing(sqlite3.connect(upgraded_copy)) as db:
        groups = {name for (name,) in db.execute("SELECT name FROM auth_group")}
    assert {"Куратор наставничества", "Редактор", "Модератор"} <= groups
    assert {"Куратор — Школа № 2", "Редактор — Школа № 2", "Модератор — Школа № 2"} <= groups
    assert shape(upgraded_copy)["members"] == shape(before)["members"]


def test_a_long_site_name_becomes_a_school_name_within_its_limit(before, tmp_path):
    database = tmp_path / "db.sqlite3"
    shutil.copy(before, database)
    long_name = "Муниципальное общеобразовательное учреждение " * 4  # 184 characters
    with closing(sqlite3.connect(database)) as db, db:
        db.execute("UPDATE home_sitesettings SET short_name = ?", [long_name])

    run(database, "migrate", "--noinput")

    with closing(sqlite3.connect(database)) as db:
        [(short_name,)] = db.execute("SELECT short_name FROM programmes_school").fetchall()
    # PostgreSQL refuses a longer one (SQLite would keep it): 100, the field's limit.
    assert short_name == long_name[:100].rstrip()
