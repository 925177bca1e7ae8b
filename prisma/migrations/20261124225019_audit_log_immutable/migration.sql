-- CreateIndex
CREATE INDEX "AuditLog_actorLabel_id_idx" ON "AuditLog"("actorLabel", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_id_idx" ON "AuditLog"("action", "id");

-- The audit log is append-only (docs/decisions/0012-audit-log-and-backups.md): no UPDATE and no
-- DELETE, whoever sends them. The app has no such path; this makes a bug, a script or a hand-typed
-- statement fail loudly instead of rewriting history.
-- The one change let through: the foreign key's ON DELETE SET NULL when the acting user's row is
-- deleted (actorId -> NULL, nothing else changes, and that user is really gone); actorLabel keeps
-- who it was. TRUNCATE stays possible for the table owner (seed --replace empties every table).
CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD."actorId" IS NOT NULL AND NEW."actorId" IS NULL
     AND (NEW."id", NEW."at", NEW."actorLabel", NEW."action", NEW."entityType", NEW."entityId", NEW."summary", NEW."address")
         IS NOT DISTINCT FROM (OLD."id", OLD."at", OLD."actorLabel", OLD."action", OLD."entityType", OLD."entityId", OLD."summary", OLD."address")
     AND NOT EXISTS (SELECT 1 FROM "User" WHERE "id" = OLD."actorId") THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'the audit log is append-only: % of "AuditLog" refused', TG_OP
    USING ERRCODE = 'restrict_violation', HINT = 'Audit entries cannot be changed or deleted; record a new entry instead.';
END
$$;

CREATE TRIGGER audit_log_append_only
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
