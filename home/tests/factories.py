import factory
import wagtail_factories

from home.models import ContentPage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Страница {n}")
    slug = factory.Sequence(lambda n: f"page-{n}")
    intro = "Вступление"

    class Meta:
        model = ContentPage
