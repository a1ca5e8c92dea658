"""Helpers for the browser tests: where Chromium is, axe-core, screenshots,
colour contrast, and probes for features that other branches bring."""

import importlib.util
import os
import re
from pathlib import Path

from django.conf import settings

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Quiet, offline Chromium: no updates, sync or first-run pages during a test.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VENDOR = Path(__file__).resolve().parent / "vendor"
AXE = VENDOR / "axe.min.js"
SCREENSHOTS = Path(settings.BASE_DIR) / "test-artifacts" / "screenshots"
# Phone and desktop widths every checked page is loaded at.
WIDTHS = (375, 1280)
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PASSWORD = "demo-portal-2026"


def browser_missing():
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return (
            f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium) "
            "to run the browser tests; .ci/run does, and REQUIRE_BROWSER=1 makes its absence fail"
        )
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed: run make venv"
    return None


def browser_required():
    return os.environ.get("REQUIRE_BROWSER", "").strip() == "1"


# --- axe-core ---------------------------------------------------------------


def axe_violations(page):
    """WCAG 2.1 A/AA violations axe-core finds on the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), summary: n.failureSummary})),
            }));
        }""",
        WCAG_TAGS,
    )


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['summary']}")
    return "\n".join(lines)


def assert_accessible(page, label):
    violations = axe_violations(page)
    assert not violations, f"axe-core, {label}:\n" + describe_violations(violations)


# --- screenshots ------------------------------------------------------------


def screenshot(page, name):
    """Save a full-page screenshot as test-artifacts/screenshots/<name>-<width>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    # Lazy photos below the fold would be blank on a full-page picture.
    page.evaluate(
        """() => Promise.race([
            new Promise((done) => setTimeout(done, 5000)),
            Promise.all([...document.images].map((img) => {
                img.loading = "eager";
                return img.complete ? null : new Promise((done) => { img.onload = img.onerror = done; });
            })),
        ])"""
    )
    width = page.viewport_size["width"]
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")
    return path


# --- colour -----------------------------------------------------------------


def parse_rgb(css):
    """'rgb(26, 87, 196)' or 'rgba(…)' → (r, g, b)."""
    numbers = re.findall(r"[\d.]+", css)
    return tuple(round(float(n)) for n in numbers[:3])


def contrast_ratio(first, second):
    def luminance(rgb):
        channels = []
        for value in rgb:
            c = value / 255
            channels.append(c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4)
        r, g, b = channels
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def backgrounds_behind(page, locator):
    """The colours an element's focus ring is drawn on: the first opaque
    background among its ancestors (every stop, for a gradient)."""
    return page.evaluate(
        """(el) => {
            for (let node = el.parentElement; node; node = node.parentElement) {
                const style = getComputedStyle(node);
                if (style.backgroundImage.includes("gradient")) {
                    const stops = style.backgroundImage.match(/rgba?\\([^)]*\\)/g);
                    if (stops) return stops;
                }
                const colour = style.backgroundColor;
                const alpha = colour.startsWith("rgba") ? parseFloat(colour.split(",")[3]) : 1;
                if (alpha > 0.5) return [colour];
            }
            return ["rgb(255, 255, 255)"];
        }""",
        locator.element_handle(),
    )


# --- probes for features that land from other branches ----------------------


def _model_named(name):
    from django.apps import apps

    return any(model.__name__ == name for model in apps.get_models())


def has_photo_reports():
    """#7 (photo reports and the lightbox) has landed."""
    return _model_named("PhotoReportPage")


def has_idle_timeout():
    """#9 (idle-session timeout banner) has landed."""
    return hasattr(settings, "IDLE_TIMEOUT_SECONDS")


def has_language_switcher():
    """#8 (English edition): the site shell links each page to its translation
    (hreflang), which is what the switcher and the alternates are made of."""
    from django.template.loader import get_template

    try:
        source = get_template("base.html").template.source
    except Exception:  # noqa: BLE001 - no shell, no switcher
        return False
    return "hreflang" in source or "language-switcher" in source


def has_diacritics_folding_search():
    """#6 (Vietnamese-aware search) has landed: the reader's search comes with
    suggestions for the header box, or the search app has its text folding."""
    from django.urls import get_resolver

    names = [name for name in get_resolver().reverse_dict if isinstance(name, str) and name.startswith("search")]
    if any("suggest" in name or "autocomplete" in name for name in names):
        return True
    return importlib.util.find_spec("search.text") is not None
