"""The central mentions collector: social-media posts that mention the council, read on the
central side with the council's token (never on a laptop) and written into the central
database as ``mention`` documents (``caseworker.mentions``). One adapter per network
(``adapter.Network``); Mastodon first (``mastodon``)."""
