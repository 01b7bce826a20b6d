"""Integration with the world outside the laptop: the central service, the OS keyring.

Imports no Qt: the window only starts, watches and cancels what lives here.
"""
