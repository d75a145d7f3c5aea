from django_tasks import task


@task()
def build_handbook_files(handbook_id):
    """Background work: bring the PDF and EPUB of one language of the handbook up to date."""
    from practices.models import HandbookPage

    from .building import build_current

    handbook = HandbookPage.objects.filter(pk=handbook_id).first()
    return build_current(handbook) if handbook else 0


@task()
def publish_edition(edition_id):
    """Background work: freeze the files of every language for an edition."""
    from .editions import freeze

    return freeze(edition_id)
