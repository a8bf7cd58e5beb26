"""axe-core in the page: WCAG 2.2 A and AA rules, nothing excluded."""

from functools import cache
from pathlib import Path

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@cache
def _axe_source() -> str:
    return AXE.read_text()


def axe_run(page) -> dict:
    """axe-core's result for the page, WCAG 2.2 A and AA rules only, nothing excluded.

    Every element of every violation is listed; a rule the page passes lists its first element
    only (axe's resultTypes), which is all the tests read of passes and halves axe's time on long
    pages."""
    # Evaluated through the DevTools protocol, so the page's strict CSP still applies to the page.
    page.evaluate(_axe_source())
    return page.evaluate(
        "async tags => await axe.run(document, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_A_AA,
    )


def described(violations) -> list[str]:
    return [
        f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in violations
    ]


def axe_violations(page) -> list[str]:
    return described(axe_run(page)["violations"])
