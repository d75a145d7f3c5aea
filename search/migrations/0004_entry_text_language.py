from django.db import migrations, models


class Migration(migrations.Migration):
    """Entries for the aliases of untranslated practices: the language of their text."""

    dependencies = [
        ("search", "0003_facets_on_text_rows_newest_in_sort_order"),
    ]

    operations = [
        migrations.AddField(
            model_name="practiceentry",
            name="text_language",
            field=models.CharField(
                default="", max_length=12, verbose_name="language of the text"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="entrytext",
            name="original",
            field=models.BooleanField(default=True, verbose_name="original"),
        ),
        # Every entry so far is an original, written in the entry's language.
        migrations.RunSQL(
            "UPDATE search_practiceentry SET text_language = language",
            migrations.RunSQL.noop,
        ),
    ]
