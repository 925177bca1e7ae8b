import { addDays, sqlDate, sqlTimestamp } from './calendar'
import type { SeedContext } from './context'
import { insertMany, insertOne } from './sql'

// The rollout plan, eight months into fifteen: experts done, the pilot at its gate review (one
// open high-severity finding keeps the gate red), the broad stage planned. Also the expert poll
// that chose the experts, their allocations and feed, the pilot's control teams and every team's
// readiness, with one pilot team flagged (no learning time, deadlines unchanged).

type Criterion = [metric: string, comparator: string, threshold: number | null, description: string]

const EXPERTS_CRITERIA: Criterion[] = [
  ['CUSTOM', 'AT_LEAST', 6, 'The experts have published the standard process and at least six task walkthroughs, each validated on the default model.'],
  ['OPEN_HIGH_SEVERITY_FINDINGS', 'AT_MOST', 0, 'No open high-severity findings from the experts\' own work.'],
]

const PILOT_CRITERIA: Criterion[] = [
  ['HIGH_SEVERITY_INCIDENTS_PER_100', 'NOT_ABOVE_BASELINE', 0, 'SEV1 and SEV2 incidents per 100 developers in the pilot teams are not above their pre-pilot baseline.'],
  ['SATISFACTION_OVERALL', 'NOT_BELOW_BASELINE', 0.2, 'Average "overall" pulse score in the pilot teams is no more than 0.2 below their pre-pilot baseline.'],
  ['LEARNING_PATH_COMPLETION', 'AT_LEAST', 80, 'At least 80% of pilot developers have completed the core learning path.'],
  ['OPEN_HIGH_SEVERITY_FINDINGS', 'AT_MOST', 0, 'No open high-severity findings from the pilot.'],
  ['LEARNING_TIME_BOOKED', 'AT_LEAST', 4, 'Every pilot developer has at least 4 hours a week of learning time booked in their calendar.'],
]

const BROAD_CRITERIA: Criterion[] = [
  ['HIGH_SEVERITY_INCIDENTS_PER_100', 'NOT_ABOVE_BASELINE', 0, 'SEV1 and SEV2 incidents per 100 developers across the organisation are not above the pre-rollout baseline.'],
  ['SATISFACTION_OVERALL', 'NOT_BELOW_BASELINE', 0.2, 'Organisation-wide "overall" pulse score is no more than 0.2 below the pre-rollout baseline.'],
  ['TECH_DEBT_NET', 'AT_MOST', 0, 'Tech debt is not growing: points opened minus points repaid over the last quarter is zero or less.'],
  ['LEARNING_PATH_COMPLETION', 'AT_LEAST', 80, 'At least 80% of developers have completed the core learning path.'],
  ['OFF_HOURS_LOAD', 'NOT_ABOVE_BASELINE', 0, 'Off-hours interruptions per 100 developers are not above the pre-rollout baseline.'],
  ['ADOPTION', 'AT_LEAST', 0, 'How many people have the tools: shown for context, never a reason to open the gate.'],
]

interface FindingSpec {
  title: string
  body: string
  severity: 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL'
  status: 'OPEN' | 'ADDRESSED' | 'WONT_FIX'
  stage: 'EXPERTS' | 'PILOT'
  author: number
  daysAfterStart: number
  resolution?: string
}

