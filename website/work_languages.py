"""The languages a person works in, as the apps that give language roles say.

An app that restricts some people to some languages registers a
``convivium_work_languages`` hook: called with a user, it answers a set of
language codes, or None when it sets no limit for that user. Apps that hold
content in several languages (answers, feedback…) ask ``work_languages``
without knowing which app gives the roles.
"""

from wagtail import hooks

HOOK = "convivium_work_languages"


def work_languages(user):
    """None for every language, or the set of language codes ``user`` works in."""
    languages = None
    for hook in hooks.get_hooks(HOOK):
        answer = hook(user)
        if answer is not None:
            languages = set(answer) if languages is None else languages & set(answer)
    return languages
