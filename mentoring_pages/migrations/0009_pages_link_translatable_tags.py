import django.db.models.deletion
import modelcluster.contrib.taggit
from django.db import migrations, models


class Migration(migrations.Migration):
    """News items and cases link the translatable tags copied in 0008 (same ids)."""

    dependencies = [
        ("mentoring_pages", "0008_translatable_tags"),
    ]

    operations = [
        migrations.AlterField(
            model_name="casepage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="mentoring_pages.CaseTag",
                to="mentoring_pages.SourceTag",
                verbose_name="tags",
            ),
        ),
        migrations.AlterField(
            model_name="casetag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(app_label)s_%(class)s_items",
                to="mentoring_pages.sourcetag",
            ),
        ),
        migrations.AlterField(
            model_name="newspage",
            name="tags",
            field=modelcluster.contrib.taggit.ClusterTaggableManager(
                blank=True,
                help_text="A comma-separated list of tags.",
                through="mentoring_pages.NewsTag",
                to="mentoring_pages.SourceTag",
                verbose_name="tags",
            ),
        ),
        migrations.AlterField(
            model_name="newstag",
            name="tag",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="%(app_label)s_%(class)s_items",
                to="mentoring_pages.sourcetag",
            ),
        ),
    ]
