"""Pages not yet translated, present in every language in the best one they exist in.

A practice written in English and Italian has, in the Greek tree, a Wagtail alias: a
Greek page that shows the text of the version it follows and is republished with it.
The Greek indexes, map and home page list it like any Greek page, and its templates
say which language it is written in. The version an alias follows is the first that
is live in the language's fallback order (CONVIVIUM_FALLBACK_LANGUAGES, English
last), else any live version. When a translation of the page starts, the alias becomes
that translation's page: the draft waits in its revisions for the language's reviewers,
and until they approve it the public reads the alias's text, labelled as before, and
kept up to date with that text as an alias would be.

Aliases follow the pages: a publication makes or re-points the aliases of its page,
an unpublication or a deletion re-points them to the next version or lets them go, a
move takes them under the new parent's version in their language.
"""

import contextlib
import functools
import threading
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.signals import page_published

from .drafts import live_content, put_back
from .formats import babel_locale, format_list
from .models import TranslationInReview
from .pagecache import remember

_deferred = threading.local()

# Pages written in their own language: neither an alias nor a translation in review,
# which both show another language's text. Only these are translations for the
# sitemap, hreflang, feeds and the API.
OWN_TEXT = Q(alias_of__isnull=True, in_review__isnull=True)


def original_of(page):
    """The page whose text ``page`` shows: itself, unless it is a fallback.

    No query for a page without a draft waiting, nor where ``in_review__shows`` was
    selected with the page.
    """
    if getattr(page, "alias_of_id", None):
        return page.alias_of
    if not getattr(page, "has_unpublished_changes", False):
        return page
    try:
        return page.in_review.shows
    except TranslationInReview.DoesNotExist:
        return page


def fallback_order(code):
    """The languages whose text a page shows in ``code`` when it has no translation."""
    configured = [
        other
        for other in settings.CONVIVIUM_FALLBACK_LANGUAGES.get(code, [])
        if other not in (code, settings.LANGUAGE_CODE)
    ]
    return [*configured, settings.LANGUAGE_CODE] if code != settings.LANGUAGE_CODE else []


@dataclass
class Refreshed:
    created: int = 0
    repointed: int = 0


def _versions(translation_keys):
    pages = Page.objects.filter(depth__gt=1).order_by("depth", "path")
    if translation_keys is not None:
        pages = pages.filter(translation_key__in=translation_keys)
    return pages.values_list(
        "id",
        "translation_key",
        "locale__language_code",
        "alias_of_id",
        "live",
        "depth",
        "in_review__shows",
        "last_published_at",
    )


def _source_for(code, originals):
    """The live original to show in ``code``: {language: page id} of live originals."""
    for other in fallback_order(code):
        if other in originals:
            return originals[other]
    return next(
        (originals[other] for other, _name in settings.LANGUAGES if other in originals), None
    )


def refresh(translation_keys=None, progress=None):
    """Make or re-point the aliases of these pages (of every page if None).

    Shallow pages first, so that every alias finds its parent in its language.
    """
    codes = [code for code, _name in settings.LANGUAGES]
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    by_key = {}
    published = {}
    for row in _versions(translation_keys):
        page_id, key, code, alias_of_id, live, depth, shows_id, published_at = row
        entry = by_key.setdefault(
            key, {"depth": depth, "originals": {}, "aliases": {}, "in_review": {}}
        )
        published[page_id] = published_at
        if alias_of_id:
            entry["aliases"][code] = (page_id, alias_of_id)
        elif shows_id:
            entry["in_review"][code] = (page_id, shows_id, live)
        elif live:
            entry["originals"][code] = page_id
        else:
            entry["aliases"].setdefault(code, None)  # a draft of its own: not to be aliased
        entry["depth"] = min(entry["depth"], depth)
    done = Refreshed()
    keys = sorted(by_key, key=lambda key: by_key[key]["depth"])
    for key in progress(keys) if progress else keys:
        entry = by_key[key]
        originals, aliases = entry["originals"], entry["aliases"]
        for code in codes:
            if code in originals or code not in locales:
                continue
            source_id = _source_for(code, originals)
            if code in entry["in_review"]:
                page_id, shows_id, live = entry["in_review"][code]
                if source_id is None:
                    if live:
                        Page.objects.get(pk=page_id).specific.unpublish(log_action=False)
                elif (
                    not live
                    or shows_id != source_id
                    or (published[page_id] != published[source_id])
                ):
                    _follow(page_id, source_id)
                    done.repointed += 1
                continue
            existing = aliases.get(code)
            if code in aliases and existing is None:
                continue
            if existing is None:
                if source_id is not None and _create(source_id, locales[code]):
                    done.created += 1
            elif source_id is None:
                continue  # Wagtail unpublished it with the last original
            elif existing[1] != source_id:
                _repoint(existing[0], source_id)
                done.repointed += 1
    if done.created:
        # Wagtail keeps the addresses of every site's root in each language in the
        # cache, and refreshes them when a Site changes, not when a root gains a language.
        Site.clear_site_root_paths_cache()
    return done


