"""gunicorn reads this file from the directory it starts in: settings of our app servers."""

from gunicorn.http import wsgi

# The Server header names no software (and no version an attacker could look up).
wsgi.SERVER = "Convivium"
