import { addDays, addMinutes, addMonths, daysInMonth, historyMonths, pilotMonth, sqlTimestamp, type Timeline } from './calendar'
import type { SeedContext } from './context'
import { incidentTitle, RESOLUTION_MINUTES, SOURCE_SEVERITY } from './incident-text'
import type { Org } from './org'
import { CumulativeRounder, type Rng } from './random'
import { highSeverityFactor, INCIDENT_RATES, lowSeverityFactor, seasonalLoad, SEV1_SHARE } from './story'
import { insertMany, type Column } from './sql'

type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'

export interface IncidentRow {
  source: 'pagerduty' | 'opsgenie'
  externalId: string
  title: string
  severity: Severity
  sourceSeverity: string
  team: number
  service: string
  startedAt: Date
  resolvedAt: Date | null
  causeChangeUrl: string | null
  aiAssisted: boolean | null
}

/** Whether the change that caused an incident was AI-assisted, as recorded in the review (null: unknown). */
function assisted(rng: Rng, started: Date, t: Timeline, pilot: boolean, expertTeam: boolean): boolean | null {
  if (rng.chance(0.1)) return null
  if (started < t.planStart) return false
  if (pilot && started >= t.pilotStart) return rng.chance(0.45)
  return rng.chance(expertTeam ? 0.15 : 0.06)
}

export function generateIncidents(rng: Rng, org: Org, t: Timeline, storyIncidents: boolean): IncidentRow[] {
  const rows: IncidentRow[] = []
  const months = historyMonths(t)
  // The organisation moved its paging from Opsgenie to PagerDuty early in the history.
  const pagerDutyFrom = addMonths(t.historyStart, Math.min(6, Math.floor(t.months / 3)))
  const pilotSet = new Set(org.catalogue.pilotTeams)
  const expertSet = new Set(org.catalogue.expertTeams)
  const usedIds = new Set<string>()
  let opsgenieSeq = 10_000 + rng.int(0, 5_000)

  // Expected counts per team and month, then whole counts. The pilot teams share one rounder for
  // high-severity incidents: a handful a month over three small teams would otherwise turn the
  // before/after comparison into rounding noise.
  const plans = org.catalogue.teams.map((team, ti) => {
    const r = rng.fork(`team:${ti}`)
    // The pilot teams run delivery integrations with many moving parts: they page more than most.
    const teamLoad = pilotSet.has(ti) ? r.float(1.25, 1.5) : r.float(0.6, 1.45)
    const perDev = org.headcounts[ti] / 100
    const cells = months.map((month) => {
      const pm = pilotSet.has(ti) ? pilotMonth(t, month) : null
      const load = perDev * teamLoad * seasonalLoad(month) * r.float(0.75, 1.25)
      return {
        high: INCIDENT_RATES.high * load * highSeverityFactor(pm),
        SEV3: INCIDENT_RATES.SEV3 * load * lowSeverityFactor(pm),
        SEV4: INCIDENT_RATES.SEV4 * load * lowSeverityFactor(pm),
        counts: { high: 0, SEV3: 0, SEV4: 0 },
      }
    })
    const own = { high: new CumulativeRounder(r.next()), SEV3: new CumulativeRounder(r.next()), SEV4: new CumulativeRounder(r.next()) }
    for (const c of cells) {
      if (!pilotSet.has(ti)) c.counts.high = own.high.take(c.high)
      c.counts.SEV3 = own.SEV3.take(c.SEV3)
      c.counts.SEV4 = own.SEV4.take(c.SEV4)
    }
    return { team, r, cells }
  })
  // A fresh rounder at the pilot start, so that rounding never moves an incident across it.
  let pilotRounder = new CumulativeRounder(0.5)
  const pilotPick = rng.fork('pilot:pick')
  months.forEach((month, mi) => {
    if (pilotMonth(t, month) === 0) pilotRounder = new CumulativeRounder(0.6)
    const shares = org.catalogue.pilotTeams.map((ti) => [ti, plans[ti].cells[mi].high] as const)
    const n = pilotRounder.take(shares.reduce((sum, [, e]) => sum + e, 0))
    for (let k = 0; k < n; k++) plans[pilotPick.weighted(shares)].cells[mi].counts.high++
  })

  plans.forEach(({ team, r, cells }, ti) => {
    const prNumbers = team.services.map(() => r.int(200, 3_000))
    cells.forEach((cell, mi) => {
      const month = months[mi]
      const days = daysInMonth(month)
      for (const kind of ['high', 'SEV3', 'SEV4'] as const) {
        for (let k = 0; k < cell.counts[kind]; k++) {
          const severity: Severity = kind === 'high' ? (r.chance(SEV1_SHARE) ? 'SEV1' : 'SEV2') : kind
          // Low-severity pages cluster in working hours (deploys); outages come at any time.
          const hour = severity === 'SEV4' || r.chance(0.55) ? r.int(8, 18) : r.int(0, 23)
          const startedAt = addMinutes(addDays(month, r.int(0, days - 1)), hour * 60 + r.int(0, 59))
          const bounds = RESOLUTION_MINUTES[severity]
          const minutes = Math.round(Math.min(bounds.max, Math.max(bounds.min, r.logNormal(bounds.median, bounds.spread))))
          const resolved = addMinutes(startedAt, minutes)
          const s = r.int(0, team.services.length - 1)
          const service = team.services[s]
          const changeCaused = severity !== 'SEV4' && r.chance(0.35)
          if (changeCaused) prNumbers[s] += r.int(3, 40)
          const source = startedAt < pagerDutyFrom ? 'opsgenie' : 'pagerduty'
          let externalId: string
          if (source === 'opsgenie') externalId = `OG-${opsgenieSeq++}`
          else do externalId = `Q${r.code(13)}`; while (usedIds.has(externalId))
          usedIds.add(externalId)
          rows.push({
            source,
            externalId,
            title: incidentTitle(r, severity, service),
            severity,
            sourceSeverity: SOURCE_SEVERITY[source][severity],
            team: ti,
            service,
            startedAt,
            // Still open if it would only be resolved after the anchor.
            resolvedAt: resolved < t.anchor ? resolved : null,
            causeChangeUrl: changeCaused ? `https://git.example.com/${team.slug}/${service}/pull/${prNumbers[s]}` : null,
            aiAssisted: changeCaused ? assisted(r, startedAt, t, pilotSet.has(ti), expertSet.has(ti)) : null,
          })
        }
      }
    })
  })

  if (storyIncidents) tellStories(rows, org, t)
  return rows
}

