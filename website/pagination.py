from django.core.paginator import Paginator


def paginate(request, queryset, per_page=12):
    """A page of results from ``?page=``; out-of-range or junk numbers give the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
