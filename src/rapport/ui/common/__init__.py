"""Shared by every part of the UI: formats, words, icons, the look, accessibility and form helpers.
Imports no other package of rapport.ui (a contract holds it)."""
