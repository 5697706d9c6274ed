"""Ingestion: Segment-compatible tracking (web and app events) and the systems API (orders and
interactions posted by POS, e-commerce and contact-center systems)."""