/**
 * The two pilot incidents that the training library and the findings tell the story of. They
 * rewrite two generated SEV2s of the pilot teams after the first pilot month, keeping each one's
 * day, so the monthly numbers stay exactly as modelled.
 */
function tellStories(rows: IncidentRow[], org: Org, t: Timeline): void {
  const ti = org.catalogue.devTeam
  const team = org.catalogue.teams[ti]
  const pilotSet = new Set(org.catalogue.pilotTeams)
  const afterDip = addMonths(t.pilotStart, 1)
  const candidates = rows
    .filter((r) => r.severity === 'SEV2' && pilotSet.has(r.team) && r.startedAt >= afterDip && r.source === 'pagerduty')
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
  const stories = [
    { minute: 19 * 60 + 40, duration: 250, title: 'Evening delivery slots shown twice in two regions', pr: 4127 },
    { minute: 10 * 60 + 5, duration: 52, title: `Write stall on ${team.services[0]} database during schema migration`, pr: 4391 },
  ]
  // One early in the pilot, one later (the findings refer to both).
  const picks = [candidates[0], candidates[candidates.length - 1]]
  stories.forEach((story, i) => {
    const row = picks[i]
    if (!row || (i === 1 && row === picks[0])) return
    const day = new Date(Date.UTC(row.startedAt.getUTCFullYear(), row.startedAt.getUTCMonth(), row.startedAt.getUTCDate()))
    const startedAt = addMinutes(day, story.minute)
    const resolvedAt = addMinutes(startedAt, story.duration)
    Object.assign(row, {
      title: story.title, team: ti, service: team.services[0], startedAt, resolvedAt: resolvedAt < t.anchor ? resolvedAt : null,
      causeChangeUrl: `https://git.example.com/${team.slug}/${team.services[0]}/pull/${story.pr}`, aiAssisted: true,
    })
  })
}

/**
 * PagerDuty's interruption counts for an incident: how many notifications it caused, bucketed by
 * when it started (business hours 08-18 on weekdays, sleep hours 22-07, off hours otherwise).
 * Derived from the row alone, so adding them changed no other seeded value. Opsgenie had none.
 */
export function interruptions(r: Pick<IncidentRow, 'source' | 'severity' | 'startedAt'>): { business: number; off: number; sleep: number } | null {
  if (r.source !== 'pagerduty') return null
  const n = r.severity === 'SEV1' ? 3 : r.severity === 'SEV2' ? 2 : 1
  const hour = r.startedAt.getUTCHours()
  const weekday = r.startedAt.getUTCDay() >= 1 && r.startedAt.getUTCDay() <= 5
  if (hour >= 22 || hour < 7) return { business: 0, off: 0, sleep: n }
  if (weekday && hour >= 8 && hour < 18) return { business: n, off: 0, sleep: 0 }
  return { business: 0, off: n, sleep: 0 }
}

const COLUMNS: Column<IncidentRow & { teamId: string }>[] = [
  { name: 'source', type: 'text', value: (r) => r.source },
  { name: 'externalId', type: 'text', value: (r) => r.externalId },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'severity', type: '"Severity"', value: (r) => r.severity },
  { name: 'sourceSeverity', type: 'text', value: (r) => r.sourceSeverity },
  { name: 'teamId', type: 'uuid', value: (r) => r.teamId },
  { name: 'service', type: 'text', value: (r) => r.service },
  { name: 'startedAt', type: 'timestamp(3)', value: (r) => sqlTimestamp(r.startedAt) },
  { name: 'resolvedAt', type: 'timestamp(3)', value: (r) => (r.resolvedAt ? sqlTimestamp(r.resolvedAt) : null) },
  { name: 'causeChangeUrl', type: 'text', value: (r) => r.causeChangeUrl },
  { name: 'aiAssisted', type: 'bool', value: (r) => r.aiAssisted },
  { name: 'businessHourInterruptions', type: 'int4', value: (r) => interruptions(r)?.business ?? null },
  { name: 'offHourInterruptions', type: 'int4', value: (r) => interruptions(r)?.off ?? null },
  { name: 'sleepHourInterruptions', type: 'int4', value: (r) => interruptions(r)?.sleep ?? null },
  // Imported by the webhook a couple of minutes after the page.
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => sqlTimestamp(addMinutes(r.startedAt, 2)) },
  { name: 'updatedAt', type: 'timestamp(3)', value: (r) => sqlTimestamp(r.resolvedAt ?? addMinutes(r.startedAt, 2)) },
]

export async function insertIncidents(ctx: SeedContext, rows: IncidentRow[]): Promise<void> {
  const sorted = [...rows].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())
  const { count } = await insertMany(ctx.db, 'Incident', COLUMNS, sorted.map((r) => ({ ...r, teamId: ctx.ids.teams[r.team] })), {
    batchSize: ctx.sizes.batchSize,
    onBatch: (n) => ctx.progress.add('incidents', n),
  })
  ctx.summary.incidents = count
}
