"""What the app's item models share."""

from __future__ import annotations

from PySide6.QtCore import Qt


def is_column_title(section: int, orientation: Qt.Orientation, role: int, columns: int) -> bool:
    """Whether ``headerData`` is asked for the text of one of the ``columns`` column titles (a
    table's horizontal header; its rows have none)."""
    return (
        orientation == Qt.Orientation.Horizontal
        and role == Qt.ItemDataRole.DisplayRole
        and 0 <= section < columns
    )
