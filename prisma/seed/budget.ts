import { addDays, historyMonths, pilotMonth, planMonth, sqlDate, sqlTimestamp, type Timeline } from './calendar'
import type { SeedContext } from './context'
import type { Org } from './org'
import type { Rng } from './random'
import { insertMany } from './sql'

// Monthly budget lines in EUR. People and training cost far more than licences and tokens, as
// they should; token spend is only ever a team or organisation total.

type Category = 'TRAINING' | 'EXPERT_TIME' | 'TOOL_LICENCES' | 'TOKEN_SPEND' | 'HARDWARE'

export interface BudgetRow {
  month: Date
  category: Category
  /** null: organisation-wide. */
  team: number | null
  amount: number
  note: string
}

/** Loaded monthly cost of one engineer, for expert time and learning time. */
const ENGINEER_MONTH = 10_800
const LEARNING_HOURLY = 68
const SEAT = 45

export function generateBudget(rng: Rng, org: Org, t: Timeline): BudgetRow[] {
  const rows: BudgetRow[] = []
  const experts = org.catalogue.expertTeams.length
  const r = rng.fork('budget')
  const line = (month: Date, category: Category, team: number | null, amount: number, note: string) =>
    rows.push({ month, category, team, amount: Math.round(amount * 100) / 100, note })

  for (const month of historyMonths(t)) {
    const planM = planMonth(t, month)
    line(month, 'TRAINING', null, r.float(2_400, 3_600), 'Conferences and external courses')
    org.catalogue.teams.forEach((_, ti) => {
      line(month, 'TRAINING', ti, org.headcounts[ti] * 50 * r.float(0.5, 1.5), 'Team course budget')
    })
    if (planM === null) continue

    const hackathon = planM < 3
    line(month, 'EXPERT_TIME', null, experts * (hackathon ? 0.6 : 0.3) * ENGINEER_MONTH,
      hackathon ? `${experts} experts at 60% of their time (learning and writing the process)` : `${experts} experts at 30% of their time (embedded support and training upkeep)`)
    line(month, 'TRAINING', null, r.float(1_200, 1_900), 'Recording and editing training walkthroughs')
    line(month, 'TOOL_LICENCES', null, experts * SEAT + 300, `Seats for ${experts} experts and the evaluation account`)
    line(month, 'TOKEN_SPEND', null, experts * 280 * r.float(0.8, 1.3), 'Experts and evaluation runs, organisation total')
    if (planM === 0) line(month, 'HARDWARE', null, 12_400, 'Shared workstation for evaluating models locally')

    for (const ti of org.catalogue.pilotTeams) {
      const pm = pilotMonth(t, month)
      if (pm === null) continue
      const n = org.headcounts[ti]
      line(month, 'TRAINING', ti, n * 4 * 4.33 * LEARNING_HOURLY, 'Protected learning time, 4 h per developer per week')
      line(month, 'TOOL_LICENCES', ti, n * SEAT, `${n} seats`)
      line(month, 'TOKEN_SPEND', ti, n * 95 * r.float(0.8, 1.25) * (pm === 0 ? 0.7 : 1), 'Team total')
      if (pm === 0) line(month, 'HARDWARE', ti, n * 140, 'Memory upgrades to 64 GB for the team\'s laptops')
    }
  }
  return rows
}

export async function insertBudget(ctx: SeedContext, rows: BudgetRow[]): Promise<void> {
  const { db, ids, org, sizes, summary, progress } = ctx
  const leaderOf = (team: number) => ids.leaders[org.groupLeader[org.catalogue.teams[team].group]]
  summary.budgetEntries = (await insertMany(db, 'BudgetEntry', [
    { name: 'month', type: 'date', value: (b: BudgetRow) => sqlDate(b.month) },
    { name: 'category', type: '"BudgetCategory"', value: (b) => b.category },
    { name: 'teamId', type: 'uuid', value: (b) => (b.team === null ? null : ids.teams[b.team]) },
    { name: 'amount', type: 'numeric', value: (b) => b.amount.toFixed(2) },
    { name: 'currency', type: 'text', value: () => 'EUR' },
    { name: 'note', type: 'text', value: (b) => b.note },
    { name: 'recordedById', type: 'uuid', value: (b) => (b.team === null ? ids.admin : leaderOf(b.team)) },
    { name: 'createdAt', type: 'timestamp(3)', value: (b) => sqlTimestamp(addDays(b.month, 25)) },
    { name: 'updatedAt', type: 'timestamp(3)', value: (b) => sqlTimestamp(addDays(b.month, 25)) },
  ], rows, { batchSize: sizes.batchSize, onBatch: (n) => progress.add('budget', n) })).count
}
