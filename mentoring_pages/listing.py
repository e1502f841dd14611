"""Filters and pagination of public listings. Bad parameters are ignored, never a 500."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from wagtail.models import PageViewRestriction

from site_project.record_ids import MAX_DIGITS, MAX_ID, record_id

PER_PAGE = 12


def visible_children(model, parent):
    """The live children of `parent` of type `model` that anyone may see, in one query.
    A restriction on `parent` or above was checked when `parent` was served; a child's
    own restriction is excluded in the same SQL, where .public() would spend a query
    reading every restriction of the site."""
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    return model.objects.live().child_of(parent).exclude(Exists(restricted))


def index_url(page, request):
    """The address of the index the page lies in, for its links to the index filtered by
    one of its tags or its form."""
    index = page.get_parent()
    return index.get_url(request) if index else None


def page_number(request):
    """The page asked for in ?page=, or 1 for a missing, malformed or non-positive one.
    A number past the end is left to the paginator, which shows the last page."""
    value = request.GET.get("page", "")
    if not (value.isascii() and value.isdigit()):
        return 1
    # int() refuses a string of over 4,300 digits: a number that long is past the end anyway.
    return max(int(value), 1) if len(value) <= MAX_DIGITS else MAX_ID


def paginate(request, items, per_page=PER_PAGE):
    """The page of `items` asked for: ?page=abc or ?page=-1 give the first page, a number
    past the end the last one."""
    return Paginator(items, per_page).get_page(page_number(request))


def selected_id(request, name):
    """The id in ?name=…, or None for a missing, malformed or impossible value."""
    return record_id(request.GET.get(name, ""))


def query_string(**params):
    """The chosen filters, URL-encoded in a fixed order, for links that keep them."""
    return urlencode({name: params[name] for name in sorted(params) if params[name]})


def filter_links(name, choices, selected, keep=None):
    """The links of one filter, for a list of links that works without JavaScript: "all"
    first (its label None), then each (value, label) of `choices`. Each link keeps the
    other chosen filters in `keep` and goes back to the first page."""
    keep = keep or {}

    def href(value):
        query = query_string(**{**keep, name: value})
        # "." is the index page itself: its URLs end with a slash.
        return f"?{query}" if query else "."

    return [{"label": None, "href": href(None), "current": selected is None}] + [
        {"label": label, "href": href(value), "current": value == selected}
        for value, label in choices
    ]


def filter_by_form(request, pages):
    """Pages of the form chosen in ?form=, with the forms to choose from (only those that
    some page has, so no choice leads to an empty list). An unknown form is ignored."""
    pages = list(pages)
    forms = {page.form.pk: page.form for page in pages if page.form_id}
    form_id = selected_id(request, "form")
    if form_id not in forms:
        form_id = None
    forms = sorted(forms.values(), key=lambda form: (form.sort_order, form.title))
    return {
        "items": [page for page in pages if form_id is None or page.form_id == form_id],
        "forms": forms,
        "selected_form": form_id,
        "form_links": filter_links("form", [(form.pk, form.title) for form in forms], form_id),
    }
