"""The schema revision this code reads and writes, apart from the migration code so a quick
read (``caseworker search``) can check a store's revision without importing SQLAlchemy."""

# The newest migration in migrations/versions; bump together with a new migration file.
HEAD_REVISION = "0019"
KNOWN_REVISIONS = (
    "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009", "0010", "0011",
    "0012", "0013", "0014", "0015", "0016", "0018", "0019",
)  # fmt: skip