def _create(source_id, locale):
    source = Page.objects.get(pk=source_id).specific
    parent = source.get_parent()
    if parent.depth > 1 and not parent.get_translations().filter(locale=locale).exists():
        return False  # its parent has no version in that language yet
    alias = source.copy_for_translation(locale, copy_parents=False, alias=True)
    # Wagtail announces an alias's publication when it updates it, not when it makes
    # it: the listeners (the practice index, the page cache) hear of it from here.
    page_published.send(sender=alias.specific_class, instance=alias.specific, revision=None)
    return True


def _repoint(alias_id, source_id):
    Page.objects.filter(pk=alias_id).update(alias_of_id=source_id)
    Page.objects.get(pk=source_id).specific.update_aliases()


def _follow(page_id, source_id):
    """Show the live text of ``source_id`` in a page in review, as Wagtail updates an alias.

    The translation's draft (its title, revisions, unpublished changes) stays as it is.
    """
    source = Page.objects.get(pk=source_id).specific
    page = Page.objects.get(pk=page_id).specific
    followed = page.with_content_json(source.serializable_data())
    # The source's own child rows are copied, not taken over, in the page's language.
    copies = source.copy_all_child_relations(target=followed)
    for copied in copies.values():
        for child in copied if isinstance(copied, list) else [copied]:
            if isinstance(child, TranslatableMixin):
                child.locale_id = page.locale_id
    followed.slug = page.slug
    followed.set_url_path(page.get_parent())
    followed.live = True
    followed.last_published_at = source.last_published_at
    followed.save(clean=False)
    TranslationInReview.objects.filter(page_id=page_id).update(shows_id=source_id)
    page_published.send(
        sender=followed.specific_class, instance=followed, revision=None, alias=True
    )


# The signals: each change of an original refreshes its aliases, once per transaction.


def _pending():
    if not hasattr(_deferred, "keys"):
        _deferred.keys, _deferred.depth = set(), 0
    return _deferred


def _schedule(translation_key):
    # The first callback to run takes every key waiting; the others find none. Keys
    # of a transaction that was rolled back wait for the next one: a refresh of
    # pages that did not change changes nothing.
    state = _pending()
    state.keys.add(translation_key)
    if not state.depth:
        transaction.on_commit(_run_pending)


def _run_pending():
    state = _pending()
    keys, state.keys = state.keys, set()
    if keys:
        refresh(keys)


@contextlib.contextmanager
def refreshed_at_the_end(progress=None):
    """Within it, the changes to many pages refresh their aliases once, at the end."""
    state = _pending()
    state.depth += 1
    try:
        yield
    finally:
        state.depth -= 1
        if state.depth == 0:
            keys, state.keys = state.keys, set()
            if keys:
                refresh(keys, progress=progress)


