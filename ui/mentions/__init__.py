"""The mentions inbox: social-media posts that mention the council, triaged by those who hold
the mentions channel (``ui.mentions.page.MentionsPage``)."""
