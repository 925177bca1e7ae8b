import { beforeAll, describe, expect, it } from 'vitest'
import { db } from '@/lib/db'
import type { SessionUser } from '@/lib/auth/session'
import { updateAuthPolicy, updateUser } from '@/lib/admin/mutations'
import { updateSeverityMapping } from '@/lib/intake/settings'
import { updateModelVersion, updateSkill } from '@/lib/models/mutations/library'
import { updateTask } from '@/lib/models/mutations/tasks'
import { setTarget } from '@/lib/outcomes/targets'
import { saveReadiness, updateFinding, updatePhaseDates } from '@/lib/rollout/mutations'
import { updateSurvey } from '@/lib/surveys/mutations'
import { saveDraft } from '@/lib/training/mutations/editing'
import { createWebhook, updateWebhook } from '@/lib/webhooks/endpoints'
import { seed } from '@/prisma/seed'

// Issue 8: "optimistic locking everywhere two people can edit the same thing". For every record
// that two people can edit, on the demo organisation: two people open the same version; the first
// save lands, the second (same version) is refused with CONFLICT, and the record still holds the
// first person's change, so nothing is silently overwritten. The form-side half ("nothing typed is
// lost": the refused input stays in the form) is covered by the e2e specs of each editor.

const as = async (email: string): Promise<SessionUser> => {
  const u = await db.user.findUniqueOrThrow({ where: { email } })
  return { id: u.id, email: u.email, name: u.name, role: u.role, teamId: u.teamId, via: 'session' }
}
const day = (d: Date) => d.toISOString().slice(0, 10)

let admin: SessionUser, leader: SessionUser, expert: SessionUser, expert2: SessionUser

beforeAll(async () => {
  await seed(process.env.DATABASE_URL!, { scale: 'demo', progress: false })
  ;[admin, leader, expert, expert2] = await Promise.all(['admin@example.com', 'leader@example.com', 'expert@example.com', 'expert2@example.com'].map(as))
}, 120_000)

interface Case {
  name: string
  /** The version both people opened, and whatever the saves need. */
  open: () => Promise<{ version: number; ctx: Record<string, string> }>
  save: (who: 'first' | 'second', version: number, ctx: Record<string, string>) => Promise<unknown>
  /** What the record holds now, compared with what the first save wrote. */
  read: (ctx: Record<string, string>) => Promise<unknown>
  expected: unknown
}

