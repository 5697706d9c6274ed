"""Neutral line drawings of product kinds, one per catalog category (the demo catalog has no
photos): drawn in one grey and tinted from the palette when shown."""
