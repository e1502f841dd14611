"""Uploaded images must have their alt text; the file of an image or document a published
page shows is replaced by a moderator only."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page
from wagtail_factories import DocumentFactory, ImageFactory

from home.tests.factories import ContentPageFactory
from programmes.roles import EDITOR, MODERATOR
from programmes.schools import default_school

pytestmark = pytest.mark.django_db


def upload(admin_client, **fields):
    image_file = get_test_image_file()
    return admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Школьный двор",
            "file": SimpleUploadedFile("yard.png", image_file.file.getvalue()),
            "collection": Collection.get_first_root_node().pk,
            **fields,
        },
    )


def test_an_image_without_alt_text_is_refused_with_a_message_in_russian(admin_client):
    response = upload(admin_client, description="  ")

    assert response.status_code == 200
    assert "Опишите изображение для тех, кто его не видит." in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_image_with_alt_text_is_saved_and_used_as_its_alt(admin_client):
    response = upload(admin_client, description="Ученики сажают деревья во дворе школы")

    image = get_image_model().objects.get()
    assert response.status_code == 302
    assert image.default_alt_text == "Ученики сажают деревья во дворе школы"


# Each kind of file: its factory, its editor's address, its new file's fields, and how a
# live page shows it.
def new_image():
    new_file = get_test_image_file(filename="other.png", colour="red")
    return {"file": SimpleUploadedFile("other.png", new_file.file.getvalue())}


def new_document():
    return {"file": SimpleUploadedFile("other.pdf", b"%PDF-1.4 other")}


def home_page():
    return Page.objects.get(depth=2).specific


def photo_at_the_top(image):
    """The home page, live, opens with `image`."""
    page = home_page()
    page.image, page.image_alt = image, "Школьный двор"
    page.save_revision().publish()


def linked_in_the_body(document):
    """A live page lists `document`."""
    block = {
        "type": "documents",
        "value": {"heading": "", "documents": [{"document": document.pk}]},
    }
    ContentPageFactory(parent=home_page(), body=json.dumps([block]))


FILES = {
    "image": (ImageFactory, "wagtailimages:edit", new_image, photo_at_the_top),
    "document": (DocumentFactory, "wagtaildocs:edit", new_document, linked_in_the_body),
}


@pytest.fixture(params=FILES)
def kind(request):
    return FILES[request.param]


def file_of(kind, shown_live, **fields):
    """A file of `kind` in the school's collection; a live page shows it if `shown_live`."""
    make, _url, _new, shown_by = kind
    if make is ImageFactory:
        fields["description"] = "Школьный двор"
    file = make(collection=default_school().collection, title="Двор", **fields)
    if shown_live:
        shown_by(file)
    return file


def replace_file(client, kind, file):
    """What the editor of `kind` posts to replace `file`'s file, its other fields unchanged."""
    _make, url, new_file, _shown_by = kind
    fields = {"title": file.title, **new_file()}
    if getattr(file, "description", None):
        fields["description"] = file.description
    return client.post(reverse(url, args=[file.pk]), fields)


def file_name(file):
    return type(file).objects.get(pk=file.pk).file.name


REFUSED = (200, False, True)  # the form again, with the reason; the old file kept
REPLACED = (302, True, False)


@pytest.mark.parametrize(
    ("role", "shown_live", "outcome"),
    [(EDITOR, True, REFUSED), (EDITOR, False, REPLACED), (MODERATOR, True, REPLACED)],
    ids=["editor, shown live", "editor, shown nowhere", "moderator, shown live"],
)
def test_who_may_replace_a_file(user_in, client, kind, role, shown_live, outcome):
    """The user uploaded the file; a live page shows it or none does."""
    user = user_in(role)
    file = file_of(kind, shown_live=shown_live, uploaded_by_user=user)
    client.force_login(user)
    before = file_name(file)

    response = replace_file(client, kind, file)

    reason = "только модератор может заменить его файл"
    assert (
        response.status_code,
        file_name(file) != before,
        reason in response.content.decode(),
    ) == outcome
