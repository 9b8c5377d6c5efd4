"""Signals of the core (connected in the listeners' AppConfig.ready()).

`action_logged` is sent by `core.audit.log_action` inside the transaction that logs the action, while that
transaction holds the audit head lock; argument `entry` (core.models.AuditEntry). A listener that writes rows
there writes them in the order the transactions commit, which is what the change feed relies on.
"""

from django.dispatch import Signal

action_logged = Signal()
