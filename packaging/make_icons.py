"""Render the app icon (src/rapport/resources/icons/rapport.svg) into what installers want:
PNGs for Linux icon themes, .ico for Windows, .icns for macOS. Qt draws them, so no extra tool.

Usage: uv run python packaging/make_icons.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

SVG = (
    Path(__file__).resolve().parents[1] / "src" / "rapport" / "resources" / "icons" / "rapport.svg"
)


def render(size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main(out: Path) -> int:
    _app = QGuiApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 64, 128, 256):
        if not render(size).save(str(out / f"rapport-{size}.png")):
            print(f"make_icons: cannot write {size} px PNG", file=sys.stderr)
            return 1
    for name in ("rapport.ico", "rapport.icns"):
        if not render(256).save(str(out / name)):
            print(f"make_icons: cannot write {name} (Qt image plugin missing?)", file=sys.stderr)
            return 1
    print(f"make_icons: icons in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
