"""Accessibility for what Qt builds itself and leaves without words."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QLineEdit, QToolButton


def name_clear_button(edit: QLineEdit, words: str, tooltip: str = "") -> None:
    """Qt's clear button of a field (``setClearButtonEnabled``) has an icon and no words: a screen
    reader says "button" and a mouse user gets no tooltip. Give it ``words`` (and ``tooltip``, say
    with the key that does the same)."""
    for button in edit.findChildren(QToolButton):
        action = button.defaultAction()
        if action is not None:
            action.setText(words)
            action.setToolTip(tooltip or words)


def tooltip_description(index: QModelIndex | QPersistentModelIndex) -> str | None:
    """A cell's accessible description: what its tooltip adds to its text. Qt hands a screen reader
    a cell's AccessibleTextRole and AccessibleDescriptionRole, never its tooltip; a model returns
    this for AccessibleDescriptionRole."""
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    if not isinstance(tip, str) or not tip.strip():
        return None
    return None if tip == index.data(Qt.ItemDataRole.DisplayRole) else tip
