"""Sending replies to citizens through GOV.UK Notify, centrally: the ``notify`` job of the
worker (``caseworker central notify-worker``), which alone holds the Notify key, and a local
stand-in for Notify's API for tests and development (``standin``)."""
