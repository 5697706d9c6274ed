"""Route groups of the hub: each module makes an ``APIRouter`` (``router(hub, ...)``) that
``create_app`` includes; ``common`` holds the JSON answer and the sign-in dependencies."""
