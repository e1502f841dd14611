"""RSS and Atom feeds of a news index, in the index's language, with absolute links."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from home.models import SiteSettings
from mentoring_pages.models.tags import in_language
from site_project.xml_text import xml_text

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    """Made for one request: `NewsRssFeed(index_page)(request)`."""

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        # The feed's language is the page's, whatever language the request is in. (Passing
        # it through feed_extra_kwargs() would give the feed class "language" twice.)
        self.language = index_page.locale.language_code
        self.locale_id = index_page.locale_id

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def absolute_url(self, page):
        # get_url() is relative on a one-site installation; a feed reader needs the host.
        return self.request.build_absolute_uri(page.get_url(self.request))

    def title(self):
        return xml_text(self.index_page.title)

    def link(self):
        return self.absolute_url(self.index_page)

    def description(self):
        return xml_text(self.index_page.intro or self.index_page.title)

    def author_name(self):
        # Atom requires an author of the feed; the school publishes its news.
        organisation = SiteSettings.for_request(self.request).localized(self.language)
        return xml_text(
            organisation.full_name or organisation.short_name or settings.WAGTAIL_SITE_NAME
        )

    def items(self):
        items = list(self.index_page.news().prefetch_related("tags")[:FEED_LENGTH])
        # Every item's tags in the feed's language, read at once.
        every_tag = {tag for item in items for tag in item.tags.all()}
        shown = {tag.translation_key: tag.name for tag in in_language(every_tag, self.locale_id)}
        self.tag_names = {
            item.pk: [shown[tag.translation_key] for tag in item.tags.all()] for item in items
        }
        return items

    def item_title(self, item):
        return xml_text(item.title)

    def item_description(self, item):
        return xml_text(item.lead)

    def item_link(self, item):
        return self.absolute_url(item)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [xml_text(name) for name in self.tag_names[item.pk]]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed

    def subtitle(self):
        return self.description()
