"""Search as you type on this computer's cache, and on the hub (Ctrl+K, Ctrl+Enter)."""
