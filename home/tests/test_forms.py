"""Uploaded images must have their alt text."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection

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
