"""The desktop app's interface (PySide6), a package per feature: ``shell`` (the app and its
window, the only package that wires the others), ``calls``, ``search``, ``customer``, ``basket``,
``followups``, ``outbox``, and ``common`` (what they share). ``uv run lint-imports`` holds that
order; docs/architecture.md has the map."""
