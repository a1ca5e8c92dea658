"""The admin in Vietnamese: how much of its chrome our catalogue covers.

Wagtail ships few Vietnamese admin strings, so the portal keeps its own
catalogue, ``site/locale/vi/LC_MESSAGES/django.po`` and ``djangojs.po``
(``LOCALE_PATHS``). Django merges the catalogues under ``LOCALE_PATHS`` over
the apps' ones, for the JavaScript catalogue too, so an entry there wins over
an app's own translation and fills every gap.

The English source strings are the packages' own catalogues: Wagtail and
wagtail-localize ship ``locale/en``; django-taggit ships ``en`` too, and
django-filter (whose lookups and date ranges appear in the admin's filters)
ships no English catalogue, so its French one serves as the list of msgids;
Django's core catalogue brings "5 minutes ago" and form validation, where
Django's own Vietnamese has gaps.
"""

import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import polib
from django.conf import settings
from django.utils.functional import cached_property, lazy
from django.utils.translation import gettext
from wagtail.snippets.views.chooser import SnippetChooserViewSet
from wagtail.snippets.widgets import AdminSnippetChooser

LANGUAGE = "vi"
# package -> (the catalogue whose msgids are the source strings, the folder searched)
SOURCE_PACKAGES = {
    "wagtail": ("en", "."),
    "wagtail_localize": ("en", "."),
    "taggit": ("en", "."),
    "django_filters": ("fr", "."),
    "django": ("en", "conf"),  # Django's core strings (validation, "5 minutes"); not its contrib apps
}
DOMAINS = ("django", "djangojs")

# %(name)s, %(name)d, %s, %d and str.format's {name}, {}, {0}
PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[A-Za-z_0-9]*\}")
# A translator comment "dropped placeholder: %(x)s" allows leaving one out on purpose.
DROPPED = re.compile(r"dropped placeholder: (\S+)")


def project_catalogue(domain="django"):
    return Path(settings.LOCALE_PATHS[0]) / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def _translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return any(value.strip() for value in entry.msgstr_plural.values())
    return bool(entry.msgstr.strip())


@dataclass
class Catalogue:
    package: str
    app: str  # e.g. "wagtail/admin", "wagtail_localize"
    domain: str
    source: Path  # the English (reference) catalogue
    own: Path | None  # the package's own Vietnamese catalogue, if it ships one


def source_catalogues():
    """Every catalogue of the packages whose strings show in the admin."""
    for package, (reference, folder) in SOURCE_PACKAGES.items():
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            continue
        root = Path(spec.origin).parent / folder
        for source in sorted(root.rglob(f"locale/{reference}/LC_MESSAGES/*.po")):
            app_dir = source.parents[3]
            app = str(Path(package) / folder / app_dir.relative_to(root)).replace("/.", "").rstrip("/.")
            domain = source.stem
            own = app_dir / "locale" / LANGUAGE / "LC_MESSAGES" / source.name
            yield Catalogue(package, app, domain, source, own if own.exists() else None)


def msgids(path):
    return {_key(entry): entry for entry in polib.pofile(str(path)) if entry.msgid and not entry.obsolete}


def translated_keys(path):
    if path is None or not Path(path).exists():
        return set()
    return {_key(entry) for entry in polib.pofile(str(path)) if entry.msgid and _translated(entry)}


@dataclass
class Coverage:
    app: str
    domain: str
    total: int
    ours: int
    theirs: int  # translated by the package's own Vietnamese catalogue
    either: int
    missing: list

    @property
    def share(self):
        return self.either / self.total if self.total else 1.0


def coverage():
    """Per catalogue: how many of its msgids have a Vietnamese translation,
    ours or the package's own (what an editor sees is their union)."""
    ours = {domain: translated_keys(project_catalogue(domain)) for domain in DOMAINS}
    catalogues = list(source_catalogues())
    theirs = {domain: set() for domain in DOMAINS}
    for catalogue in catalogues:
        theirs[catalogue.domain] |= translated_keys(catalogue.own)
    results = []
    for catalogue in catalogues:
        source = msgids(catalogue.source)
        keys = set(source)
        done = keys & (ours[catalogue.domain] | theirs[catalogue.domain])
        results.append(
            Coverage(
                app=catalogue.app,
                domain=catalogue.domain,
                total=len(keys),
                ours=len(keys & ours[catalogue.domain]),
                theirs=len(keys & theirs[catalogue.domain]),
                either=len(done),
                missing=[source[key] for key in sorted(keys - done)],
            )
        )
    return results


def placeholder_problems(path):
    """Entries whose msgstr loses or invents a placeholder, or drops an HTML tag."""
    problems = []
    for entry in polib.pofile(str(path)):
        if not entry.msgid or not _translated(entry):
            continue
        source = entry.msgid + " " + (entry.msgid_plural or "")
        needed = set(PLACEHOLDER.findall(source)) - set(DROPPED.findall(entry.tcomment or ""))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            found = set(PLACEHOLDER.findall(text))
            if needed - found or found - set(PLACEHOLDER.findall(source)):
                problems.append((entry.msgid, sorted(needed - found), sorted(found - needed)))
    return problems


def add_missing(domain, entries):
    """Append untranslated source entries to our catalogue, msgstr empty, for a translator."""
    path = project_catalogue(domain)
    po = polib.pofile(str(path), wrapwidth=0)
    present = {_key(entry) for entry in po}
    added = 0
    for source, app in entries:
        if _key(source) in present:
            continue
        present.add(_key(source))
        entry = polib.POEntry(
            msgid=source.msgid,
            msgctxt=source.msgctxt,
            occurrences=[(app, "")],
            flags=[flag for flag in source.flags if flag != "fuzzy"],
        )
        if source.msgid_plural:
            entry.msgid_plural = source.msgid_plural
            entry.msgstr_plural = {0: ""}
        po.append(entry)
        added += 1
    po.save(str(path))
    return added


# Wagtail formats a snippet chooser's labels ("Choose another %(object)s") once,
# when the admin URLs load, in whatever language was active then; every editor
# then sees that language. These widgets translate them when they are drawn.


def _lazy_text(make):
    return lazy(make, str)()


class TranslatedSnippetChooser(AdminSnippetChooser):
    def __init__(self, model, **kwargs):
        super().__init__(model, **kwargs)
        name = model._meta.verbose_name
        self.choose_one_text = _lazy_text(lambda: gettext("Choose %(object)s") % {"object": name})
        self.choose_another_text = _lazy_text(lambda: gettext("Choose another %(object)s") % {"object": name})
        self.link_to_chosen_text = _lazy_text(lambda: gettext("Edit this %(object)s") % {"object": name})


class TranslatedSnippetChooserViewSet(SnippetChooserViewSet):
    """Set as ``chooser_viewset_class`` on a SnippetViewSet chosen on a page."""

    @cached_property
    def widget_class(self):
        return TranslatedSnippetChooser(model=self.model, icon=self.icon)