const FINDINGS: FindingSpec[] = [
  { title: 'Generated schema migrations skip the lock-timeout wrapper', severity: 'HIGH', status: 'OPEN', stage: 'PILOT', author: 0, daysAfterStart: 118,
    body: 'Two pilot teams merged assistant-written migrations that add a column with a default without the `SET lock_timeout` wrapper our runbook requires. One held a write lock on a busy table for four minutes (a SEV2). The review checklist says nothing about migrations, and the walkthroughs never show one.' },
  { title: 'Review queue overload when one person opens a week of pull requests in a day', severity: 'MEDIUM', status: 'OPEN', stage: 'PILOT', author: 1, daysAfterStart: 40,
    body: 'Two senior reviewers in one pilot team spent most of a sprint reviewing. Changes were individually fine but far larger and more numerous than before. We need a team agreement on pull request size and on who reviews what, not a faster reviewer.' },
  { title: 'Shared instruction files tuned for the previous model made results worse', severity: 'MEDIUM', status: 'ADDRESSED', stage: 'EXPERTS', author: 1, daysAfterStart: 40,
    body: 'After the switch to the new default model, the three shared instruction files the experts had tuned over several weeks produced worse code than a plain task description. The more direction they contained, the worse the output.',
    resolution: 'Rewrote them as short checklists, re-ran every walkthrough on the new snapshot and added the module on re-validating your workflow after a model change.' },
  { title: 'Learning path has nothing for the carrier label templates', severity: 'LOW', status: 'OPEN', stage: 'PILOT', author: 2, daysAfterStart: 75,
    body: 'One pilot team spends a third of its time in legacy XSLT carrier label templates. None of the walkthroughs covers a code base like that, so the team has no example of what works there and what does not.' },
  { title: 'Test fixtures built from a pasted production log contained customer addresses', severity: 'HIGH', status: 'ADDRESSED', stage: 'PILOT', author: 0, daysAfterStart: 22,
    body: 'While debugging, a developer pasted a production log excerpt into an assistant session and committed the fixtures it produced. The fixtures held real delivery addresses.',
    resolution: 'Fixtures replaced with synthetic data, repository history cleaned, a redaction step added to the incident walkthrough and a data-handling section added to the environment setup module.' },
  { title: 'Assistant output ignores our internal lint rules', severity: 'LOW', status: 'WONT_FIX', stage: 'EXPERTS', author: 3, daysAfterStart: 30,
    body: 'Suggestions regularly break two rules of our internal lint plugin (import order, logger usage).',
    resolution: 'Lint runs in the editor and in CI and fixes most of it automatically; custom tooling is not worth it.' },
]

