from collections import defaultdict
from urllib.parse import urlsplit

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap


class TranslatedSitemap(Sitemap):
    """Every live public address in every language, each with hreflang alternates.

    Wagtail's own sitemap lists the site root's subtree only, but each translation of the
    root is a tree of its own. Each page says its own addresses (`get_sitemap_urls`, where a
    routable page adds its sub-pages); an address's alternates are the same address of the
    page's translations. Addresses are built from the request's host, as the pages'
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
            .specific()
        )

    def get_urls(self, page=1, site=None, protocol=None):
        pages = list(self.paginator.page(page).object_list)
        # The n-th address of every translation of a page is the same content.
        same_content = defaultdict(list)
        urls = []
        for item in pages:
            for position, url_info in enumerate(item.get_sitemap_urls(self.request)):
                if url_info["location"] is None:
                    continue
                location = self.request.build_absolute_uri(urlsplit(url_info["location"]).path)
                alternates = same_content[item.translation_key, position]
                alternates.append({"lang_code": item.locale.language_code, "location": location})
                urls.append(
                    {**url_info, "location": location, "item": item, "alternates": alternates}
                )
        lastmods = [url["lastmod"] for url in urls]
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls
