"""Models of the basket dialog: catalog search results, the variants of one product with their
stock here and elsewhere, and the basket's lines."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from rapport.cache.basket import MAX_QUANTITY, BasketLine, ProductHit, VariantStock
from rapport.ui.common import format as fmt
from rapport.ui.common.accessible import tooltip_description
from rapport.ui.common.i18n import Context, TranslatedNames
from rapport.ui.common.item_models import is_column_title

Index = QModelIndex | QPersistentModelIndex
BasketWords = Context("BasketWords")


def stock_elsewhere_text(variant: VariantStock, limit: int = 3) -> str:
    """``Paris La Défense 4, Lyon Part-Dieu 2 and 3 more``; empty when no other store has any."""
    shown = [f"{s.name} {s.quantity}" for s in variant.elsewhere[:limit]]
    rest = len(variant.elsewhere) - len(shown)
    text = ", ".join(shown)
    if rest <= 0:
        return text
    return BasketWords.tr("{stores} and %n more", "", rest).format(stores=text)


def variant_text(size: str | None, color: str | None) -> str:
    return " · ".join(x for x in ((color or "").capitalize(), size or "") if x)


class CatalogRole(IntEnum):
    ProductId = Qt.ItemDataRole.UserRole + 1
    Product = Qt.ItemDataRole.UserRole + 2  # the ProductHit


class CatalogModel(QAbstractListModel):
    """Products matching what was typed: name, then brand, category and price on a second line."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProductHit] = []

    def set_results(self, hits: Sequence[ProductHit]) -> None:
        self.beginResetModel()
        self._rows = list(hits)
        self.endResetModel()

    def product(self, row: int) -> ProductHit | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        hit = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            price = fmt.money(hit.price, hit.currency)
            viewed = (
                QCoreApplication.translate("CatalogModel", "Viewed online") if hit.viewed else None
            )
            details = " · ".join(x for x in (viewed, hit.category, hit.sku, price) if x)
            return f"{hit.name}\n{details}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{name}, {price}").format(
                name=hit.name, price=fmt.money(hit.price, hit.currency)
            )
        if role == CatalogRole.ProductId:
            return hit.id
        if role == CatalogRole.Product:
            return hit
        return None


class VariantColumn(IntEnum):
    Variant = 0
    Price = 1
    Here = 2
    Elsewhere = 3


class VariantRole(IntEnum):
    VariantId = Qt.ItemDataRole.UserRole + 1
    Variant = Qt.ItemDataRole.UserRole + 2  # the VariantStock
    Here = Qt.ItemDataRole.UserRole + 3
    ElsewhereTotal = Qt.ItemDataRole.UserRole + 4


class VariantStockModel(QAbstractTableModel):
    """One row per size and color of a product: price, stock in this store, stock elsewhere."""

    def __init__(self, here_name: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[VariantStock] = []
        self._headers = {
            VariantColumn.Variant: self.tr("Color · size"),
            VariantColumn.Price: self.tr("Price"),
            VariantColumn.Here: here_name or self.tr("This store"),
            VariantColumn.Elsewhere: self.tr("Other stores"),
        }

    def set_variants(self, variants: Sequence[VariantStock]) -> None:
        self.beginResetModel()
        self._rows = list(variants)
        self.endResetModel()

    def variant(self, row: int) -> VariantStock | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, size: str | None, color: str | None) -> int:
        return next(
            (i for i, v in enumerate(self._rows) if v.size == size and v.color == color), -1
        )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(VariantColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if is_column_title(section, orientation, role, len(VariantColumn)):
            return self._headers.get(VariantColumn(section))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        v = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == VariantColumn.Variant:
                return variant_text(v.size, v.color)
            if col == VariantColumn.Price:
                return fmt.money(v.price, v.currency)
            if col == VariantColumn.Here:
                return str(v.here) if v.here else self.tr("Out of stock")
            if col == VariantColumn.Elsewhere:
                return stock_elsewhere_text(v) or self.tr("None")
        if role == Qt.ItemDataRole.ToolTipRole and col == VariantColumn.Elsewhere:
            return "\n".join(f"{s.name}: {s.quantity}" for s in v.elsewhere) or None
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return tooltip_description(index)  # the stores, one by one
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            VariantColumn.Price,
            VariantColumn.Here,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == VariantRole.VariantId:
            return v.id
        if role == VariantRole.Variant:
            return v
        if role == VariantRole.Here:
            return v.here
        if role == VariantRole.ElsewhereTotal:
            return v.elsewhere_total
        return None


class LineColumn(IntEnum):
    Item = 0
    Variant = 1
    Source = 2
    Quantity = 3
    Amount = 4


LINE_HEADERS = TranslatedNames(
    "BasketLinesModel",
    {
        LineColumn.Item: QT_TRANSLATE_NOOP("BasketLinesModel", "Item"),
        LineColumn.Variant: QT_TRANSLATE_NOOP("BasketLinesModel", "Color · size"),
        LineColumn.Source: QT_TRANSLATE_NOOP("BasketLinesModel", "From"),
        LineColumn.Quantity: QT_TRANSLATE_NOOP("BasketLinesModel", "Qty"),
        LineColumn.Amount: QT_TRANSLATE_NOOP("BasketLinesModel", "Amount"),
    },
)


class LineRole(IntEnum):
    LineId = Qt.ItemDataRole.UserRole + 1
    Line = Qt.ItemDataRole.UserRole + 2  # the BasketLine


class BasketLinesModel(QAbstractTableModel):
    """The basket's lines; the quantity is edited in place (while the basket is a draft)."""

    def __init__(
        self, currency: str = "EUR", store_names: dict[str, str] | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self._lines: list[BasketLine] = []
        self.currency = currency
        self.store_names = store_names or {}
        self.editable = True

    @property
    def lines(self) -> tuple[BasketLine, ...]:
        return tuple(self._lines)

    def set_lines(self, lines: Sequence[BasketLine]) -> None:
        self.beginResetModel()
        self._lines = list(lines)
        self.endResetModel()

    def add(self, line: BasketLine) -> int:
        """Add a line, or more of the same variant from the same store; returns its row."""
        for i, existing in enumerate(self._lines):
            if (existing.variant_id, existing.source_store_id) == (
                line.variant_id,
                line.source_store_id,
            ):
                qty = min(MAX_QUANTITY, existing.quantity + line.quantity)
                self.setData(self.index(i, LineColumn.Quantity), qty)
                return i
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(line)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(LineColumn)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if is_column_title(section, orientation, role, len(LineColumn)):
            return LINE_HEADERS.get(LineColumn(section))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == LineColumn.Quantity and self.editable:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line = self._lines[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == LineColumn.Item:
                return line.name
            if col == LineColumn.Variant:
                return variant_text(line.size, line.color)
            if col == LineColumn.Source:
                sid = line.source_store_id
                return self.store_names.get(sid, sid) if sid else self.tr("This store")
            if col == LineColumn.Quantity:
                return line.quantity
            if col == LineColumn.Amount:
                return fmt.money(line.amount, self.currency)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (
            LineColumn.Quantity,
            LineColumn.Amount,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (LineColumn.Item, LineColumn.Source):
            return self.data(index, Qt.ItemDataRole.DisplayRole)
        if role == LineRole.LineId:
            return line.line_id
        if role == LineRole.Line:
            return line
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (
            not index.isValid()
            or index.column() != LineColumn.Quantity
            or role != Qt.ItemDataRole.EditRole
            or not 0 <= index.row() < len(self._lines)
        ):
            return False
        try:
            qty = int(value)
        except (TypeError, ValueError):
            return False
        if not 1 <= qty <= MAX_QUANTITY:
            return False
        line = self._lines[index.row()]
        self._lines[index.row()] = replace(line, quantity=qty)
        self.dataChanged.emit(
            self.index(index.row(), LineColumn.Quantity), self.index(index.row(), LineColumn.Amount)
        )
        return True
