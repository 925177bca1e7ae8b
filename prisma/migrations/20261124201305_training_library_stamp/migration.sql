-- CreateTable
CREATE TABLE "TrainingLibraryStamp" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "generation" BIGINT NOT NULL DEFAULT 0,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingLibraryStamp_pkey" PRIMARY KEY ("id")
);

-- The library's generation: bumped in the same transaction as every change that search results
-- depend on, so it becomes visible together with the change. App instances compare it with the
-- generation their cached results were computed under (lib/training/cache.ts, decision 0004).
-- An upsert, so a seed that truncates every table leaves a usable row behind.
INSERT INTO "TrainingLibraryStamp" ("id") VALUES (1) ON CONFLICT DO NOTHING;

CREATE FUNCTION training_library_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "TrainingLibraryStamp" ("id", "generation", "changedAt") VALUES (1, 1, clock_timestamp())
  ON CONFLICT ("id") DO UPDATE SET "generation" = "TrainingLibraryStamp"."generation" + 1, "changedAt" = clock_timestamp();
  RETURN NULL;
END
$$;

-- Modules: created or deleted; published (latestVersion, publishedAt), reviewed (lastReviewedAt),
-- retired (retiredAt), renamed. Draft saves change none of these and leave the stamp alone.
CREATE TRIGGER training_library_touch_modules
  AFTER INSERT OR DELETE OR TRUNCATE ON "TrainingModule"
  FOR EACH STATEMENT EXECUTE FUNCTION training_library_touch();

CREATE TRIGGER training_library_touch_module_rows
  AFTER UPDATE ON "TrainingModule"
  FOR EACH ROW
  WHEN (
    OLD."latestVersion" IS DISTINCT FROM NEW."latestVersion"
    OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
    OR OLD."lastReviewedAt" IS DISTINCT FROM NEW."lastReviewedAt"
    OR OLD."retiredAt" IS DISTINCT FROM NEW."retiredAt"
    OR OLD."slug" IS DISTINCT FROM NEW."slug"
  )
  EXECUTE FUNCTION training_library_touch();

-- Versions are inserted on publish and never updated (caching their rendering is not a change).
CREATE TRIGGER training_library_touch_versions
  AFTER INSERT OR DELETE OR TRUNCATE ON "TrainingModuleVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION training_library_touch();

-- Staleness: which models a version was validated on, their status, planned replacements.
CREATE TRIGGER training_library_touch_validations
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "TrainingValidation"
  FOR EACH STATEMENT EXECUTE FUNCTION training_library_touch();

CREATE TRIGGER training_library_touch_models
  AFTER INSERT OR DELETE OR TRUNCATE OR UPDATE OF "status" ON "ModelVersion"
  FOR EACH STATEMENT EXECUTE FUNCTION training_library_touch();

CREATE TRIGGER training_library_touch_model_changes
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ModelChangeEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION training_library_touch();
