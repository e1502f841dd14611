"""A deleted school takes its staff's access with it: its groups go, and its collections are
set aside under a name of their own, so that a new school of the same name starts with no
staff and no files of the old one."""

import pytest
import wagtail_factories
from wagtail.models import Collection, Page

from programmes.roles import CURATOR, group_of
from programmes.roles import create_school as create

pytestmark = pytest.mark.django_db


def new_home(slug):
    return Page.get_first_root_node().add_child(instance=Page(title=slug, slug=slug))


def test_a_new_school_of_a_deleted_schools_name_inherits_nothing(other_school, user_in):
    old_curator = user_in(CURATOR, username="old", school=other_school)
    scan = wagtail_factories.DocumentFactory(collection=other_school.private_collection)
    old_collections = {other_school.collection_id, other_school.private_collection_id}
    name = other_school.short_name

    other_school.delete()
    school = create(short_name=name, full_name="Новая школа", home_page=new_home("new"))

    assert not old_curator.groups.exists()
    assert not group_of(school, CURATOR).user_set.exists()
    assert {school.collection_id, school.private_collection_id}.isdisjoint(old_collections)
    scan.refresh_from_db()
    assert scan.collection_id in old_collections  # the files are kept, for a superuser
    assert Collection.objects.get(pk=scan.collection_id).name != school.private_collection.name
