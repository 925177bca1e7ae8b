import 'server-only'
import { db } from '@/lib/db'
import { assertCan } from '@/lib/auth/permissions'
import type { SessionUser } from '@/lib/auth/session'
import { recordAudit } from '@/lib/audit'
import { NotFoundError, ValidationError } from '@/lib/errors'
import type { RowError } from '@/lib/intake/types'
import { mainModel, resultFromPassRate } from '@/lib/models/rules'
import { parsePromptfoo, passRates, snapshotOfProvider } from '@/lib/models/promptfoo'
import { aggregateUsage, parseCopilotNdjson } from '@/lib/models/copilot'
import { notifyUsers } from '@/lib/notifications/mutations'
import { actorOf, day, today } from './mutations/shared'

// Evidence from the tools teams already use: promptfoo eval results (per skill) and GitHub Copilot
// usage-metrics reports (which models each team uses).

/**
 * models.manage. Attaches a promptfoo results file to a skill as one validation record per model
 * snapshot (pass rate, mean score, eval id). Rows of unregistered snapshots are reported, not stored.
 * Re-importing the same eval is a no-op. Errors: NOT_FOUND, INVALID_INPUT (malformed/foreign file).
 */
export async function importPromptfoo(user: SessionUser, slug: string, bytes: Uint8Array | string) {
  assertCan(user, 'models.manage')
  const skill = await db.skill.findUnique({ where: { slug } })
  if (!skill) throw new NotFoundError('No such skill.')
  const parsed = parsePromptfoo(bytes)
  const rates = passRates(parsed.rows)
  const models = await db.modelVersion.findMany({ where: { snapshot: { in: rates.map((r) => r.snapshot) } } })
  const errors: RowError[] = [...parsed.errors]
  for (const r of rates) {
    if (!models.some((m) => m.snapshot === r.snapshot)) {
      const lines = parsed.rows.filter((x) => snapshotOfProvider(x.providerId) === r.snapshot).map((x) => x.line)
      errors.push({ line: lines[0] ?? null, column: 'provider.id', reason: `"${r.providerIds[0]}" is not a registered exact model snapshot (${lines.length} result(s) skipped). Register ${r.snapshot} first.` })
    }
  }
  const known = rates.filter((r) => models.some((m) => m.snapshot === r.snapshot))
  if (known.length === 0) throw new ValidationError('No result in this file is for a registered model snapshot: nothing was imported.', { file: errors.slice(0, 20).map((e) => `line ${e.line}: ${e.reason}`) })
  return db.$transaction(async (tx) => {
    const created: Array<{ snapshot: string; passed: number; total: number; passRate: number; result: string }> = []
    const existingPromptfoo = await tx.skillValidation.findMany({ where: { skillId: skill.id, source: 'promptfoo' }, include: { modelVersion: true }, orderBy: { createdAt: 'desc' } })
    for (const r of known) {
      const model = models.find((m) => m.snapshot === r.snapshot)!
      if (parsed.evalId && existingPromptfoo.some((e) => e.evalId === parsed.evalId && e.modelVersionId === model.id)) continue
      const rate = r.total ? r.passed / r.total : 0
      const others = [...known.filter((k) => k.snapshot !== r.snapshot).map((k) => k.passed / k.total), ...existingPromptfoo.filter((e) => e.modelVersionId !== model.id && e.total).map((e) => e.passed! / e.total!)]
      const baseline = others.length ? Math.max(...others) : null
      const result = resultFromPassRate(rate, baseline)
      await tx.skillValidation.create({
        data: { skillId: skill.id, modelVersionId: model.id, skillRevision: skill.revision, result, validatedOn: today(), validatedById: user.id, source: 'promptfoo', passed: r.passed, total: r.total, evalId: parsed.evalId,
          notes: `promptfoo ${parsed.evalId ?? ''}: ${r.passed}/${r.total} passed${r.meanScore !== null ? `, mean score ${r.meanScore.toFixed(2)}` : ''}`.trim() },
      })
      created.push({ snapshot: r.snapshot, passed: r.passed, total: r.total, passRate: rate, result })
    }
    await recordAudit(actorOf(user), { action: 'models.promptfoo.import', entityType: 'Skill', entityId: skill.id, summary: { skill: slug, evalId: parsed.evalId, version: parsed.version, records: created.length, rowErrors: errors.length } }, tx)
    return { skill: slug, evalId: parsed.evalId, formatVersion: parsed.version, imported: created, alreadyImported: known.length - created.length, rowErrors: errors }
  })
}

function normaliseModel(name: string) {
  return name.trim().toLowerCase().replace(/[.\s_]+/g, '-')
}

/**
 * outcomes.import (leaders, admins). A Copilot usage-metrics NDJSON report -> model use per team and
 * day (teams of 5+ active people only; logins dropped). People are matched to teams by the local
 * part of their Paceline e-mail; organisation day totals go to `teamSlug`. A model the registry does
 * not know, or a shift of a team's main model, becomes a PROPOSED model change for a leader.
 */
/** Teams below this size get no usage figures (they would describe individuals). */
const MIN_USAGE_TEAM = 5

