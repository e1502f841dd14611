"""/api/v1/: the endpoints, the OpenAPI schema and a JSON 404 for any other address."""

from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from . import docs, views

router = SimpleRouter()
router.register("schools", views.SchoolViewSet, basename="api-school")
router.register("programmes", views.ProgrammeViewSet, basename="api-programme")
router.register("roadmaps", views.RoadmapViewSet, basename="api-roadmap")
router.register("events", views.EventViewSet, basename="api-event")
router.register("indicators", views.IndicatorViewSet, basename="api-indicator")
router.register("participants", views.ParticipantsViewSet, basename="api-participants")
router.register("news", views.NewsViewSet, basename="api-news")
router.register("cases", views.CaseViewSet, basename="api-case")

urlpatterns = [
    *router.urls,
    path("schema/", docs.SchemaView.as_view(), name="api-schema"),
    # Any other address ending in a slash; one without gets Django's redirect to it first.
    re_path(r"^(?:[\s\S]*/)?$", views.not_found),
]
