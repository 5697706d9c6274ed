"""Calls: the screen pop of an incoming number, choosing among callers who share it, the
unknown-caller panel, and the call strip that runs until the call is wrapped up."""
