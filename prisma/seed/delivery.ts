import { addDays, addMonths, daysInMonth, historyMonths, pilotMonth, sqlDate, sqlTimestamp, type Timeline } from './calendar'
import type { SeedContext } from './context'
import type { Org } from './org'
import { CumulativeRounder, type Rng } from './random'
import { debtRepayChance, throughputFactor, throughputSeason } from './story'
import { insertMany } from './sql'

// Tech debt items (opened, some repaid) and features shipped per team per month.

const DEBT_TITLES = [
  'Replace hand-rolled retry loop in {service} with the shared client',
  'Remove dead feature flags from {service}',
  'Upgrade {service} to the supported runtime version',
  'Split the OrderManager class in {service}',
  'Add characterisation tests around {service} pricing rules',
  'Delete the v1 endpoints of {service}',
  'Move {service} configuration out of environment-specific code',
  'Replace polling with events between {service} and its consumers',
  'Fix flaky integration tests in {service}',
  'Document and test the {service} failover procedure',
  'Remove copy-pasted validation in {service} handlers',
  'Migrate {service} off the deprecated logging library',
  'Make {service} database migrations reversible',
  'Consolidate three date-handling helpers in {service}',
  'Stop {service} from swallowing downstream timeouts',
  'Replace XML parsing by hand in {service}',
  'Add idempotency keys to {service} writes',
  'Reduce {service} build time (cache dependencies)',
]

const DEBT_SIZES: Array<['S' | 'M' | 'L', number]> = [['S', 50], ['M', 35], ['L', 15]]
/** Tech debt items opened per developer per month. */
const OPENED_PER_DEVELOPER = 0.14
const DEBT_POINTS = { S: [1, 2, 3], M: [5, 8], L: [13, 21] } as const

export interface DebtRow {
  team: number
  externalId: string
  title: string
  size: 'S' | 'M' | 'L'
  points: number
  openedOn: Date
  repaidOn: Date | null
}

export interface ThroughputRow {
  team: number
  month: Date
  featuresShipped: number
}

const randomDay = (rng: Rng, month: Date) => addDays(month, rng.int(0, daysInMonth(month) - 1))

export function generateDebt(rng: Rng, org: Org, t: Timeline): DebtRow[] {
  const rows: DebtRow[] = []
  const months = historyMonths(t)
  const pilotSet = new Set(org.catalogue.pilotTeams)
  org.catalogue.teams.forEach((team, ti) => {
    const r = rng.fork(`debt:${ti}`)
    const rounder = new CumulativeRounder(r.next())
    let seq = r.int(100, 900)
    // Each month after `from`, an open item may be repaid; pilot teams repay more once past their first month.
    const repaidAfter = (from: Date, size: DebtRow['size']): Date | null => {
      for (let m = from; m < t.anchor; m = addMonths(m, 1)) {
        const mpm = pilotSet.has(ti) ? pilotMonth(t, m) : null
        if (r.chance(debtRepayChance(mpm, size))) return randomDay(r, m)
      }
      return null
    }
    const item = (openedOn: Date, repayFrom: Date, size: DebtRow['size'] = r.weighted(DEBT_SIZES)) => {
      rows.push({
        team: ti,
        externalId: `${team.key}-${seq += r.int(1, 6)}`,
        title: r.pick(DEBT_TITLES).replace('{service}', r.pick(team.services)),
        size,
        points: r.pick(DEBT_POINTS[size]),
        openedOn,
        repaidOn: repaidAfter(repayFrom, size),
      })
    }
    // The backlog the team already had when the history starts, in its steady state (items
    // opened at the usual rate and repaid at the usual chance), so repayment has a flat baseline.
    for (const [size, share] of DEBT_SIZES) {
      const chance = debtRepayChance(null, size)
      const n = Math.round((org.headcounts[ti] * OPENED_PER_DEVELOPER * share) / 100 / chance)
      for (let k = 0; k < n; k++) {
        const ageMonths = Math.min(60, Math.floor(Math.log(1 - r.next()) / Math.log(1 - chance)))
        item(randomDay(r, addMonths(t.historyStart, -1 - ageMonths)), t.historyStart, size)
      }
    }
    for (const month of months) {
      const pm = pilotSet.has(ti) ? pilotMonth(t, month) : null
      const opened = rounder.take(org.headcounts[ti] * OPENED_PER_DEVELOPER * r.float(0.6, 1.4) * (pm !== null ? 1.15 : 1))
      for (let k = 0; k < opened; k++) item(randomDay(r, month), addMonths(month, 1))
    }
  })
  return rows
}

export function generateThroughput(rng: Rng, org: Org, t: Timeline): ThroughputRow[] {
  const rows: ThroughputRow[] = []
  const pilotSet = new Set(org.catalogue.pilotTeams)
  org.catalogue.teams.forEach((_, ti) => {
    const r = rng.fork(`throughput:${ti}`)
    const pace = r.float(0.3, 0.55)
    for (const month of historyMonths(t)) {
      const pm = pilotSet.has(ti) ? pilotMonth(t, month) : null
      const expected = org.headcounts[ti] * pace * throughputSeason(month) * throughputFactor(pm) * r.float(0.8, 1.2)
      rows.push({ team: ti, month, featuresShipped: Math.max(0, Math.round(expected)) })
    }
  })
  return rows
}

export async function insertDelivery(ctx: SeedContext, debt: DebtRow[], throughput: ThroughputRow[]): Promise<void> {
  const { db, ids, sizes, summary, progress } = ctx
  summary.techDebtItems = (await insertMany(db, 'TechDebtItem', [
    { name: 'source', type: 'text', value: () => 'jira' },
    { name: 'externalId', type: 'text', value: (d: DebtRow) => d.externalId },
    { name: 'teamId', type: 'uuid', value: (d) => ids.teams[d.team] },
    { name: 'title', type: 'text', value: (d) => d.title },
    { name: 'size', type: '"DebtSize"', value: (d) => d.size },
    { name: 'points', type: 'int4', value: (d) => d.points },
    { name: 'openedOn', type: 'date', value: (d) => sqlDate(d.openedOn) },
    { name: 'repaidOn', type: 'date', value: (d) => (d.repaidOn ? sqlDate(d.repaidOn) : null) },
    { name: 'version', type: 'int4', value: (d) => (d.repaidOn ? 1 : 0) },
    { name: 'createdAt', type: 'timestamp(3)', value: (d) => sqlTimestamp(d.openedOn) },
    { name: 'updatedAt', type: 'timestamp(3)', value: (d) => sqlTimestamp(d.repaidOn ?? d.openedOn) },
  ], debt, { batchSize: sizes.batchSize, onBatch: (n) => progress.add('tech debt', n) })).count

  summary.throughputEntries = (await insertMany(db, 'ThroughputEntry', [
    { name: 'teamId', type: 'uuid', value: (e: ThroughputRow) => ids.teams[e.team] },
    { name: 'month', type: 'date', value: (e) => sqlDate(e.month) },
    { name: 'featuresShipped', type: 'int4', value: (e) => e.featuresShipped },
    { name: 'updatedAt', type: 'timestamp(3)', value: (e) => sqlTimestamp(addDays(addMonths(e.month, 1), 2)) },
  ], throughput, { batchSize: sizes.batchSize, onBatch: (n) => progress.add('throughput', n) })).count
}
