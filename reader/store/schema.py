"""The database schema, as the migrations that build it, version by version.

`PRAGMA user_version` holds how many migrations have run. Each migration runs
in its own transaction, so a database is always at exactly one version. A
migration may use the parameter `:reader_id`, a new random id (uuid4 hex).

Articles are found by `article_key`, the exact bytes of their id (see
`reader.store.text`); `article_id` is kept beside it as readable text.
"""

MIGRATIONS: tuple[str, ...] = (
    # 1: feedback records (issue 2)
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
    # 2: settings and this database's reader id; feedback by article key and
    # reader (rebuilt, keeping every row and its id); reading positions; read
    # sections. Ids written by schema 1 were valid UTF-8, so their key is their
    # text's bytes.
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    INSERT INTO settings (key, value) VALUES ('reader_id', :reader_id);
    CREATE TABLE feedback_v2 (
        id INTEGER PRIMARY KEY,
        article_key BLOB NOT NULL,
        article_id TEXT NOT NULL,
        article_title TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        answer TEXT NOT NULL CHECK (answer IN ('yes', 'no')),
        comment TEXT,
        created_at TEXT NOT NULL,
        app_version TEXT NOT NULL,
        reader_id TEXT NOT NULL
    );
    INSERT INTO feedback_v2 (id, article_key, article_id, article_title,
        content_sha256, answer, comment, created_at, app_version, reader_id)
    SELECT id, CAST(article_id AS BLOB), article_id, article_title,
        content_sha256, answer, comment, created_at, app_version, :reader_id
    FROM feedback;
    DROP TABLE feedback;
    ALTER TABLE feedback_v2 RENAME TO feedback;
    CREATE INDEX feedback_by_article ON feedback (article_key, id);
    CREATE TABLE positions (
        article_key BLOB PRIMARY KEY,
        article_id TEXT NOT NULL,
        section_id TEXT NOT NULL,
        section_index INTEGER NOT NULL CHECK (section_index >= 0),
        scroll_y REAL NOT NULL CHECK (scroll_y >= 0),
        updated_at TEXT NOT NULL
    );
    CREATE TABLE read_sections (
        article_key BLOB NOT NULL,
        section_id TEXT NOT NULL,
        read_at TEXT NOT NULL,
        PRIMARY KEY (article_key, section_id)
    ) WITHOUT ROWID;
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def statements(script: str) -> list[str]:
    """The statements of a migration script, one per `;` (none inside strings)."""
    return [part.strip() for part in script.split(";") if part.strip()]
