"""Icons, the stylesheet and translations (data files, no code)."""
