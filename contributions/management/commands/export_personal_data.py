import json

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

from contributions.personal_data import held_about


class Command(BaseCommand):
    help = "Print, as JSON, everything the contributions hold about one email address."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        try:
            validate_email(email.strip())
        except ValidationError as error:
            raise CommandError(f"Not an email address: {email!r}") from error
        data = held_about(email)
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        self.stderr.write(f"{len(data['contributions'])} contribution(s) found.")
