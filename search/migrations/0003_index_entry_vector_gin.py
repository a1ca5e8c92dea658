"""A GIN index on ``title || body`` of Wagtail's search index table, on
PostgreSQL: the search page matches all of an item's words against it
(``search.engine``), and without it every search read the whole table.
ANALYZE then also keeps word frequencies for the expression, which lets the
planner walk the newest articles for a common word ("Đảng") and use this
index for a rare one. Nothing to do on other databases."""

from django.db import migrations

INDEX = "portal_search_entry_vector_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry USING gin ((title || body))"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_promotion_rights"), ("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(forwards, backwards)]
