from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from partners.provisioning import PartnerSpec, provision


class Command(BaseCommand):
    help = (
        "Add a partner with its microsite, collection, groups, workflow and menus. "
        "Running it again for the same partner changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("organisation_name")
        parser.add_argument("--type", dest="organisation_type", default="municipality")
        parser.add_argument("--city", required=True)
        parser.add_argument("--country", required=True, help="ISO 3166 code, e.g. PT")
        parser.add_argument("--languages", default="", help="Comma-separated codes, e.g. pt,en")
        parser.add_argument("--email", default="")
        parser.add_argument("--website", default="")
        parser.add_argument("--hostname", default="", help="Its own host, e.g. porto.localhost")

    def handle(self, *args, **options):
        spec = PartnerSpec(
            organisation_name=options["organisation_name"],
            organisation_type=options["organisation_type"],
            city=options["city"],
            country=options["country"].upper(),
            languages=[code.strip() for code in options["languages"].split(",") if code.strip()],
            contact_email=options["email"],
            website=options["website"],
            hostname=options["hostname"],
        )
        try:
            result = provision(spec)
        except ValidationError as error:
            messages = [
                f"{field}: {'; '.join(problems)}" for field, problems in error.message_dict.items()
            ]
            raise CommandError("\n".join(messages)) from error
        verb = "Added" if result.created else "Already there:"
        self.stdout.write(
            self.style.SUCCESS(f"{verb} {result.partner.title} ({result.partner.url})")
        )
        self.stdout.write(f"  groups: {result.editors.name}, {result.moderators.name}")
        self.stdout.write(
            f"  collection: {result.collection.name}; workflow: {result.workflow.name}"
        )
        if result.site:
            self.stdout.write(f"  site: {result.site.root_url}/")
