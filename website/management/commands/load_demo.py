import argparse

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from translators.signals import refresh_once_at_the_end
from website.demo import content
from website.demo.network import DemoNetwork

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "convivium"  # noqa: S105 - the demo's published login


def address(value):
    """``host:port`` (or ``host``, port 80) as a pair."""
    hostname, _colon, port = value.rpartition(":") if ":" in value else (value, "", "80")
    if not hostname or not port.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not host:port, e.g. localhost:8000")
    return hostname, int(port)


class Command(BaseCommand):
    help = "Load the multilingual demo network. Safe to run again: it only adds what is missing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--partners",
            help="Comma-separated slugs of the partners to load (default: all eight).",
        )
        parser.add_argument(
            "--address",
            type=address,
            help="host:port the demo is served on (make demo passes its own), "
            "for every absolute address the site prints. Default: the Site's current one.",
        )
        parser.add_argument(
            "--no-admin", action="store_true", help="Do not create the demo admin account."
        )

    def handle(self, *args, **options):
        self.stdout.write("Loading the Convivium demo network (sample content)…")
        partner_files = None
        if options["partners"]:
            partner_files = []
            for slug in options["partners"].split(","):
                path = content.CONTENT_DIR / f"partner-{slug.strip()}.toml"
                if not path.exists():
                    raise CommandError(f"No demo partner {slug.strip()!r}.")
                partner_files.append(path)
        # The translation queue is brought up to date once, at the end.
        with refresh_once_at_the_end():
            network = DemoNetwork(
                self.stdout, partner_files=partner_files, address=options["address"]
            )
            created = network.load()
        self.stdout.write(self.style.SUCCESS(f"Demo network ready: {created} items created."))
        self.stdout.write(f"Site: {network.site.root_url}/")
        if not options["no_admin"]:
            self.ensure_admin(network.site)

    def ensure_admin(self, site):
        User = get_user_model()
        if not User.objects.filter(username=ADMIN_USERNAME).exists():
            User.objects.create_superuser(
                ADMIN_USERNAME, "admin@convivium.example.org", ADMIN_PASSWORD
            )
        self.stdout.write(
            f"Admin: {site.root_url}/admin/  user {ADMIN_USERNAME}  password {ADMIN_PASSWORD}"
        )
