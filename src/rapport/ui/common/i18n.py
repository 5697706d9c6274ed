"""The interface language: which catalog is loaded, and the locale money and dates follow.

One system, Qt Linguist's: every user-facing string goes through ``self.tr()`` (in a QObject) or
``QCoreApplication.translate(context, ...)``; ``resources/translations/rapport_<lang>.ts`` are the
catalogs (``packaging/translations.sh`` refreshes them from the code and compiles the ``.qm`` files
next to them, which are committed so a checkout runs in French without a build step). Qt's own
strings (the buttons of standard dialogs, a line edit's context menu) come from ``qtbase_<lang>.qm``
shipped with PySide6.

The English catalog is loaded too: it only holds the English plural forms ("%n view(s)" -> "1 view",
"2 views"), the way Qt plurals work.

The language is the setting ``language`` (IT policy, ``--language``, the settings file or
``RAPPORT_LANGUAGE``) when it names one we have, else the first of the computer's languages we have
(``QLocale.system().uiLanguages()``), else English. The default QLocale follows it, keeping the
computer's country when its language is the same (fr_BE stays Belgian), so ``rapport.ui.common.format``
writes "349,00 €" under a French interface and "€349.00" under an English one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from rapport.policy import UI_LANGUAGES

__all__ = [
    "Active",
    "Context",
    "TranslatedNames",
    "active",
    "catalog_dir",
    "install",
    "resolve_language",
]

_log = logging.getLogger(__name__)
# The locale a language gets when the computer's is another language's.
_HOME_LOCALE = {"en": "en_GB", "fr": "fr_FR"}


class Context:
    """A translation context for code outside a QObject: ``Dates.tr("today")``.

    lupdate files a call written ``Name.tr(...)`` under the context ``Name`` (what precedes
    ``.tr``), plurals included (``Name.tr("%n view(s)", "", n)``), so an instance is bound to a
    module-level name equal to its context. (``QCoreApplication.translate`` works at run time, but
    lupdate does not see its plural argument; and PySide's ``self.tr`` looks a plural up under the
    subclass's name only, so a plural in a class that is subclassed goes through a Context too.)"""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def tr(self, text: str, disambiguation: str | None = None, n: int = -1) -> str:
        return QCoreApplication.translate(self.name, text, disambiguation, n)


class TranslatedNames(Mapping[Any, str]):
    """A module-level table of labels (code -> label) read in the language of the moment: the
    labels are source texts marked with ``QT_TRANSLATE_NOOP(context, "...")`` for lupdate, and are
    translated when looked up, since the table is built before any catalog is loaded."""

    def __init__(self, context: str, labels: Mapping[Any, str]) -> None:
        self._context = context
        self._labels = dict(labels)

    def __getitem__(self, code: Any) -> str:
        return QCoreApplication.translate(self._context, self._labels[code])

    def __iter__(self) -> Iterator[Any]:
        return iter(self._labels)

    def __len__(self) -> int:
        return len(self._labels)


@dataclass(frozen=True, slots=True)
class Active:
    language: str  # "en", "fr"
    locale: QLocale
    qt_catalog: bool  # Qt's own strings found for this language
    catalog: bool = True  # ours found (it always is, unless the install is damaged)


_translators: list[QTranslator] = []
_active: Active | None = None


def catalog_dir() -> Path:
    return Path(str(files("rapport.resources.translations")))


def _qt_translations_dirs() -> list[str]:
    # Where Qt says; a frozen build may not say, but keeps the folder inside the PySide6 package.
    import PySide6

    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(Path(PySide6.__file__).parent / "Qt" / "translations"),
    ]


def _language_of(name: str) -> str:
    # "fr-FR", "fr_FR", "fr" -> "fr"
    return name.replace("_", "-").split("-", 1)[0].lower()


def resolve_language(setting: str, system: QLocale | None = None) -> str:
    """``setting`` when we have it, else the first of the computer's languages we have, else
    English."""
    if setting in UI_LANGUAGES:
        return setting
    system = system or QLocale.system()
    for name in [*system.uiLanguages(), system.name()]:
        language = _language_of(name)
        if language in UI_LANGUAGES:
            return language
    return "en"


def _locale_for(language: str, system: QLocale) -> QLocale:
    if _language_of(system.name()) == language:
        return QLocale(system.name())
    return QLocale(_HOME_LOCALE.get(language, language))


def install(
    app: QCoreApplication, setting: str = "auto", *, system: QLocale | None = None
) -> Active:
    """Load the catalogs for ``setting`` ("auto", "en", "fr") into ``app`` in place of any loaded
    before, and make that language's locale the default. Widgets built before this keep their
    texts: call it before building windows."""
    global _active
    system = system or QLocale.system()
    language = resolve_language(setting, system)
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()

    ours = QTranslator()
    found = ours.load(f"rapport_{language}", str(catalog_dir()))
    if found:
        app.installTranslator(ours)
        _translators.append(ours)
    else:
        _log.warning("no catalog for %s in %s", language, catalog_dir())

    qt = QTranslator()
    qt_found = language != "en" and any(
        qt.load(f"qtbase_{language}", folder) for folder in _qt_translations_dirs()
    )
    if qt_found:
        app.installTranslator(qt)
        _translators.append(qt)

    locale = _locale_for(language, system)
    QLocale.setDefault(locale)
    _active = Active(language, locale, qt_found, found)
    _log.info(
        "interface language %s (setting %s), locale %s, catalog %s, Qt's own strings %s",
        language,
        setting,
        locale.name(),
        "loaded" if found else "missing",
        "loaded" if qt_found else "not loaded",
    )
    return _active


def active() -> Active | None:
    """What :func:`install` loaded last, or None before it ran."""
    return _active
