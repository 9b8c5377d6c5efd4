"""Who may reach a URL, declared next to each URL pattern (`ACCESS` in every urls module, by URL name) so a test
can walk every pattern and check it (tests/core/test_url_access.py). Deny by default: a URL without a
declaration fails that test. The declaration says who may open the page at all; which records they then see is
decided by the permission predicates and `visible_to` filters of each app (other organizations' records: 404).

The JSON API declares the same through django-ninja: operations with `auth=` need a token (401 without); /admin/
is Django's admin (staff accounts only).
"""

from __future__ import annotations

from enum import StrEnum


class Access(StrEnum):
    PUBLIC = "public"  # anyone, no account (tracking pages and signed links carry their own secret)
    STAFF = (
        "staff"  # signed-in staff: only their organizations' records (or what they supervise), 404 otherwise
    )
    SUPERVISION = (
        "supervision"  # signed-in supervisors of a supervising organization, within their jurisdictions
    )
