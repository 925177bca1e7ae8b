import type pg from 'pg'

// Invariants of a seeded training library, as SQL that counts violations (every count must be 0).
// Shared by the demo and the large-scale tests; they describe what the app relies on.

const LATEST = `JOIN "TrainingModuleVersion" v ON v."moduleId" = m.id AND v.number = m."latestVersion"`

const CHECKS: Record<string, string> = {
  // Version numbers 1..latestVersion, no gaps, and publish dates increasing with them.
  versionsNotConsecutive: `SELECT count(*) FROM "TrainingModule" m
    WHERE m."latestVersion" <> (SELECT count(*) FROM "TrainingModuleVersion" v WHERE v."moduleId" = m.id)
       OR m."latestVersion" <> coalesce((SELECT max(number) FROM "TrainingModuleVersion" v WHERE v."moduleId" = m.id), 0)`,
  versionsOutOfOrder: `SELECT count(*) FROM "TrainingModuleVersion" a JOIN "TrainingModuleVersion" b
    ON b."moduleId" = a."moduleId" AND b.number = a.number + 1 WHERE b."publishedAt" <= a."publishedAt"`,
  // PUBLISHED (and RETIRED): the working draft is exactly the latest version, validations included.
  draftDiffersFromLatest: `SELECT count(*) FROM "TrainingModule" m ${LATEST}
    WHERE m.status IN ('PUBLISHED', 'RETIRED') AND (
      m.title <> v.title OR m.summary <> v.summary OR m.kind <> v.kind OR m.tags <> v.tags OR m.audience <> v.audience
      OR m."estimatedMinutes" <> v."estimatedMinutes" OR m.body <> v.body
      OR ARRAY(SELECT unnest(m."validatedModelIds") ORDER BY 1) <>
         ARRAY(SELECT tv."modelVersionId" FROM "TrainingValidation" tv WHERE tv."trainingVersionId" = v.id ORDER BY 1))`,
  publishedWithoutVersion: `SELECT count(*) FROM "TrainingModule" WHERE status IN ('PUBLISHED', 'RETIRED') AND "latestVersion" = 0`,
  publishedAtWrong: `SELECT count(*) FROM "TrainingModule" m LEFT ${LATEST}
    WHERE m."publishedAt" IS DISTINCT FROM v."publishedAt"`,
  pendingDraftSameAsLatest: `SELECT count(*) FROM "TrainingModule" m ${LATEST}
    WHERE m.status IN ('DRAFT', 'IN_REVIEW', 'APPROVED') AND m.body = v.body AND m.title = v.title
      AND m."validatedModelIds" = ARRAY(SELECT tv."modelVersionId" FROM "TrainingValidation" tv WHERE tv."trainingVersionId" = v.id)`,
  retiredAtWrong: `SELECT count(*) FROM "TrainingModule" WHERE (status = 'RETIRED') <> ("retiredAt" IS NOT NULL)`,
  submitterWrong: `SELECT count(*) FROM "TrainingModule"
    WHERE (status IN ('IN_REVIEW', 'APPROVED') AND "submittedById" IS NULL) OR (status = 'DRAFT' AND "submittedById" IS NOT NULL)`,
  lockBelowHistory: `SELECT count(*) FROM "TrainingModule" m
    WHERE m.version < 4 * m."latestVersion" OR m.version < (SELECT count(*) FROM "TrainingReview" r WHERE r."moduleId" = m.id)`,
  versionWithoutValidation: `SELECT count(*) FROM "TrainingModuleVersion" v
    WHERE NOT EXISTS (SELECT 1 FROM "TrainingValidation" tv WHERE tv."trainingVersionId" = v.id)`,
  validatedBeforeRelease: `SELECT count(*) FROM "TrainingValidation" tv JOIN "ModelVersion" mv ON mv.id = tv."modelVersionId"
    WHERE tv."validatedAt"::date < mv."releasedOn"`,
  searchVectorMissing: `SELECT count(*) FROM "TrainingModuleVersion" WHERE "searchVector" IS NULL OR length("searchVector") = 0`,
  publisherNotExpert: `SELECT count(*) FROM "TrainingModuleVersion" v JOIN "User" u ON u.id = v."publishedById" WHERE u.role <> 'EXPERT'`,
  // Reviews: never by the owner; one approval per publish (plus the pending one of an APPROVED draft).
  reviewByOwner: `SELECT count(*) FROM "TrainingReview" r JOIN "TrainingModule" m ON m.id = r."moduleId" WHERE r."reviewerId" = m."ownerId"`,
  reviewerNotExpert: `SELECT count(*) FROM "TrainingReview" r JOIN "User" u ON u.id = r."reviewerId" WHERE u.role <> 'EXPERT'`,
  approvalsPerPublish: `SELECT count(*) FROM "TrainingModule" m
    WHERE (SELECT count(*) FROM "TrainingReview" r WHERE r."moduleId" = m.id AND r.decision = 'APPROVED')
      <> m."latestVersion" + (CASE WHEN m.status = 'APPROVED' THEN 1 ELSE 0 END)`,
  publishWithoutPriorApproval: `SELECT count(*) FROM "TrainingModuleVersion" v WHERE NOT EXISTS (
    SELECT 1 FROM "TrainingReview" r WHERE r."moduleId" = v."moduleId" AND r.decision = 'APPROVED' AND r."createdAt" < v."publishedAt"
      AND r."createdAt" > coalesce((SELECT p."publishedAt" FROM "TrainingModuleVersion" p WHERE p."moduleId" = v."moduleId" AND p.number = v.number - 1), '-infinity'))`,
  pendingApprovalBySubmitterOrEditor: `SELECT count(*) FROM "TrainingModule" m JOIN "TrainingReview" r ON r."moduleId" = m.id
    WHERE m.status = 'APPROVED' AND r.decision = 'APPROVED' AND r."createdAt" > coalesce(m."publishedAt", '-infinity')
      AND (r."reviewerId" = m."submittedById" OR r."reviewerId" = m."lastEditedById")`,
  inReviewAlreadyDecided: `SELECT count(*) FROM "TrainingModule" m JOIN "TrainingReview" r ON r."moduleId" = m.id
    WHERE m.status = 'IN_REVIEW' AND r."createdAt" > coalesce(m."publishedAt", '-infinity')`,
  lastReviewedBeforeApproval: `SELECT count(*) FROM "TrainingModule" m
    WHERE m."lastReviewedAt" < (SELECT max(r."createdAt") FROM "TrainingReview" r WHERE r."moduleId" = m.id AND r.decision = 'APPROVED')`,
  // Paths hold published, unretired modules at positions 1..n; completions and ratings touch only those.
  pathItemNotPublished: `SELECT count(*) FROM "LearningPathItem" i JOIN "TrainingModule" m ON m.id = i."moduleId"
    WHERE m."latestVersion" = 0 OR m."retiredAt" IS NOT NULL`,
  pathPositionsNotDense: `SELECT count(*) FROM "LearningPath" p
    WHERE (SELECT array_agg(position ORDER BY position) FROM "LearningPathItem" i WHERE i."pathId" = p.id)
       <> ARRAY(SELECT generate_series(1, (SELECT count(*)::int FROM "LearningPathItem" i WHERE i."pathId" = p.id)))`,
  completionOnUnpublished: `SELECT count(*) FROM "LearningCompletion" c JOIN "TrainingModule" m ON m.id = c."moduleId" WHERE m."latestVersion" = 0`,
  completionBeforePublish: `SELECT count(*) FROM "LearningCompletion" c
    WHERE c."completedAt" < (SELECT min(v."publishedAt") FROM "TrainingModuleVersion" v WHERE v."moduleId" = c."moduleId")`,
  ratingBeforePublishOrByOwner: `SELECT count(*) FROM "TrainingRating" t JOIN "TrainingModule" m ON m.id = t."moduleId"
    WHERE m."latestVersion" = 0 OR t."userId" = m."ownerId"
       OR t."updatedAt" < (SELECT min(v."publishedAt") FROM "TrainingModuleVersion" v WHERE v."moduleId" = m.id)`,
  flagVersionWrong: `SELECT count(*) FROM "TrainingFlag" f JOIN "TrainingModule" m ON m.id = f."moduleId"
    WHERE f."moduleVersion" < 1 OR f."moduleVersion" > m."latestVersion" OR (f."resolvedAt" IS NULL) <> (f."resolvedById" IS NULL)
       OR (f."resolvedAt" IS NOT NULL AND (f.resolution IS NULL OR f."resolvedAt" < f."createdAt"))`,
}