export async function importCopilotUsage(user: SessionUser, bytes: Uint8Array | string, options: { teamSlug?: string | null } = {}) {
  assertCan(user, 'outcomes.import')
  const parsed = parseCopilotNdjson(bytes)
  const users = await db.user.findMany({ where: { active: true, teamId: { not: null } }, select: { email: true, teamId: true } })
  const byLogin = new Map(users.map((u) => [u.email.split('@')[0].toLowerCase(), u.teamId!]))
  let defaultTeam: string | null = null
  if (options.teamSlug) {
    const t = await db.team.findUnique({ where: { slug: options.teamSlug } })
    if (!t) throw new ValidationError('Some fields need attention.', { team: [`No team "${options.teamSlug}".`] })
    defaultTeam = t.id
  }
  if (!parsed.perUser && !defaultTeam) throw new ValidationError('This report has organisation day totals: name the team they belong to (team=<slug>).', { team: ['Required for a report without user records.'] })
  if (!parsed.perUser && defaultTeam) {
    // Day totals stand for the whole team: a team of fewer than 5 people would make them personal.
    const people = await db.user.count({ where: { teamId: defaultTeam, active: true } })
    if (people < MIN_USAGE_TEAM) throw new ValidationError('Some fields need attention.', { team: [`Usage is only kept for teams of at least ${MIN_USAGE_TEAM} people; "${options.teamSlug}" has ${people}.`] })
  }
  const agg = aggregateUsage(parsed, (login) => byLogin.get(login) ?? null, defaultTeam)
  const registry = await db.modelVersion.findMany()
  const knownAs = (name: string) => registry.find((m) => m.snapshot === name || m.snapshot.startsWith(normaliseModel(name)) || normaliseModel(m.label) === normaliseModel(name) || normaliseModel(m.family + ' ' + m.label) === normaliseModel(name))

  const out = await db.$transaction(async (tx) => {
    for (const r of agg.rows) {
      await tx.modelUsageDay.upsert({
        where: { teamId_day_model: { teamId: r.teamKey, day: day(r.day), model: r.model } },
        create: { teamId: r.teamKey, day: day(r.day), model: r.model, interactions: r.interactions, generations: r.generations, teamActive: r.teamActive },
        update: { interactions: r.interactions, generations: r.generations, teamActive: r.teamActive },
      })
    }
    const proposals: Array<{ changeId: string; reason: string }> = []
    const open = await tx.modelChangeEvent.findMany({ where: { status: { in: ['PROPOSED', 'PLANNED', 'IN_PROGRESS'] } }, select: { toModelId: true } })
    const propose = async (toModelId: string, fromModelId: string | null, reason: string) => {
      if (open.some((o) => o.toModelId === toModelId)) return
      const c = await tx.modelChangeEvent.create({ data: { fromModelId, toModelId, plannedOn: today(), reason, scope: ['EXPERTS', 'PILOT', 'BROAD'], status: 'PROPOSED', source: 'copilot-import', createdById: user.id } })
      open.push({ toModelId })
      proposals.push({ changeId: c.id, reason })
    }
    // Unknown models in use.
    for (const name of [...new Set(agg.rows.map((r) => r.model))].sort()) {
      if (knownAs(name) || name === 'default' || name === 'unknown') continue
      const mv = await tx.modelVersion.upsert({ where: { snapshot: name }, create: { vendor: 'Unknown (from Copilot usage)', family: name, label: name, snapshot: name, status: 'EVALUATING' }, update: {} })
      registry.push(mv)
      const teams = new Set(agg.rows.filter((r) => r.model === name).map((r) => r.teamKey)).size
      await propose(mv.id, null, `Copilot usage shows ${name} in use by ${teams} team(s), but the registry does not know it: confirm it as a model change (and name the exact snapshot) or cancel.`)
    }
    // A team's main model shifted between the first and second half of the report.
    const teamIds = [...new Set(agg.rows.map((r) => r.teamKey))]
    for (const teamId of teamIds) {
      const rows = agg.rows.filter((r) => r.teamKey === teamId)
      const days = [...new Set(rows.map((r) => r.day))].sort()
      if (days.length < 2) continue
      const mid = days[Math.floor(days.length / 2)]
      const before = mainModel(rows.filter((r) => r.day < mid))
      const after = mainModel(rows.filter((r) => r.day >= mid))
      if (!before || !after || before === after) continue
      const from = knownAs(before)
      const to = knownAs(after)
      if (!to || (from && from.id === to.id)) continue
      const team = await tx.team.findUnique({ where: { id: teamId }, select: { name: true } })
      await propose(to.id, from?.id ?? null, `Copilot usage: ${team?.name ?? 'a team'} moved its main model from ${before} to ${after} around ${mid}. Confirm it as a model change so the training validated on ${before} is re-checked, or cancel.`)
    }
    if (proposals.length) {
      const leaders = await tx.user.findMany({ where: { role: 'LEADER', active: true }, select: { id: true } })
      for (const p of proposals) await notifyUsers(tx, leaders.map((l) => l.id), { kind: 'model-change.proposed', changeId: p.changeId, href: `/models/changes/${p.changeId}`, title: 'Model change proposed from Copilot usage', body: p.reason })
    }
    await recordAudit(actorOf(user), { action: 'models.copilot.import', entityType: 'ModelUsageDay', summary: { rows: agg.rows.length, suppressedTeamDays: agg.suppressedTeamDays, unmatchedLines: agg.unmatchedLines, proposals: proposals.length, rowErrors: parsed.errors.length } }, tx)
    return { teamDays: new Set(agg.rows.map((r) => `${r.teamKey}|${r.day}`)).size, rows: agg.rows.length, suppressedTeamDays: agg.suppressedTeamDays, unmatchedLines: agg.unmatchedLines, proposals, rowErrors: parsed.errors }
  })
  return out
}
