"""A translation saved as a draft leaves what the public reads as it was.

wagtail-localize writes a translation into its page's row before it makes the
revision, draft or not; Wagtail serves that row. On a live page the public would
read the unreviewed text at once, so the live content is put back after it.
"""

import contextlib
from dataclasses import dataclass

from wagtail.models import Page


@dataclass(frozen=True)
class LiveContent:
    page_id: int
    content: dict
    live_revision_id: int | None


def live_content(page):
    """What the public reads of ``page`` now, to put back later; None if it is not live."""
    if page is None:
        return None
    page = Page.objects.get(pk=page.pk).specific  # as stored, whatever the caller holds
    if not page.live:
        return None
    return LiveContent(page.pk, page.serializable_data(), page.live_revision_id)


def put_back(kept):
    """Put the kept content back into the page's row, its new revisions left as they are.

    Not if the page was published or unpublished since: what is live then is meant.
    """
    if kept is None:
        return
    page = Page.objects.filter(pk=kept.page_id).first()
    if page is None or not page.live or page.live_revision_id != kept.live_revision_id:
        return
    # Wagtail's own way back to a revision: the page's draft title, latest revision and
    # unpublished changes stay those of the draft just saved.
    page.specific.with_content_json(kept.content).save(clean=False)


@contextlib.contextmanager
def saved_as_draft(page):
    """Within it, a translation saved into ``page`` stays a draft for the public."""
    kept = live_content(page)
    yield
    put_back(kept)
