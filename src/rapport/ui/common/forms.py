"""The pieces the app's dialogs and panes are built from, so they look and read alike: a form row
whose label is its field's buddy (the label's Alt+letter and a screen reader reach the field, not
the box around it), the title of a dialog about one customer, headings, quiet hints, the empty
state of a list, and the buttons of a dialog that saves. Sizes come from the font, colours from the palette."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from rapport.ui.common.format import scaled_font

# A dialog's customer name, over its fields; a page's title is larger (start page, About).
HEADING_SCALE = 1.3


def heading_font(font: QFont, scale: float = 1.0) -> QFont:
    """``font`` semi-bold, ``scale`` times its size."""
    bold = scaled_font(font, scale) if scale != 1.0 else QFont(font)
    bold.setWeight(QFont.Weight.DemiBold)
    return bold


def heading(
    text: str, parent: QWidget | None = None, *, name: str = "", scale: float = HEADING_SCALE
) -> QLabel:
    """A semi-bold label ``scale`` times the font's size."""
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setFont(heading_font(label.font(), scale))
    return label


def quiet(text: str = "", parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A wrapped hint in the secondary text colour: a note, a reason, never an error."""
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def customer_title(overline: str, name: str, object_name: str, parent: QWidget) -> QVBoxLayout:
    """The top of a dialog about one customer: what it does ("Basket for"), quiet, over their
    name as a heading. ``overline`` may be empty."""
    column = QVBoxLayout()
    column.setSpacing(0)
    if overline:
        above = QLabel(overline, parent)
        above.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        column.addWidget(above)
    column.addWidget(heading(name, parent, name=object_name))
    return column


def empty_state(
    text: str = "", parent: QWidget | None = None, *, name: str = "", wrap: bool = False
) -> QLabel:
    """What a list or table shows instead of itself while it has nothing: a centred line in the
    secondary text colour."""
    label = QLabel(text, parent)
    if name:
        label.setObjectName(name)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setWordWrap(wrap)
    return label


def add_field_row(form: QFormLayout, text: str, field: QWidget, *below: QWidget) -> QLabel:
    """A row of ``form``: ``text`` (its &-letter included) beside ``field``, with ``below`` under
    the field (its error message, a note). Returns the row's label, ``field``'s buddy."""
    if below:
        box = QWidget(field.parentWidget())
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(field.fontMetrics().height() // 6)
        column.addWidget(field)
        for widget in below:
            column.addWidget(widget)
        form.addRow(text, box)
        label = form.labelForField(box)
    else:
        form.addRow(text, field)
        label = form.labelForField(field)
    assert isinstance(label, QLabel)
    label.setBuddy(field)
    return label


def submit_buttons(
    dialog: QDialog, text: str, name: str, submit: Callable[[], object]
) -> QDialogButtonBox:
    """OK, saying ``text`` and named ``name``, and Cancel. OK and Ctrl+Enter (from any field, the
    note included) call ``submit``, which closes the dialog once it has saved; Cancel and Esc
    reject it."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(text)
    ok.setObjectName(name)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    for key in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(key), dialog, submit)
    return buttons