function listNames(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export async function seedRollout(ctx: SeedContext): Promise<void> {
  const { db, timeline: t, ids, org, summary } = ctx
  const pilotNames = org.catalogue.pilotTeams.map((i) => org.catalogue.teams[i].name)
  const pilotLabel = pilotNames.length <= 3
    ? listNames(pilotNames)
    : `${pilotNames.length} teams in ${listNames([...new Set(org.catalogue.pilotTeams.map((i) => org.catalogue.groups[org.catalogue.teams[i].group]))])}`
  const stamp = (d: Date) => sqlTimestamp(d)

  const planId = await insertOne(db, 'RolloutPlan', {
    name: `AI-assisted development rollout ${t.planStart.getUTCFullYear()}-${t.planEnd.getUTCFullYear()}`,
    description:
      'Experts first, then a few clustered pilot teams, then the whole organisation, group by group. Each stage ends at a gate ' +
      'judged on outcomes: high-severity incidents, developer satisfaction, learning and tech debt. We expect a dip at the start ' +
      'of every stage and count a safe, sustained 20-30% improvement as success.',
    status: 'ACTIVE',
    startsOn: sqlDate(t.planStart),
    endsOn: sqlDate(t.planEnd),
    ownerId: ids.leaders[0],
    version: 4,
    createdAt: stamp(addDays(t.planStart, -30)),
    updatedAt: stamp(addDays(t.anchor, -3)),
  })

  const phase = async (values: Record<string, unknown>) =>
    insertOne(db, 'RolloutPhase', { planId, createdAt: stamp(addDays(t.planStart, -30)), ...values })
  ids.expertsPhase = await phase({
    stage: 'EXPERTS', position: 1, status: 'COMPLETED', name: 'Experts: learn the tools, write the process and the training',
    plannedStart: sqlDate(t.planStart), plannedEnd: sqlDate(t.expertsEnd), actualStart: sqlDate(t.planStart), actualEnd: sqlDate(t.expertsEnd),
    notes: 'Six volunteers who write code every day, at about 60% of their time, on internal code bases they know. Delivered the standard process, the first walkthroughs and two stories.',
    version: 3, updatedAt: stamp(t.expertsEnd),
  })
  ids.pilotPhase = await phase({
    stage: 'PILOT', position: 2, status: 'GATE_REVIEW', name: `Pilot: ${pilotLabel}`,
    plannedStart: sqlDate(t.pilotStart), plannedEnd: sqlDate(t.pilotPlannedEnd), actualStart: sqlDate(t.pilotStart),
    notes: 'Whole teams that mostly depend on each other, with an expert embedded and four hours a week of learning time. The gate waits on the open migration finding.',
    version: 5, updatedAt: stamp(addDays(t.anchor, -3)),
  })
  const broadPhase = await phase({
    stage: 'BROAD', position: 3, status: 'PLANNED', name: 'Broad rollout, one group of teams at a time',
    plannedStart: sqlDate(t.broadStart), plannedEnd: sqlDate(t.planEnd),
    notes: 'Stories from the pilot first, experts embedded in each group, deadlines adjusted for the learning dip.',
    version: 1, updatedAt: stamp(addDays(t.planStart, -30)),
  })

  const criteria = [
    ...EXPERTS_CRITERIA.map((c) => [ids.expertsPhase, ...c] as const),
    ...PILOT_CRITERIA.map((c) => [ids.pilotPhase, ...c] as const),
    ...BROAD_CRITERIA.map((c) => [broadPhase, ...c] as const),
  ]
  const at = stamp(addDays(t.planStart, -30))
  summary.gateCriteria = (await insertMany(db, 'GateCriterion', [
    { name: 'phaseId', type: 'uuid', value: (r: (typeof criteria)[number]) => r[0] },
    { name: 'metric', type: '"GateMetric"', value: (r) => r[1] },
    { name: 'comparator', type: '"GateComparator"', value: (r) => r[2] },
    { name: 'threshold', type: 'numeric', value: (r) => r[3] },
    { name: 'description', type: 'text', value: (r) => r[4] },
    { name: 'createdAt', type: 'timestamp(3)', value: () => at },
    { name: 'updatedAt', type: 'timestamp(3)', value: () => at },
  ], criteria)).count

  ids.expertsCohort = await insertOne(db, 'Cohort', {
    name: 'Experts', stage: 'EXPERTS', planId, phaseId: ids.expertsPhase, active: true, startedOn: sqlDate(t.planStart),
    createdAt: stamp(addDays(t.planStart, -10)), updatedAt: stamp(addDays(t.planStart, -10)),
  })
  ids.pilotCohort = await insertOne(db, 'Cohort', {
    name: `Pilot: ${pilotLabel}`, stage: 'PILOT', planId, phaseId: ids.pilotPhase, active: true, startedOn: sqlDate(t.pilotStart),
    createdAt: stamp(addDays(t.pilotStart, -14)), updatedAt: stamp(addDays(t.pilotStart, -14)),
  })
  summary.cohorts = 2

  type Membership = { cohortId: string; teamId: string | null; userId: string | null; joinedOn: string }
  const memberships: Membership[] = [
    ...ids.experts.map((userId) => ({ cohortId: ids.expertsCohort, teamId: null, userId, joinedOn: sqlDate(t.planStart) })),
    ...org.catalogue.pilotTeams.map((i) => ({ cohortId: ids.pilotCohort, teamId: ids.teams[i], userId: null, joinedOn: sqlDate(t.pilotStart) })),
  ]
  summary.cohortMemberships = (await insertMany(db, 'CohortMembership', [
    { name: 'cohortId', type: 'uuid', value: (m: Membership) => m.cohortId },
    { name: 'teamId', type: 'uuid', value: (m) => m.teamId },
    { name: 'userId', type: 'uuid', value: (m) => m.userId },
    { name: 'joinedOn', type: 'date', value: (m) => m.joinedOn },
  ], memberships)).count

  for (const f of FINDINGS) {
    const start = f.stage === 'EXPERTS' ? t.planStart : t.pilotStart
    const created = addDays(start, f.daysAfterStart)
    await insertOne(db, 'Finding', {
      title: f.title, body: f.body, severity: f.severity, status: f.status,
      phaseId: f.stage === 'EXPERTS' ? ids.expertsPhase : ids.pilotPhase,
      cohortId: f.stage === 'EXPERTS' ? ids.expertsCohort : ids.pilotCohort,
      authorId: ids.experts[f.author % ids.experts.length],
      ownerId: ids.experts[f.author % ids.experts.length],
      resolution: f.resolution ?? null,
      version: f.status === 'OPEN' ? 0 : 2,
      createdAt: stamp(created),
      updatedAt: stamp(f.status === 'OPEN' ? created : addDays(created, 12)),
    })
    summary.findings++
  }
  await seedPlannerExtras(ctx, t.planStart)
}

const EXPLORE_IDEAS = [
  'Characterisation tests before refactoring the parts nobody dares to touch.',
  'Reviewing assistant-written pull requests: what to check and how to keep them small.',
  'Database migrations and what the assistant gets wrong about locks.',
  'Debugging production incidents from logs without pasting customer data.',
  'Data pipeline changes with the schema registry in the loop.',
  'Onboarding to an unfamiliar service with the assistant as a guide.',
]

const FEED = [
  'Small, scoped tasks work far better than “refactor this module”. Writing the acceptance test first keeps the assistant honest.',
  'After the model switch the long instruction files made things worse. Short checklists did better; I am rewriting ours.',
  'Pairing on an incident: the assistant found the retry storm in the logs quickly, but we had to redact the excerpt first.',
  'Migrations: always ask for the lock-timeout wrapper explicitly. Drafting a walkthrough for the pilot teams.',
]

/** The planner's supporting records; called from seedRollout so the seed entry needs no change. */
async function seedPlannerExtras(ctx: SeedContext, planStart: Date): Promise<void> {
  const { db, timeline: t, ids, org } = ctx
  const stamp = (d: Date) => sqlTimestamp(d)
  const experts = org.members.filter((p) => p.role === 'EXPERT')
  const managerOf = (team: number | null) => (team === null ? null : ids.leaders[org.groupLeader[org.catalogue.teams[team].group]] ?? null)

  const pollAt = addDays(planStart, -45)
  const pollId = await insertOne(db, 'ExpertPoll', {
    title: 'Expert volunteers for the AI tools exploration',
    description: 'Two to three months at about 60% of your time, exploring the tools on an internal code base you know, writing up what works for everyone else.',
    status: 'CLOSED', closesOn: sqlDate(addDays(planStart, -25)), openedById: ids.leaders[0], version: 2,
    createdAt: stamp(pollAt), updatedAt: stamp(addDays(planStart, -20)),
  })
  for (const [i, p] of experts.entries()) {
    const userId = ids.users.get(p.email)!
    await insertOne(db, 'ExpertCandidate', {
      pollId, userId, nominatedById: i % 3 === 2 ? ids.leaders[0] : userId, codesDaily: true, curiosity: 4 + (i % 2),
      exploreIdea: EXPLORE_IDEAS[i % EXPLORE_IDEAS.length], selected: true, selectedAt: stamp(addDays(planStart, -20)), createdAt: stamp(addDays(pollAt, 2 + i)),
    })
    const manager = managerOf(p.team)
    const granted = 3000 + (i % 3) * 500
    await insertOne(db, 'ExpertAllocation', {
      userId, timeSharePercent: 60, startsOn: sqlDate(planStart), endsOn: sqlDate(t.expertsEnd),
      budgetGranted: granted, budgetSpent: granted - 400 - (i % 4) * 150, codeBase: p.team === null ? 'internal tools' : `${org.catalogue.teams[p.team].services[0]}`,
      signedOffById: manager, signedOffAt: manager ? stamp(addDays(planStart, -15)) : null, version: 1,
      createdAt: stamp(addDays(planStart, -18)), updatedAt: stamp(addDays(planStart, -15)),
    })
  }
  for (const [i, body] of FEED.entries()) {
    await insertOne(db, 'ExpertFeedPost', { authorId: ids.experts[i % ids.experts.length], body, createdAt: stamp(addDays(planStart, 12 + i * 17)) })
  }

  // Control teams: outside the rollout, closest in size to the pilot teams.
  const pilots = new Set(org.catalogue.pilotTeams)
  const pilotSize = org.catalogue.pilotTeams.reduce((s, i) => s + org.headcounts[i], 0) / Math.max(1, org.catalogue.pilotTeams.length)
  const controls = org.catalogue.teams.map((_, i) => i).filter((i) => !pilots.has(i))
    .sort((a, b) => Math.abs(org.headcounts[a] - pilotSize) - Math.abs(org.headcounts[b] - pilotSize) || a - b)
    .slice(0, Math.min(org.catalogue.pilotTeams.length, 3))
  for (const i of controls) await db.query('INSERT INTO "CohortControlTeam" ("cohortId", "teamId") VALUES ($1, $2)', [ids.pilotCohort, ids.teams[i]])

  // Readiness: pilot teams have learning time and relaxed deadlines, except the last one, which
  // entered the pilot on an unchanged delivery plan and no booked learning time (flagged).
  const flagged = org.catalogue.pilotTeams[org.catalogue.pilotTeams.length - 1]
  for (const [i] of org.catalogue.teams.entries()) {
    const pilot = pilots.has(i)
    const isFlagged = i === flagged
    await db.query(
      'INSERT INTO "TeamReadiness" ("teamId", "learningHoursPerWeek", "commitmentsRelaxed", "commitmentsNote", "updatedById", "version", "updatedAt") VALUES ($1, $2, $3, $4, $5, 0, $6)',
      [
        ids.teams[i], isFlagged ? 0 : pilot ? 4 : 2, pilot && !isFlagged,
        isFlagged ? 'Quarter commitments were agreed before the pilot and not revisited.' : pilot ? 'Sprint scope reduced by a fifth during the pilot.' : null,
        managerOf(i), stamp(addDays(t.pilotStart, -7)),
      ],
    )
  }
}
