from django import template

from website import menus

register = template.Library()


def _with_state(entries, page):
    return [(entry, entry.state(page)) for entry in entries]


@register.inclusion_tag("website/menus/main_menu.html", takes_context=True)
def main_menu(context):
    page = context.get("page")
    return {"menu_items": _with_state(menus.main_menu(context["request"]), page)}


@register.inclusion_tag("website/menus/flat_menu.html", takes_context=True)
def flat_menu(context, handle, label):
    page = context.get("page")
    return {
        "menu_items": _with_state(menus.flat_menu(context["request"], handle), page),
        "label": label,
    }
