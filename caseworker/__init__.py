"""Caseworker domain core: models, local store, services, documents, revisions, CLI.

Imports no Qt, HTTP client or keyring, so everything here runs headless.
"""

__version__ = "0.1.0"
