from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap


class TranslatedSitemap(Sitemap):
    """Every live page in every language, each with hreflang alternates.

    Wagtail's own sitemap lists the site root's subtree only, but each translation of the
    root is a tree of its own. Addresses are built from the request's host, as the pages'
    hreflang links are, so the sitemap agrees with what a visitor sees."""

    def items(self):
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .select_related("locale")
            .order_by("path")
            .defer_streamfields()
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        locations = {}
        by_translation_key = defaultdict(list)
        for item in pages:
            url = item.get_url(self.request)
            if url is None:
                continue
            locations[item.pk] = self.request.build_absolute_uri(url)
            by_translation_key[item.translation_key].append(item)
        urls = []
        for item in pages:
            if item.pk not in locations:
                continue
            urls.append(
                {
                    "item": item,
                    "location": locations[item.pk],
                    "lastmod": self.lastmod(item),
                    "alternates": [
                        {"lang_code": other.locale.language_code, "location": locations[other.pk]}
                        for other in by_translation_key[item.translation_key]
                    ],
                }
            )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
