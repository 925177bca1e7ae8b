-- AlterTable
ALTER TABLE "TrainingModule" ADD COLUMN     "searchHead" tsvector,
ADD COLUMN     "searchTitle" TEXT,
ADD COLUMN     "searchVector" tsvector;

-- CreateIndex
CREATE INDEX "TrainingModule_searchVector_idx" ON "TrainingModule" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "TrainingModule_searchTitle_trgm_idx" ON "TrainingModule" USING GIN ("searchTitle" gin_trgm_ops);

-- Keep the module's search columns equal to its latest published version. Versions are inserted
-- once, after the module's latestVersion has been set to their number (publishModule, the seed).
CREATE FUNCTION training_module_sync_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "TrainingModule" SET
    "searchVector" = NEW."searchVector",
    "searchHead" =
      setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
      setweight(to_tsvector('english', coalesce(array_to_string(NEW."tags", ' '), '')), 'B') ||
      setweight(to_tsvector('english', coalesce(NEW."summary", '')), 'B'),
    "searchTitle" = NEW."title"
  WHERE id = NEW."moduleId" AND "latestVersion" = NEW."number";
  RETURN NULL;
END
$$;

CREATE TRIGGER training_module_sync_search
  AFTER INSERT ON "TrainingModuleVersion"
  FOR EACH ROW EXECUTE FUNCTION training_module_sync_search();

UPDATE "TrainingModule" m SET
  "searchVector" = v."searchVector",
  "searchHead" =
    setweight(to_tsvector('english', coalesce(v."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(array_to_string(v."tags", ' '), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(v."summary", '')), 'B'),
  "searchTitle" = v."title"
FROM "TrainingModuleVersion" v
WHERE v."moduleId" = m.id AND v."number" = m."latestVersion";
