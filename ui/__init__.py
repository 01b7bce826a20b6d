"""PySide6 desktop client: widgets, Qt item models, dialogs. The only package importing Qt."""
