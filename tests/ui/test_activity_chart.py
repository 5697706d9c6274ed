"""The activity chart's axes say what they measure (issue 14: the contacts axis was a bare number
beside a money axis)."""

from __future__ import annotations

from itertools import pairwise

from rapport.cache.queries import MonthActivity
from rapport.ui.customer.activity_chart import ActivityChart


def test_the_contacts_axis_says_what_it_counts(qtbot) -> None:  # type: ignore[no-untyped-def]
    chart = ActivityChart()
    qtbot.addWidget(chart)
    chart.set_activity([MonthActivity(2026, m, 10_000 * m, m % 4) for m in range(1, 13)], "EUR")
    spend, contacts = chart.axis_labels()
    assert spend == "€1,500"  # the money axis names its currency
    assert contacts == "3 contacts"


def test_month_labels_never_touch_in_french(qtbot, qapp) -> None:  # type: ignore[no-untyped-def]
    """French month names are longer ("mars 2025 juin" ran together on a tablet): a narrow chart
    labels fewer months rather than letting them touch."""
    from rapport.ui.common import i18n

    months = [MonthActivity(2024 + (m + 11) // 12, (m + 11) % 12 + 1, 0, 0) for m in range(24)]
    i18n.install(qapp, "fr")
    try:
        for width in (380, 520, 900):
            chart = ActivityChart()
            qtbot.addWidget(chart)
            chart.resize(width, 160)
            chart.set_activity(months, "EUR")
            labels = chart.month_labels()
            assert labels and labels[0][1][-4:].isdigit()  # the year on the first label
            for (a, _), (b, _) in pairwise(labels):
                assert a.right() <= b.left(), (width, [t for _, t in labels])
    finally:
        i18n.install(qapp, "en")
