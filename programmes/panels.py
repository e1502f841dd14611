from wagtail.admin.panels import Panel

from .coverage import indicator_rows


class IndicatorSummaryPanel(Panel):
    """A read-only table in the programme's edit view: target vs actual per year, with
    coverage computed from the participation figures."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "programmes/admin/indicator_summary.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["rows"] = indicator_rows(self.instance) if self.instance.pk else None
            return context
