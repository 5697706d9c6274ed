"""The outbox: what this computer has not sent yet, what the hub refused or answered with a notice
(Ctrl+Shift+O), and how those answers are said in the status bar."""
