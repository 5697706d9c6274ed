"""The catalogs and the choice of language.

- Every string the code passes to tr() has a finished French translation (all plural forms), the
  English catalog has the English plural forms, and the committed .qm files are what lrelease
  makes of the .ts (so `uv run rapport demo` on a fresh clone runs in French with no build step).
- The language comes from IT policy, the --language flag, the settings file or RAPPORT_LANGUAGE,
  else the computer's; Qt's own strings and the default locale (money, dates) follow it.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from rapport.config import Settings, SettingsError
from rapport.policy import UI_LANGUAGES, Policy, PolicyError, load_policy
from rapport.ui.common import format as fmt
from rapport.ui.common import i18n

CATALOGS = i18n.catalog_dir()
ROOT = Path(__file__).resolve().parents[2]
# Where packaging/translations.sh reads strings: tr() in the UI, QT_TRANSLATE_NOOP("Messages", ...)
# in the layers without Qt (rapport.domain.messages).
SOURCES = [ROOT / "src" / "rapport" / part for part in ("ui", "cache", "domain")]


def _tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease of this environment."""
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} not found: it comes with pyside6-essentials")
    return found


Message = tuple[str, str, str]  # context, source, disambiguation


def _messages(ts: Path) -> dict[Message, ET.Element]:
    root = ET.parse(ts).getroot()
    out = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for m in context.iter("message"):
            out[(name, m.findtext("source") or "", m.findtext("comment") or "")] = m
    return out


def _forms(m: ET.Element) -> list[str]:
    t = m.find("translation")
    assert t is not None
    if m.get("numerus") == "yes":
        return [f.text or "" for f in t.iter("numerusform")]
    return [t.text or ""]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, ET.Element]:
    """What lupdate finds in the code today (into a scratch catalog)."""
    out = tmp_path_factory.mktemp("lupdate") / "rapport_fr.ts"
    subprocess.run(
        [_tool("pyside6-lupdate"), "-silent", "-locations", "none", "-extensions", "py",
         *map(str, SOURCES), "-ts", str(out)],
        check=True,
    )  # fmt: skip
    return _messages(out)


@pytest.fixture
def restore_english(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.install(qapp, "en")


# --------------------------------------------------------------------------------------------------
# The catalogs


def test_every_source_string_has_a_finished_french_translation(
    extracted: dict[Message, ET.Element],
) -> None:
    assert len(extracted) > 300  # lupdate did read the code
    french = _messages(CATALOGS / "rapport_fr.ts")
    missing = sorted(set(extracted) - set(french))
    assert not missing, f"not in rapport_fr.ts (run packaging/translations.sh): {missing[:10]}"
    problems = []
    for key in extracted:
        m = french[key]
        t = m.find("translation")
        assert t is not None
        state = t.get("type")  # unfinished, obsolete, vanished: anything but done
        if state or not all(f.strip() for f in _forms(m)):
            problems.append((key, state or "empty"))
        if (m.get("numerus") == "yes") != (extracted[key].get("numerus") == "yes"):
            problems.append((key, "plural in one and not the other"))
    assert not problems, problems[:10]
    # Nothing the code no longer says (packaging/translations.sh drops those).
    assert not sorted(set(french) - set(extracted))


def test_placeholders_survive_translation() -> None:
    """A translation keeps every {field} and %n of its source: .format() would raise, or a count
    would vanish, at the moment the agent needs the sentence."""
    import re

    for ts in (CATALOGS / "rapport_fr.ts", CATALOGS / "rapport_en.ts"):
        for (context, source, _), m in _messages(ts).items():
            wanted = sorted(re.findall(r"\{\w*\}", source))
            for form in _forms(m):
                assert sorted(re.findall(r"\{\w*\}", form)) == wanted, (ts.name, context, form)
                if "%n" in source and form != _forms(m)[0]:
                    assert "%n" in form, (ts.name, context, form)


def test_english_catalog_has_every_plural(extracted: dict[Message, ET.Element]) -> None:
    english = _messages(CATALOGS / "rapport_en.ts")
    plurals = {k for k, m in extracted.items() if m.get("numerus") == "yes"}
    assert plurals and plurals == set(english)
    for key in plurals:
        one, many = _forms(english[key])
        assert "(s)" not in one + many, key


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_committed_qm_is_built_from_the_ts(language: str, tmp_path: Path) -> None:
    built = tmp_path / f"rapport_{language}.qm"
    ts = CATALOGS / f"rapport_{language}.ts"
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)], check=True)
    committed = CATALOGS / built.name
    assert committed.read_bytes() == built.read_bytes(), (
        f"{committed.name} is not lrelease's output of {ts.name}: run packaging/translations.sh"
    )


