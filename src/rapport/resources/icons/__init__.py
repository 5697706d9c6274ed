"""Channel and UI icons (SVG), loaded with importlib.resources."""
