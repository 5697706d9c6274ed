"""The application and its window: start, sign-in, the session, the main window with its
actions, menus and status bar, the start page, tablet panes, help dialogs and the sync worker.
The only package that wires the features together."""
