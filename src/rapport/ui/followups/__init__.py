"""Follow-ups and appointments (story 4): my tasks (Ctrl+T), booking an appointment for the open
customer (Ctrl+Shift+A), the badge counting what is due, and the notice when a task falls due."""
