"""The local store: a SQLite (or SQLCipher) file with the documents and their projections."""
