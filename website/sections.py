"""Sections that apps add to the home page and to partner pages.

The project layer does not know about practices or events: each app registers
a ``convivium_sections`` hook, a function of ``(page, request)`` that returns a
``Section`` for the pages it has something to show on, or ``None``.
"""

from dataclasses import dataclass, field

from wagtail import hooks


@dataclass
class Section:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def collect_sections(page, request):
    sections = [
        section
        for hook in hooks.get_hooks("convivium_sections")
        if (section := hook(page, request))
    ]
    return sorted(sections, key=lambda section: section.order)
