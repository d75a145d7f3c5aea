"""The handbook as an EPUB 3 book, from the same content as the PDF."""

import io
import uuid

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from ebooklib import epub

STYLE = """
body { line-height: 1.5; }
.chapter-number { text-transform: uppercase; letter-spacing: 0.1em; }
.practice-box { border: 1px solid #8a2a5c; padding: 0.5em 1em; margin: 1em 0; }
.practice-title { font-weight: bold; }
"""


def write_epub(book):
    """EPUB bytes: a cover page, one document per chapter, the navigation document and NCX."""
    with translation.override(book.language):
        return _write(book)


def _write(book):
    ebook = epub.EpubBook()
    # The same identifier for every build of one language (and edition): one book, new versions.
    ebook.set_identifier(
        f"urn:uuid:{uuid.uuid5(book.key, book.language + str(book.edition or ''))}"
    )
    ebook.set_title(book.title)
    ebook.set_language(book.language)
    ebook.set_direction(book.direction)
    ebook.add_author(settings.WAGTAIL_SITE_NAME)
    if book.updated:
        ebook.add_metadata("DC", "date", book.updated.date().isoformat())
    style = epub.EpubItem(
        uid="style", file_name="style.css", media_type="text/css", content=STYLE.encode()
    )
    ebook.add_item(style)

    context = {"book": book, "network_name": settings.WAGTAIL_SITE_NAME}
    cover = page(book, "cover.xhtml", book.title, "handbook/epub/cover.html", context)
    documents = [cover]
    for chapter in book.chapters:
        documents.append(
            page(
                book,
                f"chapter-{chapter.number}.xhtml",
                chapter.title,
                "handbook/epub/chapter.html",
                {**context, "chapter": chapter},
            )
        )
    for document in documents:
        document.add_item(style)
        ebook.add_item(document)
    ebook.toc = [
        epub.Link(document.file_name, document.title, document.id) for document in documents[1:]
    ]
    ebook.add_item(epub.EpubNcx())
    ebook.add_item(epub.EpubNav(direction=book.direction))
    ebook.spine = ["nav", *documents]
    out = io.BytesIO()
    epub.write_epub(out, ebook)
    return out.getvalue()


def page(book, file_name, title, template, context):
    document = epub.EpubHtml(
        title=title,
        file_name=file_name,
        lang=book.language,
        direction=book.direction,
        uid=file_name.removesuffix(".xhtml"),
    )
    document.content = render_to_string(template, context)
    return document
