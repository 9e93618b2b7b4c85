"""The editors' admin: correcting meetings and actors, with every change on record.

Editors are staff users in the Editors group (see events.roles); analysts are not staff and never
see the admin. Actions only call services. Meetings and actors show their history and can be
reverted (django-simple-history); so can their participants, sources, evidence, aliases and
roles, from the history pages linked on their meeting's or actor's history.
"""

from events.admin import actors, articles, meetings  # noqa: F401