# --------------------------------------------------------------------------------------------------
# Choosing the language


@pytest.mark.parametrize(
    ("setting", "system", "language", "locale"),
    [
        ("fr", "en_US", "fr", "fr_FR"),
        ("en", "fr_FR", "en", "en_GB"),
        ("auto", "fr_FR", "fr", "fr_FR"),
        ("auto", "fr_BE", "fr", "fr_BE"),  # the country stays the computer's
        ("auto", "en_US", "en", "en_US"),
        ("auto", "de_DE", "en", "en_GB"),  # no German catalog: English, British money and dates
        ("auto", "C", "en", "en_GB"),
    ],
)
def test_language_and_locale(
    qapp: QApplication, restore_english: None, setting: str, system: str, language: str, locale: str
) -> None:
    active = i18n.install(qapp, setting, system=QLocale(system))
    assert (active.language, active.locale.name(), active.catalog) == (language, locale, True)
    assert QLocale().name() == locale  # the default every formatter reads
    today = QCoreApplication.translate("Words", "today")
    assert today == {"fr": "aujourd'hui", "en": "today"}[language]


def test_french_loads_qt_own_strings_and_money(qapp: QApplication, restore_english: None) -> None:
    active = i18n.install(qapp, "fr", system=QLocale("en_US"))
    assert active.qt_catalog  # qtbase_fr.qm from PySide6's translations folder
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
    assert fmt.money(34900, "EUR") == "349,00\u00a0€"
    # One plural form for 0 and 1 in French, the other from 2.
    views = [QCoreApplication.translate("IntentWords", "%n view(s)", "", n) for n in (0, 1, 2)]
    assert views == ["0 vue", "1 vue", "2 vues"]
    i18n.install(qapp, "en", system=QLocale("fr_FR"))
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"
    assert fmt.money(34900, "EUR") == "€349.00"
    views = [QCoreApplication.translate("IntentWords", "%n view(s)", "", n) for n in (0, 1, 2)]
    assert views == ["0 views", "1 view", "2 views"]


