"""Signals other apps listen to (connected in their AppConfig.ready()).

`disclosure_changed` is sent inside the transaction that changes what the public sees of a disclosure
(published, corrected, withdrawn, validity changed), so a listener can write to its own outbox atomically.
Arguments: `disclosure_id` (int) and `action` (str: "published", "corrected", "withdrawn", "validity").
"""

from django.dispatch import Signal

disclosure_changed = Signal()
