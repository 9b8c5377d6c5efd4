"""Template tags for pages outside the transaction app that show a disclosure's transaction.

On the disclosure page: ``{% load transaction_tags %}{% transaction_link disclosure %}`` renders "本信息属于交易项目
… 的 … 环节" with a link to the transaction's timeline (nothing when the disclosure is not a step of one), or
``{% transaction_of disclosure.pk as txn %}`` gives the transaction (with ``txn.step_stage``) to lay out freely.
"""

from __future__ import annotations

from django import template

from gongkai.transactions.selectors import transaction_of as _transaction_of

register = template.Library()


@register.simple_tag
def transaction_of(disclosure_id: int):
    """The transaction the disclosure is a step of, or None."""
    return _transaction_of(disclosure_id)


@register.inclusion_tag("portal/transactions/_disclosure_link.html")
def transaction_link(disclosure):
    return {"txn": _transaction_of(disclosure.pk)}
