"""The customer 360 (the header, open issues, web intent, timeline, purchases, offers and the next
best actions, read in one pass) and the dialogs about the open customer: log an interaction,
consent and preferences; and a new customer."""