const cases: Case[] = [
  {
    name: 'training draft (two experts)',
    open: async () => {
      const m = await db.trainingModule.findFirstOrThrow({ where: { status: 'DRAFT' }, orderBy: { slug: 'asc' } })
      return { version: m.version, ctx: { slug: m.slug } }
    },
    save: (who, version, { slug }) => saveDraft(who === 'first' ? expert : expert2, slug, { version, summary: `Summary saved by the ${who} expert, long enough to pass.` }),
    read: async ({ slug }) => (await db.trainingModule.findUniqueOrThrow({ where: { slug } })).summary,
    expected: 'Summary saved by the first expert, long enough to pass.',
  },
  {
    name: 'rollout finding (leader and expert)',
    open: async () => {
      const f = await db.finding.findFirstOrThrow({ orderBy: { createdAt: 'asc' } })
      return { version: f.version, ctx: { id: f.id } }
    },
    save: (who, version, { id }) => updateFinding(who === 'first' ? leader : expert, id, { version, title: `Title by the ${who}` }),
    read: async ({ id }) => (await db.finding.findUniqueOrThrow({ where: { id } })).title,
    expected: 'Title by the first',
  },
  {
    name: 'rollout phase dates (two leaders)',
    open: async () => {
      const p = await db.rolloutPhase.findFirstOrThrow({ where: { status: 'PLANNED' }, orderBy: { position: 'desc' } })
      return { version: p.version, ctx: { phaseId: p.id, start: day(p.plannedStart), end: day(p.plannedEnd) } }
    },
    save: (who, version, { phaseId, start, end }) =>
      updatePhaseDates(who === 'first' ? leader : admin, { phaseId, version, plannedStart: start, plannedEnd: who === 'first' ? end : day(new Date(Date.parse(end) - 86_400_000)) }),
    read: async ({ phaseId }) => day((await db.rolloutPhase.findUniqueOrThrow({ where: { id: phaseId } })).plannedEnd),
    expected: null, // filled in by the test from the opened value
  },
  {
    name: 'team readiness (leader and admin)',
    open: async () => {
      const r = await db.teamReadiness.findFirstOrThrow({ orderBy: { teamId: 'asc' } })
      return { version: r.version, ctx: { teamId: r.teamId } }
    },
    save: (who, version, { teamId }) => saveReadiness(who === 'first' ? leader : admin, { teamId, version, learningHoursPerWeek: who === 'first' ? 3.5 : 1, commitmentsRelaxed: true }),
    read: async ({ teamId }) => Number((await db.teamReadiness.findUniqueOrThrow({ where: { teamId } })).learningHoursPerWeek),
    expected: 3.5,
  },
  {
    name: 'model version in the registry (leader and admin)',
    open: async () => {
      const m = await db.modelVersion.findFirstOrThrow({ orderBy: { snapshot: 'asc' } })
      return { version: m.version, ctx: { id: m.id } }
    },
    save: (who, version, { id }) => updateModelVersion(who === 'first' ? leader : admin, id, { version, label: `Label ${who}` }),
    read: async ({ id }) => (await db.modelVersion.findUniqueOrThrow({ where: { id } })).label,
    expected: 'Label first',
  },
  {
    name: 'skill or prompt (leader and admin)',
    open: async () => {
      const s = await db.skill.findFirstOrThrow({ orderBy: { slug: 'asc' } })
      return { version: s.version, ctx: { slug: s.slug } }
    },
    save: (who, version, { slug }) => updateSkill(who === 'first' ? leader : admin, slug, { version, purpose: `Purpose written by the ${who} person.` }),
    read: async ({ slug }) => (await db.skill.findUniqueOrThrow({ where: { slug } })).purpose,
    expected: 'Purpose written by the first person.',
  },
  {
    name: 're-validation task (its owner in two tabs)',
    open: async () => {
      const t = await db.revalidationTask.findFirstOrThrow({ where: { status: 'OPEN' }, orderBy: { createdAt: 'asc' }, include: { owner: true } })
      return { version: t.version, ctx: { id: t.id, owner: t.owner.email } }
    },
    save: async (who, version, { id, owner }) => updateTask(await as(owner), id, { version, notes: `Notes by the ${who}` }),
    read: async ({ id }) => (await db.revalidationTask.findUniqueOrThrow({ where: { id } })).notes,
    expected: 'Notes by the first',
  },
  {
    name: 'scheduled pulse survey (two leaders)',
    open: async () => {
      const opensAt = new Date(Date.now() + 10 * 86_400_000)
      const s = await db.pulseSurvey.create({
        data: { title: 'Pulse to edit', opensAt, closesAt: new Date(opensAt.getTime() + 7 * 86_400_000), status: 'SCHEDULED', questions: { create: [{ key: 'overall', prompt: 'Overall', kind: 'SCALE_1_5', position: 0 }] } },
      })
      return { version: s.version, ctx: { id: s.id, opensAt: s.opensAt.toISOString(), closesAt: s.closesAt.toISOString() } }
    },
    save: (who, version, { id, opensAt, closesAt }) => updateSurvey(who === 'first' ? leader : admin, id, { version, title: `Pulse edited by the ${who}`, opensAt, closesAt }),
    read: async ({ id }) => (await db.pulseSurvey.findUniqueOrThrow({ where: { id } })).title,
    expected: 'Pulse edited by the first',
  },
  {
    name: 'webhook endpoint (two admins)',
    open: async () => {
      const w = (await createWebhook(admin, { name: 'Chat', url: 'https://hooks.example.com/paceline', secret: 'a-very-long-shared-secret' })) as { id: string }
      const row = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: w.id } })
      return { version: row.version, ctx: { id: row.id } }
    },
    save: (who, version, { id }) => updateWebhook(admin, id, { version, name: `Hook ${who}` }),
    read: async ({ id }) => (await db.webhookEndpoint.findUniqueOrThrow({ where: { id } })).name,
    expected: 'Hook first',
  },
  {
    name: "a user's role (two admins)",
    open: async () => {
      const u = await db.user.findUniqueOrThrow({ where: { email: 'expert2@example.com' } })
      return { version: u.version, ctx: { id: u.id } }
    },
    save: (who, version, { id }) => updateUser(admin, { userId: id, version, role: who === 'first' ? 'LEADER' : 'DEVELOPER', active: true }),
    read: async ({ id }) => (await db.user.findUniqueOrThrow({ where: { id } })).role,
    expected: 'LEADER',
  },
  {
    name: 'sign-in policy (two admins)',
    open: async () => {
      const p = await db.authPolicy.findUniqueOrThrow({ where: { id: 1 } })
      return { version: p.version, ctx: {} }
    },
    save: (who, version) => updateAuthPolicy(admin, { version, requireSecondFactor: who === 'first' }),
    read: async () => (await db.authPolicy.findUniqueOrThrow({ where: { id: 1 } })).requireSecondFactor,
    expected: true,
  },
  {
    name: 'outcome target (two leaders)',
    open: async () => {
      const t = await db.outcomeTarget.findFirst({ where: { metric: 'MTTR' } })
      return { version: t?.version ?? 0, ctx: {} }
    },
    save: (who, version) => setTarget(who === 'first' ? leader : admin, { metric: 'MTTR', percent: who === 'first' ? 20 : 25, version }),
    read: async () => Number((await db.outcomeTarget.findFirstOrThrow({ where: { metric: 'MTTR' } })).improvement),
    expected: 0.2,
  },
  {
    name: 'severity mapping (two leaders)',
    open: async () => {
      const views = (await import('@/lib/intake/settings')).getSeverityMappings
      const v = (await views(leader)).find((m) => m.source === 'pagerduty')!
      return { version: v.version, ctx: { value: JSON.stringify(v.value) } }
    },
    save: (who, version, { value }) => {
      const mapping = JSON.parse(value) as { priorities: Record<string, string> }
      mapping.priorities = { ...mapping.priorities, P3: who === 'first' ? 'SEV2' : 'SEV4' }
      return updateSeverityMapping(who === 'first' ? leader : admin, { source: 'pagerduty', version, value: mapping })
    },
    read: async () => {
      const v = (await (await import('@/lib/intake/settings')).getSeverityMappings(leader)).find((m) => m.source === 'pagerduty')!
      return (v.value as { priorities: Record<string, string> }).priorities.P3
    },
    expected: 'SEV2',
  },
]

describe('optimistic locking: the later of two saves of the same version is refused and the first is kept', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const { version, ctx } = await c.open()
    const expected = c.expected ?? ctx.end // the phase: the first save keeps the end date it opened with
    const auditBefore = await db.auditLog.count()
    await c.save('first', version, ctx)
    const auditAfterFirst = await db.auditLog.count()
    expect(auditAfterFirst).toBeGreaterThan(auditBefore)
    await expect(c.save('second', version, ctx)).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(await c.read(ctx)).toEqual(expected)
    // The refused save wrote nothing, not even an audit entry.
    expect(await db.auditLog.count()).toBe(auditAfterFirst)
  })
})
