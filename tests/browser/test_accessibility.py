"""Every page type, in English and in Arabic: no serious accessibility violation
(axe-core), every control reachable with the keyboard, and a light page."""

import json
from pathlib import Path

import pytest
from django.conf import settings

AXE = Path(settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGE_BUDGET_BYTES = 150 * 1024

PAGE_TYPES = [
    "homepage",
    "standardpage",
    "partnerindexpage",
    "partnerpage",
    "practiceindexpage",
    "practicepage",
    "eventindexpage",
    "eventpage",
    "handbookpage",
    "handbookchapterpage",
    "search",
]
PAGES = [(kind, language) for kind in PAGE_TYPES for language in ("en", "ar")]


@pytest.fixture(scope="module")
def axe_source():
    if not AXE.exists():
        pytest.skip("axe-core is not installed: run `npm ci` (make install does when npm exists)")
    return AXE.read_text()


@pytest.fixture
def visit(browser, live_site):
    # The pages forbid inline scripts; the test's own tools are let in.
    context = browser.new_context(bypass_csp=True)
    tab = context.new_page()

    def go(kind, language):
        url = live_site["page_types"].get(kind, {}).get(language)
        assert url, f"the demo has no {kind} in {language}"
        response = tab.goto(live_site["base"] + url)
        assert response.status == 200, url
        return tab

    yield go
    context.close()


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_no_serious_or_critical_accessibility_violation(visit, axe_source, kind, language):
    tab = visit(kind, language)
    tab.add_script_tag(content=axe_source)
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    serious = [
        {
            "rule": violation["id"],
            "impact": violation["impact"],
            "where": [node["target"] for node in violation["nodes"][:5]],
        }
        for violation in result["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == [], json.dumps(serious, indent=1, ensure_ascii=False)


# Disclosure widgets (<details>, such as the language switcher) open from their
# summary, which the keyboard reaches; with them open, everything inside must be
# reached too.
FOCUSABLE = """() => {
  document.querySelectorAll('details').forEach(details => { details.open = true; });
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]';
  const visible = el => el.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const elements = [...document.querySelectorAll(selector)].filter(
    el => !el.disabled && el.tabIndex >= 0 && visible(el));
  elements.forEach((el, index) => el.setAttribute('data-focus-check', index));
  return elements.length;
}"""


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_every_control_is_reached_with_the_tab_key(visit, kind, language):
    tab = visit(kind, language)
    count = tab.evaluate(FOCUSABLE)
    reached = set()
    for _ in range(count + 10):
        tab.keyboard.press("Tab")
        marker = tab.evaluate("() => document.activeElement?.getAttribute('data-focus-check')")
        if marker is not None:
            reached.add(int(marker))
    missed = tab.evaluate(
        "missed => missed.map(i => document.querySelector(`[data-focus-check='${i}']`).outerHTML"
        ".slice(0, 120))",
        sorted(set(range(count)) - reached),
    )
    assert missed == []


@pytest.mark.parametrize(("kind", "language"), PAGES)
def test_html_css_and_javascript_weigh_less_than_150_kb(visit, kind, language):
    tab = visit(kind, language)
    tab.wait_for_load_state("load")
    weights = tab.evaluate(
        """() => {
          const kinds = ['navigation', 'css', 'script', 'link'];
          return performance.getEntriesByType('navigation').concat(
            performance.getEntriesByType('resource'))
            .filter(entry => entry.entryType === 'navigation' || kinds.includes(entry.initiatorType)
                    || /\\.(css|js)(\\?|$)/.test(entry.name))
            .map(entry => [entry.name, entry.decodedBodySize]);
        }"""
    )
    total = sum(size for _name, size in weights)
    assert total < PAGE_BUDGET_BYTES, weights
