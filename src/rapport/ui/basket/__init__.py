"""The basket an associate builds for a customer and sends them to pay (Ctrl+B)."""
