"""Route groups of the hub, each registered on the app by ``create_app``."""