/** Every invariant with its number of violations. */
export async function trainingViolations(c: pg.Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  for (const [name, sql] of Object.entries(CHECKS)) out[name] = Number((await c.query(sql)).rows[0].count)
  return out
}

/**
 * Stale modules per reason, relative to `anchor` (the app compares with now()): not reviewed for
 * 180 days; validated only on retired models or on the `from` model of a running change.
 */
export async function staleModules(c: pg.Client, anchor: Date): Promise<{ age: string[]; model: string[] }> {
  const { rows } = await c.query<{ slug: string; age: boolean; model: boolean }>(
    `SELECT m.slug, m."lastReviewedAt" < $1::timestamp - interval '180 days' AS age,
       NOT EXISTS (SELECT 1 FROM "TrainingValidation" tv JOIN "ModelVersion" mv ON mv.id = tv."modelVersionId"
         WHERE tv."trainingVersionId" = v.id AND mv.status <> 'RETIRED'
           AND NOT EXISTS (SELECT 1 FROM "ModelChangeEvent" e WHERE e."fromModelId" = mv.id AND e.status IN ('PLANNED', 'IN_PROGRESS'))) AS model
     FROM "TrainingModule" m ${LATEST} WHERE m."retiredAt" IS NULL`,
    [anchor.toISOString().slice(0, 10)],
  )
  return { age: rows.filter((r) => r.age).map((r) => r.slug), model: rows.filter((r) => r.model).map((r) => r.slug) }
}
