"""The database schema, as the migrations that build it, version by version.

`PRAGMA user_version` holds how many migrations have run. Each migration runs
in its own transaction, so a database is always at exactly one version.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: feedback records
    """
    CREATE TABLE feedback (
        id INTEGER PRIMARY KEY,
        article_id TEXT NOT NULL,
        article_title TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
        comment TEXT,
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL
    );
    CREATE INDEX feedback_by_article ON feedback (article_id, id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)
