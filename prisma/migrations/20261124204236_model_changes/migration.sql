-- CreateEnum
CREATE TYPE "ModelUse" AS ENUM ('DEFAULT', 'ALLOWED');

-- CreateEnum
CREATE TYPE "SkillKind" AS ENUM ('SKILL', 'PROMPT', 'AGENT_INSTRUCTIONS');

-- CreateEnum
CREATE TYPE "SkillStatus" AS ENUM ('ACTIVE', 'RETIRED');

-- CreateEnum
CREATE TYPE "ValidationResult" AS ENUM ('BETTER', 'SAME', 'WORSE', 'BROKEN');

-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'UPDATING', 'DONE', 'NOT_NEEDED');

-- CreateEnum
CREATE TYPE "RevalidationOutcome" AS ENUM ('KEEP', 'UPDATE', 'RETIRE');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- AlterEnum
ALTER TYPE "ModelChangeStatus" ADD VALUE 'ROLLED_BACK';

-- AlterTable
ALTER TABLE "ModelChangeEvent" ADD COLUMN     "completedAt" TIMESTAMP(3),
ADD COLUMN     "rollbackReason" TEXT,
ADD COLUMN     "rolledBackAt" TIMESTAMP(3),
ADD COLUMN     "rolledBackById" UUID,
ADD COLUMN     "source" TEXT,
ADD COLUMN     "startedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ModelAssignment" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "modelVersionId" UUID NOT NULL,
    "cohortId" UUID,
    "teamId" UUID,
    "use" "ModelUse" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ModelAssignment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelChangeSwitch" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "changeId" UUID NOT NULL,
    "cohortId" UUID NOT NULL,
    "stage" "Stage" NOT NULL,
    "previousModelId" UUID,
    "switchedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revertedAt" TIMESTAMP(3),

    CONSTRAINT "ModelChangeSwitch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Skill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SkillKind" NOT NULL,
    "purpose" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "tags" TEXT[],
    "ownerId" UUID NOT NULL,
    "status" "SkillStatus" NOT NULL DEFAULT 'ACTIVE',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SkillValidation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "skillId" UUID NOT NULL,
    "modelVersionId" UUID NOT NULL,
    "skillRevision" INTEGER NOT NULL,
    "result" "ValidationResult" NOT NULL,
    "notes" TEXT,
    "validatedOn" DATE NOT NULL,
    "validatedById" UUID,
    "source" TEXT NOT NULL DEFAULT 'manual',
    "passed" INTEGER,
    "total" INTEGER,
    "evalId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillValidation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RevalidationTask" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "changeId" UUID NOT NULL,
    "moduleId" UUID,
    "skillId" UUID,
    "ownerId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "outcome" "RevalidationOutcome",
    "notes" TEXT,
    "closedReason" TEXT,
    "closedById" UUID,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RevalidationTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "href" TEXT,
    "changeId" UUID,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookEndpoint" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 0,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WebhookEndpoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "endpointId" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastStatusCode" INTEGER,
    "lastError" TEXT,
    "deliveredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ModelUsageDay" (
    "teamId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "model" TEXT NOT NULL,
    "interactions" INTEGER NOT NULL DEFAULT 0,
    "generations" INTEGER NOT NULL DEFAULT 0,
    "teamActive" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ModelUsageDay_pkey" PRIMARY KEY ("teamId","day","model")
);