def test_the_setting_comes_from_policy_flag_file_or_environment(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text('language = "en"\n', encoding="utf-8")
    none = Policy()
    assert Settings.load(tmp_path / "missing.toml", env={}, policy=none).language == "auto"
    assert Settings.load(user, env={}, policy=none).language == "en"
    from_env = Settings.load(user, env={"RAPPORT_LANGUAGE": "fr"}, policy=none)
    assert (
        from_env.language == "fr" and from_env.source("language") == "environment RAPPORT_LANGUAGE"
    )
    assert from_env.interface_language("en") == "en"  # a flag beats the file and the environment
    assert from_env.interface_language(None) == "fr"
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('language = "fr"\n', encoding="utf-8")
    it = Settings.load(user, env={"RAPPORT_LANGUAGE": "en"}, policy=load_policy(policy_file))
    assert it.language == "fr" and it.interface_language("en") == "fr"  # IT's choice wins
    # Saved with the user's settings, unless IT set it.
    saved = tmp_path / "saved.toml"
    from_env.save(saved)
    assert 'language = "fr"' in saved.read_text(encoding="utf-8")
    it.save(saved)
    assert "language" not in saved.read_text(encoding="utf-8")


def test_an_unknown_language_is_refused_with_the_file(tmp_path: Path) -> None:
    user = tmp_path / "settings.toml"
    user.write_text('language = "klingon"\n', encoding="utf-8")
    with pytest.raises(SettingsError, match="language must be one of auto, en, fr"):
        Settings.load(user, env={}, policy=Policy())
    with pytest.raises(SettingsError, match="RAPPORT_LANGUAGE"):
        Settings.load(tmp_path / "none.toml", env={"RAPPORT_LANGUAGE": "de"}, policy=Policy())
    policy_file = tmp_path / "policy.toml"
    policy_file.write_text('hub_url = "https://hub"\nlanguage = "de"\n', encoding="utf-8")
    with pytest.raises(PolicyError, match=r"line 2: language must be one of auto, en, fr"):
        load_policy(policy_file)


def test_the_demo_takes_a_language_flag() -> None:
    from rapport.cli import _parser

    assert _parser().parse_args(["demo", "--language", "fr"]).language == "fr"
    assert _parser().parse_args(["--language", "en"]).language == "en"
    with pytest.raises(SystemExit):
        _parser().parse_args(["demo", "--language", "de"])


# --------------------------------------------------------------------------------------------------
# What the cache refuses, in the agent's language


def test_a_french_dialog_shows_a_french_validation_message(
    qtbot, qapp: QApplication, writes, restore_english: None
) -> None:  # type: ignore[no-untyped-def]
    """The cache says why it refuses a write (it imports no Qt); the dialog says it in French."""
    from rapport.ui.customer.new_customer import NewCustomerDialog

    i18n.install(qapp, "fr")
    dialog = NewCustomerDialog(writes, "FR", phone="abc")
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.error_text("family_name") == "Indiquez au moins un prénom ou un nom."
    dialog.given.setText("Léa")
    dialog.submit()
    assert dialog.error_text("phone").startswith("Ce n'est pas un numéro de téléphone.")


def test_refusals_are_translated_with_their_values(
    qapp: QApplication, writes, restore_english: None
) -> None:  # type: ignore[no-untyped-def]
    """A refusal's numbers are written the locale's way and its worded parts translated too;
    str() stays the English sentence (logs, the command line)."""
    from rapport.cache.writes import WriteError
    from rapport.hub.demo_data import STORY_CUSTOMERS
    from rapport.ui.common.messages import error_text

    hoops = STORY_CUSTOMERS["hoops"]
    with pytest.raises(WriteError) as long_note:
        writes.log_interaction(hoops, channel="phone", summary="x" * 10_001)
    with pytest.raises(WriteError) as nul:
        writes.log_interaction(hoops, channel="phone", summary="a\x00b")
    assert str(long_note.value) == "The note is over 10,000 characters."
    i18n.install(qapp, "fr")
    assert error_text(long_note.value) == "La note dépasse 10\u202f000 caractères."
    assert error_text(nul.value).startswith("Ce texte contient un caractère NUL")
    i18n.install(qapp, "en")
    assert error_text(long_note.value) == str(long_note.value)


def test_a_french_booking_titles_the_task_in_french(
    qtbot, qapp: QApplication, reader, writes, restore_english: None
) -> None:  # type: ignore[no-untyped-def]
    from rapport.cache.outbox import entries
    from rapport.hub.demo_data import STORY_CUSTOMERS
    from rapport.ui.followups.appointment import BookAppointmentDialog
    from tests.helpers import FIXED_NOW

    i18n.install(qapp, "fr")
    bride = STORY_CUSTOMERS["bride"]
    dialog = BookAppointmentDialog(reader, writes, bride, "Camille Dubois", FIXED_NOW)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("ring sizing"))
    assert dialog.kind.currentText() == "Prise de tour de doigt"
    dialog.note.setText("alliances en or blanc")
    dialog.submit()
    [entry] = [e for e in entries(reader) if e.name == "task.create"]
    assert entry.args["appointment_type"] == "ring sizing"  # the code stays the code
    assert (
        entry.args["title"] == "Rendez-vous\u00a0: prise de tour de doigt — alliances en or blanc"
    )
