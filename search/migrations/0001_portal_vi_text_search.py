"""The PostgreSQL text search configuration "portal_vi": a copy of "simple"
(no stemming: Vietnamese is not English, "xây" must stay "xây"), with
``unaccent`` in front when the server has it. Nothing to do on other
databases."""

from django.db import migrations

CREATE = """
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'portal_vi') THEN
        CREATE TEXT SEARCH CONFIGURATION portal_vi (COPY = simple);
    END IF;
    IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent') THEN
        BEGIN
            CREATE EXTENSION IF NOT EXISTS unaccent;
            ALTER TEXT SEARCH CONFIGURATION portal_vi
                ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE NOTICE 'unaccent not installed: folding is done in Python only';
        END;
    END IF;
END
$$;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS portal_vi")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(forwards, backwards)]
