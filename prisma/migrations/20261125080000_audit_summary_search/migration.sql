-- The audit log's free-text filter (lib/audit/queries.ts: summary::text ILIKE '%…%') on a log of
-- millions of rows: a trigram index on the same expression, so that a rare word is found without
-- reading the whole log (about 0.8 s per million rows before; a few ms with the index).
-- schema.prisma cannot describe an expression index, and Prisma's diff leaves it alone (the drift
-- test in tests/integration/database/migrations.test.ts runs over this migration).
-- CONCURRENTLY: on a large log the build takes a while (about 20 s per million rows), and every
-- change in Paceline writes an audit row, so the table stays writable meanwhile. This has to be
-- the migration's only statement: CONCURRENTLY cannot run in a transaction block.
CREATE INDEX CONCURRENTLY "AuditLog_summary_text_trgm_idx" ON "AuditLog" USING GIN (("summary"::text) gin_trgm_ops);
