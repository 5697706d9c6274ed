"""The activity chart's axes say what they measure (issue 14: the contacts axis was a bare number
beside a money axis)."""

from __future__ import annotations

from rapport.cache.queries import MonthActivity
from rapport.ui.customer.activity_chart import ActivityChart


def test_the_contacts_axis_says_what_it_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ActivityChart()
    qtbot.addWidget(chart)
    chart.set_activity([MonthActivity(2026, m, 10_000 * m, m % 4) for m in range(1, 13)], "EUR")
    spend, contacts = chart.axis_labels()
    assert spend == "€1,500"  # the money axis names its currency
    assert contacts == "3 contacts"
