"""What the board's tests share: users in roles, roadmaps built from a list of events, and
reading the board's page and messages. The fixtures (a curator, an editor, two roadmaps)
are in conftest.py."""

import datetime
import json

from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from mentoring_pages.models import RoadmapEvent, RoadmapPage
from mentoring_pages.roadmap import statuses
from mentoring_pages.tests.factories import roadmap_with_events
from programmes.roles import group_of
from programmes.schools import default_school

BOARD = "/admin/roadmap-board/"


def days(offset):
    return None if offset is None else statuses.today() + datetime.timedelta(days=offset)


def make_user(django_user_model, username, *groups, language="en", **fields):
    """An admin user in `groups`, reading the admin in `language` (English: the messages
    asserted here are the source strings)."""
    user = django_user_model.objects.create_user(
        username=username, password="x", email=f"{username}@school.example", **fields
    )
    for group in groups:
        user.groups.add(group if isinstance(group, Group) else group_of(default_school(), group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def writers_group(page, *permissions):
    """A group with admin access and only `permissions` (codenames) on `page`'s subtree."""
    group = Group.objects.create(name=f"Roadmap writers {page.pk}")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in permissions:
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename=codename)
        )
    return group


def build_roadmap(parent, events, stages=("Подготовка", "Реализация"), **fields):
    """A live roadmap with `stages` (numbered 1, 2, …) and `events`: dicts of event fields,
    dated by their end only unless they say otherwise."""
    return roadmap_with_events(
        parent,
        [{"start": None, **event} for event in events],
        stages=[(str(index + 1), title) for index, title in enumerate(stages)],
        **fields,
    )


def soup_of(response, status=200):
    assert response.status_code == status
    return BeautifulSoup(response.content.decode(), "html.parser")


def shown(response):
    """The pks of the events the board lists."""
    return {
        int(row["data-event"]) for row in soup_of(response).select("#board-events tr[data-event]")
    }


def pks(*events):
    return {event.pk for event in events}


def events_of(page):
    return {event.title: event for event in RoadmapEvent.objects.filter(page=page)}


def messages_of(response):
    """The messages' texts (Wagtail's admin messages end in a few newlines)."""
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


def reloaded(event):
    return RoadmapEvent.objects.get(pk=event.pk)


def revisions_by(page, user):
    return list(RoadmapPage.objects.get(pk=page.pk).revisions.filter(user=user))


def sidebar_menu_urls(response):
    """{name: url} of the admin's main menu, read from the data the sidebar is drawn from
    (not from the page's text, where the dashboard panel links to the board too)."""
    props = json.loads(soup_of(response).select_one("#wagtail-sidebar-props").string)
    urls = {}

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("name"), str) and isinstance(node.get("url"), str):
                urls[node["name"]] = node["url"]
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(props)
    return urls
