"""The central poster of public replies to social-media mentions (``caseworker central
mentions post``): it alone holds the council's Mastodon token."""