def original_changed(sender, instance, **kwargs):
    if not settings.CONVIVIUM_FALLBACKS or getattr(instance, "alias_of_id", None):
        return
    if kwargs.get("alias"):
        return  # a fallback brought up to date: its original's change did it
    _schedule(instance.translation_key)
    # A page that comes (back) into a language brings its children's aliases with it:
    # the children of any of its versions.
    paths = Page.objects.filter(translation_key=instance.translation_key).values_list(
        "path", flat=True
    )
    below = Q(pk__in=[])
    for path in paths:
        below |= Q(path__startswith=path, depth__gt=len(path) // Page.steplen)
    for key in Page.objects.filter(below).values_list("translation_key", flat=True).distinct():
        _schedule(key)


def translation_started(sender, instance, created, **kwargs):
    """A translation starts where an alias stood: the alias becomes its page, in review.

    wagtail-localize would turn the live alias into the translation at once, before
    its language's reviewers have seen it: the alias's text is put back once the
    translation is saved (at the end of the transaction that starts it), and the page
    is marked in review so that it is still labelled as the other language's text.
    Deleting the alias instead would let wagtail-localize's clean-up delete this very
    translation with it.
    """
    if not (settings.CONVIVIUM_FALLBACKS and created):
        return
    source = instance.source.get_source_instance()
    if not isinstance(source, Page):
        return
    for alias in Page.objects.filter(
        translation_key=source.translation_key,
        locale_id=instance.target_locale_id,
        alias_of__isnull=False,
    ):
        kept = live_content(alias)
        TranslationInReview.objects.update_or_create(
            page_id=alias.pk, defaults={"shows_id": alias.alias_of_id}
        )
        Page.objects.filter(pk=alias.pk).update(alias_of=None)
        transaction.on_commit(functools.partial(put_back, kept))


def translation_published(sender, instance, revision=None, **kwargs):
    """Its reviewers approved the translation: the page is no longer a fallback."""
    if revision is not None and not kwargs.get("alias"):
        TranslationInReview.objects.filter(page_id=instance.pk).delete()


def original_moved(sender, instance, parent_page_after=None, **kwargs):
    """The aliases of a page that moved follow it, each under its new parent's version.

    Where the new parent has no version in an alias's language, the alias goes: the
    page is back in that language once its parent is.
    """
    if not settings.CONVIVIUM_FALLBACKS or getattr(instance, "alias_of_id", None):
        return
    if parent_page_after is None or kwargs.get("parent_page_before") == parent_page_after:
        return
    parents = {
        page.locale_id: page
        for page in Page.objects.filter(translation_key=parent_page_after.translation_key)
    }
    for alias in Page.objects.filter(alias_of_id=instance.pk):
        parent = parents.get(alias.locale_id)
        if parent is None:
            alias.delete()
        elif not alias.path.startswith(parent.path) or alias.depth != parent.depth + 1:
            alias.move(parent, pos="last-child")


def original_deleted(sender, instance, **kwargs):
    if settings.CONVIVIUM_FALLBACKS and isinstance(instance, Page) and not instance.alias_of_id:
        _schedule(instance.translation_key)


def aliases_of_deleted(sender, instance, **kwargs):
    """An alias whose original is deleted would become a page of its own: delete it first.

    The refresh after the deletion makes it again from the next version, if there is one.
    """
    if settings.CONVIVIUM_FALLBACKS and isinstance(instance, Page) and not instance.alias_of_id:
        for alias in Page.objects.filter(alias_of_id=instance.pk).exclude(
            path__startswith=instance.path
        ):
            alias.delete()


# What the templates show: the language of an alias's text and where else it exists.


@dataclass
class Fallback:
    language: str  # the code of the language the text is in
    direction: str
    available_in: str  # "English and Italian", in the reader's language
    in_review: bool = False  # its translation is written and waits for its reviewers


@dataclass
class _Fallbacks:
    originals: dict  # {translation key: {page id: language}} of the live originals
    in_review: dict  # {page id: id of the original it shows} of this language's pages


def _fallbacks_in_language_of(locale_id):
    """The originals of this tree's aliases and pages in review, in one query."""
    shown = Page.objects.filter(
        Q(alias_of__isnull=False) | Q(in_review__isnull=False), locale_id=locale_id
    ).values("translation_key")
    found = _Fallbacks({}, {})
    for page_id, key, code, page_locale, shows in Page.objects.filter(
        translation_key__in=shown, alias_of__isnull=True, live=True
    ).values_list("id", "translation_key", "locale__language_code", "locale", "in_review__shows"):
        if shows is None:
            found.originals.setdefault(key, {})[page_id] = code
        elif page_locale == locale_id:
            found.in_review[page_id] = shows
    return found


def _may_be_fallback(page):
    # A page in review always has a draft waiting: other pages cost no query.
    return bool(
        getattr(page, "alias_of_id", None) or getattr(page, "has_unpublished_changes", False)
    )


def _shown(page, found):
    if not _may_be_fallback(page):
        return None
    versions = found.originals.get(page.translation_key, {})
    shown = versions.get(page.alias_of_id or found.in_review.get(page.pk))
    if shown is None:
        return None
    reader = babel_locale()
    order = {code: index for index, (code, _name) in enumerate(settings.LANGUAGES)}
    codes = sorted(set(versions.values()), key=lambda code: (code != shown, order.get(code, 99)))
    names = [reader.languages.get(code, code) for code in codes]
    return Fallback(
        language=shown,
        direction="rtl" if translation.get_language_info(shown)["bidi"] else "ltr",
        available_in=format_list(names),
        in_review=page.pk in found.in_review,
    )


def fallback_of(page, request):
    """How ``page`` is shown if it is an alias of another language's text, else None.

    One query per request and language, however many fallbacks a page lists.
    """
    if not _may_be_fallback(page):
        return None
    known = request.__dict__.setdefault("_convivium_fallbacks", {})
    if page.locale_id not in known:
        known[page.locale_id] = remember(
            request,
            f"fallbacks:v2:{page.locale_id}",
            lambda: _fallbacks_in_language_of(page.locale_id),
        )
    return _shown(page, known[page.locale_id])


def fallbacks_for(pages, locale_id):
    """{page id: Fallback} of those of ``pages`` (all of one language) that are fallbacks.

    For what is built without a request, such as the handbook's PDF and EPUB.
    """
    found = _fallbacks_in_language_of(locale_id)
    return {page.pk: fallback for page in pages if (fallback := _shown(page, found))}
