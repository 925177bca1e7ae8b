-- Trigram matching (typo-tolerant title search).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "ReviewDecision" AS ENUM ('APPROVED', 'CHANGES_REQUESTED');

-- AlterEnum
ALTER TYPE "ModuleStatus" ADD VALUE 'APPROVED';

-- AlterTable
ALTER TABLE "TrainingModule" ADD COLUMN     "lastEditedById" UUID,
ADD COLUMN     "publishedAt" TIMESTAMP(3),
ADD COLUMN     "submittedById" UUID,
ADD COLUMN     "validatedModelIds" UUID[];

-- AlterTable
ALTER TABLE "TrainingModuleVersion" ADD COLUMN     "searchVector" tsvector;

-- CreateTable
CREATE TABLE "TrainingReview" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "moduleId" UUID NOT NULL,
    "reviewerId" UUID,
    "decision" "ReviewDecision" NOT NULL,
    "comment" TEXT,
    "draftVersion" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingFlag" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "moduleId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "raisedById" UUID,
    "moduleVersion" INTEGER NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" UUID,
    "resolution" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TrainingFlag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TrainingRating" (
    "moduleId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "comment" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TrainingRating_pkey" PRIMARY KEY ("moduleId","userId")
);

-- CreateTable
CREATE TABLE "LearningPath" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "stage" "Stage" NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearningPath_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LearningPathItem" (
    "pathId" UUID NOT NULL,
    "moduleId" UUID NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "LearningPathItem_pkey" PRIMARY KEY ("pathId","moduleId")
);

-- CreateTable
CREATE TABLE "LearningCompletion" (
    "userId" UUID NOT NULL,
    "moduleId" UUID NOT NULL,
    "completedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LearningCompletion_pkey" PRIMARY KEY ("userId","moduleId")
);

-- CreateIndex
CREATE INDEX "TrainingReview_moduleId_createdAt_idx" ON "TrainingReview"("moduleId", "createdAt");

-- CreateIndex
CREATE INDEX "TrainingFlag_moduleId_resolvedAt_idx" ON "TrainingFlag"("moduleId", "resolvedAt");

-- CreateIndex
CREATE UNIQUE INDEX "LearningPath_stage_key" ON "LearningPath"("stage");

-- CreateIndex
CREATE UNIQUE INDEX "LearningPathItem_pathId_position_key" ON "LearningPathItem"("pathId", "position");

-- CreateIndex
CREATE INDEX "LearningCompletion_moduleId_idx" ON "LearningCompletion"("moduleId");

-- CreateIndex
CREATE INDEX "TrainingModule_ownerId_idx" ON "TrainingModule"("ownerId");

-- CreateIndex
CREATE INDEX "TrainingModuleVersion_searchVector_idx" ON "TrainingModuleVersion" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "TrainingModuleVersion_title_trgm_idx" ON "TrainingModuleVersion" USING GIN ("title" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "TrainingModule" ADD CONSTRAINT "TrainingModule_lastEditedById_fkey" FOREIGN KEY ("lastEditedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingModule" ADD CONSTRAINT "TrainingModule_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingReview" ADD CONSTRAINT "TrainingReview_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingReview" ADD CONSTRAINT "TrainingReview_reviewerId_fkey" FOREIGN KEY ("reviewerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFlag" ADD CONSTRAINT "TrainingFlag_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFlag" ADD CONSTRAINT "TrainingFlag_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingFlag" ADD CONSTRAINT "TrainingFlag_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRating" ADD CONSTRAINT "TrainingRating_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TrainingRating" ADD CONSTRAINT "TrainingRating_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPathItem" ADD CONSTRAINT "LearningPathItem_pathId_fkey" FOREIGN KEY ("pathId") REFERENCES "LearningPath"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningPathItem" ADD CONSTRAINT "LearningPathItem_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningCompletion" ADD CONSTRAINT "LearningCompletion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearningCompletion" ADD CONSTRAINT "LearningCompletion_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Full-text document of every published version: title (A), tags and summary (B), body (D).
-- Kept by a trigger because Prisma does not model generated columns; versions are immutable, so
-- it is computed once, on insert.
CREATE FUNCTION training_version_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(array_to_string(NEW."tags", ' '), '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."summary", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."body", '')), 'D');
  RETURN NEW;
END
$$;

CREATE TRIGGER training_version_search_vector
  BEFORE INSERT OR UPDATE OF "title", "tags", "summary", "body" ON "TrainingModuleVersion"
  FOR EACH ROW EXECUTE FUNCTION training_version_search_vector();

UPDATE "TrainingModuleVersion" SET "title" = "title";
