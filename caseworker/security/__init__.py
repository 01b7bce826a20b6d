"""Local security: when the window locks, and what unlocks it (see docs/security.md)."""
