"""complaint_counts: received by received date, upheld by decision date, period boundaries inclusive."""

from __future__ import annotations

import datetime as dt

from gongkai.complaints.selectors import ComplaintCounts, complaint_counts
from tests.factories import ComplaintFactory


def make(org, supervisor, received_on, *, finding="", decided_on=None):
    return ComplaintFactory(
        organization=org,
        supervisor=supervisor,
        received_on=received_on,
        finding=finding,
        decided_on=decided_on,
    )


def test_counts_match_a_hand_count_with_boundaries(centre, other_org, supervisor_org):
    start, end = dt.date(2026, 1, 1), dt.date(2026, 3, 31)
    make(centre, supervisor_org, dt.date(2025, 12, 31))  # before: not received in period
    make(centre, supervisor_org, dt.date(2026, 1, 1))  # first day: counted
    make(centre, supervisor_org, dt.date(2026, 3, 31), finding="upheld", decided_on=dt.date(2026, 4, 1))
    make(
        centre, supervisor_org, dt.date(2025, 12, 1), finding="partly_upheld", decided_on=dt.date(2026, 3, 31)
    )
    make(centre, supervisor_org, dt.date(2025, 11, 1), finding="upheld", decided_on=dt.date(2025, 12, 31))
    make(centre, supervisor_org, dt.date(2026, 2, 1), finding="not_upheld", decided_on=dt.date(2026, 2, 20))
    make(other_org, supervisor_org, dt.date(2026, 4, 1))  # after: nothing for other_org

    counts = complaint_counts([centre.pk, other_org.pk, supervisor_org.pk], start, end)

    assert counts == {centre.pk: ComplaintCounts(received=3, upheld=1)}
    assert counts.get(other_org.pk, ComplaintCounts()) == ComplaintCounts(0, 0)
    assert complaint_counts([], start, end) == {}
    assert complaint_counts([other_org.pk], dt.date(2026, 4, 1), dt.date(2026, 4, 1)) == {
        other_org.pk: ComplaintCounts(received=1, upheld=0)
    }
