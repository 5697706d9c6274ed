"""The demo's users and their password: light, so ``rapport sync --data DIR`` signs in to a kept
demo without loading the hub."""

DEMO_PASSWORD = "demo"
# (username, display name, role); the associate gets the first store of the data set.
DEMO_USERS = (
    ("agent", "Alex Moreau", "agent"),
    ("associate", "Inès Laurent", "associate"),
    ("supervisor", "Samira Haddad", "supervisor"),
)
