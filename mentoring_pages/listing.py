"""Filters and pagination of public listings. Bad parameters are ignored, never a 500."""

from django.core.paginator import Paginator

PER_PAGE = 12


def paginate(request, items, per_page=PER_PAGE):
    # get_page() turns "?page=abc" or an out-of-range number into a real page.
    return Paginator(items, per_page).get_page(request.GET.get("page"))


def selected_id(request, name):
    """The id in ?name=…, or None for a missing or malformed value."""
    value = request.GET.get(name, "")
    return int(value) if value.isdigit() else None


def filter_by_form(request, pages):
    """Pages of the form chosen in ?form=, with the forms to choose from (only those that
    some page has, so no choice leads to an empty list)."""
    pages = list(pages)
    forms = {page.form.pk: page.form for page in pages if page.form_id}
    form_id = selected_id(request, "form")
    if form_id not in forms:
        form_id = None
    return {
        "items": [page for page in pages if form_id is None or page.form_id == form_id],
        "forms": sorted(forms.values(), key=lambda form: (form.sort_order, form.title)),
        "selected_form": form_id,
    }
