from django import template

from website import menus

register = template.Library()


@register.inclusion_tag("website/menus/main_menu.html", takes_context=True)
def main_menu(context):
    return {"menu_items": menus.main_menu(context["request"], context.get("page"))}


@register.inclusion_tag("website/menus/flat_menu.html", takes_context=True)
def flat_menu(context, handle, label):
    return {
        "menu_items": menus.flat_menu(context["request"], handle, context.get("page")),
        "label": label,
    }