-- CreateIndex
CREATE INDEX "ModelAssignment_modelVersionId_idx" ON "ModelAssignment"("modelVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelAssignment_cohortId_modelVersionId_key" ON "ModelAssignment"("cohortId", "modelVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelAssignment_teamId_modelVersionId_key" ON "ModelAssignment"("teamId", "modelVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "ModelChangeSwitch_changeId_cohortId_key" ON "ModelChangeSwitch"("changeId", "cohortId");

-- CreateIndex
CREATE UNIQUE INDEX "Skill_slug_key" ON "Skill"("slug");

-- CreateIndex
CREATE INDEX "Skill_ownerId_idx" ON "Skill"("ownerId");

-- CreateIndex
CREATE INDEX "SkillValidation_skillId_createdAt_idx" ON "SkillValidation"("skillId", "createdAt");

-- CreateIndex
CREATE INDEX "SkillValidation_modelVersionId_idx" ON "SkillValidation"("modelVersionId");

-- CreateIndex
CREATE INDEX "RevalidationTask_ownerId_status_idx" ON "RevalidationTask"("ownerId", "status");

-- CreateIndex
CREATE INDEX "RevalidationTask_moduleId_status_idx" ON "RevalidationTask"("moduleId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "RevalidationTask_changeId_moduleId_key" ON "RevalidationTask"("changeId", "moduleId");

-- CreateIndex
CREATE UNIQUE INDEX "RevalidationTask_changeId_skillId_key" ON "RevalidationTask"("changeId", "skillId");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_endpointId_createdAt_idx" ON "WebhookDelivery"("endpointId", "createdAt");

-- CreateIndex
CREATE INDEX "ModelUsageDay_day_idx" ON "ModelUsageDay"("day");

-- CreateIndex
CREATE INDEX "ModelChangeEvent_status_idx" ON "ModelChangeEvent"("status");

-- AddForeignKey
ALTER TABLE "ModelAssignment" ADD CONSTRAINT "ModelAssignment_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAssignment" ADD CONSTRAINT "ModelAssignment_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelAssignment" ADD CONSTRAINT "ModelAssignment_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelChangeSwitch" ADD CONSTRAINT "ModelChangeSwitch_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ModelChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelChangeSwitch" ADD CONSTRAINT "ModelChangeSwitch_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Skill" ADD CONSTRAINT "Skill_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillValidation" ADD CONSTRAINT "SkillValidation_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillValidation" ADD CONSTRAINT "SkillValidation_modelVersionId_fkey" FOREIGN KEY ("modelVersionId") REFERENCES "ModelVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SkillValidation" ADD CONSTRAINT "SkillValidation_validatedById_fkey" FOREIGN KEY ("validatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevalidationTask" ADD CONSTRAINT "RevalidationTask_changeId_fkey" FOREIGN KEY ("changeId") REFERENCES "ModelChangeEvent"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevalidationTask" ADD CONSTRAINT "RevalidationTask_moduleId_fkey" FOREIGN KEY ("moduleId") REFERENCES "TrainingModule"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevalidationTask" ADD CONSTRAINT "RevalidationTask_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RevalidationTask" ADD CONSTRAINT "RevalidationTask_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_endpointId_fkey" FOREIGN KEY ("endpointId") REFERENCES "WebhookEndpoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ModelUsageDay" ADD CONSTRAINT "ModelUsageDay_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One default model per cohort and per team; an assignment names exactly one of them.
ALTER TABLE "ModelAssignment" ADD CONSTRAINT "ModelAssignment_one_holder" CHECK (("cohortId" IS NULL) <> ("teamId" IS NULL));
CREATE UNIQUE INDEX "ModelAssignment_one_default_per_cohort" ON "ModelAssignment"("cohortId") WHERE "use" = 'DEFAULT' AND "cohortId" IS NOT NULL;
CREATE UNIQUE INDEX "ModelAssignment_one_default_per_team" ON "ModelAssignment"("teamId") WHERE "use" = 'DEFAULT' AND "teamId" IS NOT NULL;

-- A re-validation task is about exactly one training module or one skill.
ALTER TABLE "RevalidationTask" ADD CONSTRAINT "RevalidationTask_one_item" CHECK (("moduleId" IS NULL) <> ("skillId" IS NULL));

-- The "update" path of re-validation: the owner publishes a new training version through the
-- training library's publish flow. When that version (the module's latest) is validated on the
-- change's new model, the module's open task closes here, in the publish transaction, whoever
-- publishes and through whichever path (page, API, script).
CREATE OR REPLACE FUNCTION revalidation_close_on_validation() RETURNS trigger AS $$
DECLARE
  v_module uuid;
  v_number int;
  v_latest int;
  t record;
BEGIN
  SELECT v."moduleId", v.number, m."latestVersion" INTO v_module, v_number, v_latest
  FROM "TrainingModuleVersion" v JOIN "TrainingModule" m ON m.id = v."moduleId"
  WHERE v.id = NEW."trainingVersionId";
  IF v_module IS NULL OR v_number < v_latest THEN
    RETURN NEW;
  END IF;
  FOR t IN
    UPDATE "RevalidationTask" rt
    SET status = 'DONE', outcome = COALESCE(rt.outcome, 'UPDATE'), "closedAt" = now(), "updatedAt" = now(),
        "closedReason" = 'Version ' || v_number || ' validated on ' || mv.snapshot, version = rt.version + 1
    FROM "ModelChangeEvent" e, "ModelVersion" mv
    WHERE rt."moduleId" = v_module AND rt.status IN ('OPEN', 'UPDATING') AND e.id = rt."changeId"
      AND e."toModelId" = NEW."modelVersionId" AND mv.id = NEW."modelVersionId"
    RETURNING rt.id, rt."changeId"
  LOOP
    INSERT INTO "AuditLog" ("actorLabel", action, "entityType", "entityId", summary)
    VALUES ('system', 'models.task.close', 'RevalidationTask', t.id::text,
            jsonb_build_object('outcome', 'UPDATE', 'changeId', t."changeId", 'moduleVersion', v_number));
  END LOOP;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER revalidation_close_on_validation AFTER INSERT ON "TrainingValidation"
  FOR EACH ROW EXECUTE FUNCTION revalidation_close_on_validation();
