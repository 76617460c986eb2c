-- pgvector must exist before any vector column. On a Postgres server a superuser creates it once
-- (scripts/setup-machine.sh does); when it already exists this statement needs no privileges.
CREATE EXTENSION IF NOT EXISTS vector;
