import { addDays, sqlDate, sqlTimestamp } from './calendar'
import type { SeedContext } from './context'
import { insertOne } from './sql'

// After training is seeded: which cohorts use which model, a skills & prompt library validated
// across model versions, and the re-validation tasks of the two model changes (the completed one
// fully re-validated, the running one with open tasks).

const SKILLS: Array<[string, 'SKILL' | 'PROMPT' | 'AGENT_INSTRUCTIONS', string, string[]]> = [
  ['Plain task description', 'PROMPT', 'State the task, the files and the acceptance test; no persona, no style rules.', ['prompting', 'baseline']],
  ['Characterisation tests first', 'SKILL', 'Pin down legacy behaviour with tests before the assistant refactors it.', ['legacy', 'testing']],
  ['Review checklist agent', 'AGENT_INSTRUCTIONS', 'Instructions for the review agent: security, migrations, error handling.', ['review']],
  ['Stack trace explainer', 'PROMPT', 'Explain a production stack trace against our service map.', ['debugging']],
  ['Migration planner', 'SKILL', 'Plan a zero-downtime database migration in reversible steps.', ['database']],
  ['Flaky test triage', 'PROMPT', 'Classify a flaky test by cause (timing, order, data) with evidence.', ['testing']],
  ['Incident timeline writer', 'PROMPT', 'Draft an incident timeline from chat and alert exports.', ['incidents']],
  ['API contract diff', 'SKILL', 'Compare two OpenAPI documents and list breaking changes.', ['api']],
  ['Dependency upgrade agent', 'AGENT_INSTRUCTIONS', 'Upgrade one dependency, run the suite, summarise the changelog risks.', ['maintenance']],
  ['Log query builder', 'PROMPT', 'Turn a question into a log query for our log store.', ['observability']],
  ['Tech debt ticket writer', 'PROMPT', 'Write a debt ticket with cost of delay and a first step.', ['tech-debt']],
  ['Small-commit splitter', 'SKILL', 'Split a large change into reviewable commits.', ['review', 'git']],
  ['Security review agent', 'AGENT_INSTRUCTIONS', 'Check a diff for injection, secrets and authorisation gaps.', ['security']],
  ['Performance hypothesis', 'PROMPT', 'Propose measurable hypotheses for a slow endpoint.', ['performance']],
  ['Onboarding codebase tour', 'SKILL', 'Guide a newcomer through one service: entry points, data, tests.', ['onboarding']],
  ['Release notes from PRs', 'PROMPT', 'Summarise merged pull requests into release notes for users.', ['release']],
]
const RESULTS = ['BETTER', 'SAME', 'SAME', 'WORSE', 'SAME', 'BETTER', 'BROKEN', 'SAME'] as const

export async function seedModelLibrary(ctx: SeedContext): Promise<void> {
  const { db, ids, timeline } = ctx
  const anchor = timeline.anchor
  const m = ids.models
  const ts = sqlTimestamp(addDays(anchor, -1))
  // Cohorts: experts already on the new model (the running change is at its experts stage), pilots on the current default.
  await db.query(`INSERT INTO "ModelAssignment" ("cohortId", "modelVersionId", "use", "createdAt") VALUES ($1, $2, 'DEFAULT', $6), ($1, $3, 'ALLOWED', $6), ($4, $3, 'DEFAULT', $6), ($4, $5, 'ALLOWED', $6)`, [ids.expertsCohort, m.next, m.current, ids.pilotCohort, m.small, ts])
  const changes = await db.query<{ id: string; status: string; plannedOn: Date; fromModelId: string; toModelId: string }>(`SELECT id, status, "plannedOn", "fromModelId", "toModelId" FROM "ModelChangeEvent" ORDER BY "plannedOn"`)
  const done = changes.rows.find((c) => c.status === 'COMPLETED')
  const running = changes.rows.find((c) => c.status === 'IN_PROGRESS')
  if (running) await db.query(`INSERT INTO "ModelChangeSwitch" ("changeId", "cohortId", stage, "previousModelId", "switchedAt") VALUES ($1, $2, 'EXPERTS', $3, $4)`, [running.id, ids.expertsCohort, m.current, running.plannedOn])

  const owners = ids.experts.length ? ids.experts : [ids.admin]
  for (let i = 0; i < SKILLS.length; i++) {
    const [title, kind, purpose, tags] = SKILLS[i]
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
    const ownerId = owners[i % owners.length]
    const skillId = await insertOne(db, 'Skill', { slug, title, kind, purpose, body: `${purpose}\n\nInputs: the task, the files involved, how we will know it worked.`, tags, ownerId, revision: 1, version: 0, createdAt: ts, updatedAt: ts })
    const rec = async (model: string, result: string, on: Date) => insertOne(db, 'SkillValidation', { skillId, modelVersionId: model, skillRevision: 1, result, validatedOn: sqlDate(on), validatedById: ownerId, notes: `${result.toLowerCase()} than before on our sample tasks`, createdAt: sqlTimestamp(on) })
    await rec(m.previous, 'SAME', addDays(anchor, -330))
    await rec(m.current, RESULTS[i % RESULTS.length], addDays(anchor, -200))
    // Half are already validated on the next model; the rest are open tasks of the running change.
    if (i % 2 === 0) await rec(m.next, RESULTS[(i + 3) % RESULTS.length] === 'BROKEN' ? 'WORSE' : RESULTS[(i + 3) % RESULTS.length], addDays(anchor, -5))
    if (running && i % 2 === 1) await db.query(`INSERT INTO "RevalidationTask" ("changeId", "skillId", "ownerId", "dueOn", status, "updatedAt", "createdAt") VALUES ($1, $2, $3, $4, 'OPEN', $5, $5)`, [running.id, skillId, ownerId, sqlDate(addDays(anchor, 9)), ts])
    if (done) await db.query(`INSERT INTO "RevalidationTask" ("changeId", "skillId", "ownerId", "dueOn", status, outcome, "closedAt", "closedReason", "updatedAt", "createdAt") VALUES ($1, $2, $3, $4, 'DONE', 'KEEP', $5, 'Kept as is: validated on the new model', $5, $5)`, [done.id, skillId, ownerId, sqlDate(addDays(done.plannedOn, 10)), sqlDate(addDays(done.plannedOn, 5 + (i % 5)))])
  }
  // Training modules of the running change: validated on the current model and not the next one.
  if (running) {
    const mods = await db.query<{ id: string; ownerId: string }>(`
      SELECT mo.id, mo."ownerId" FROM "TrainingModule" mo
      JOIN "TrainingModuleVersion" v ON v."moduleId" = mo.id AND v.number = mo."latestVersion"
      WHERE mo.status <> 'RETIRED' AND EXISTS (SELECT 1 FROM "TrainingValidation" t WHERE t."trainingVersionId" = v.id AND t."modelVersionId" = $1)
        AND NOT EXISTS (SELECT 1 FROM "TrainingValidation" t WHERE t."trainingVersionId" = v.id AND t."modelVersionId" = $2)`, [running.fromModelId, running.toModelId])
    for (const mod of mods.rows) await db.query(`INSERT INTO "RevalidationTask" ("changeId", "moduleId", "ownerId", "dueOn", status, "updatedAt", "createdAt") VALUES ($1, $2, $3, $4, 'OPEN', $5, $5)`, [running.id, mod.id, mod.ownerId, sqlDate(addDays(anchor, 9)), ts])
  }
}
