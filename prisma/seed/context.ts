import type { Timeline } from './calendar'
import type { Org } from './org'
import type { Progress } from './progress'
import type { Rng } from './random'
import type { Db } from './sql'

export type Scale = 'demo' | 'large'

export interface SeedSizes {
  /** Team members (developers and experts). */
  developers: number
  teams: number
  /** Months of outcome history before the anchor. */
  months: number
  experts: number
  leaders: number
  pilotTeams: number
  /** Rows per bulk INSERT statement. */
  batchSize: number
  /** Training modules in total, the hand-written library included (large scale; the demo has only that library). */
  trainingModules: number
  /** Published training module versions in total (large scale). */
  trainingVersions: number
}

export const SCALE_SIZES: Record<Scale, SeedSizes> = {
  demo: { developers: 120, teams: 12, months: 18, experts: 6, leaders: 3, pilotTeams: 3, batchSize: 5_000, trainingModules: 0, trainingVersions: 0 },
  large: {
    developers: 10_000, teams: 500, months: 36, experts: 60, leaders: 50, pilotTeams: 20, batchSize: 10_000,
    trainingModules: 5_000, trainingVersions: 25_000,
  },
}

export interface SeedSummary {
  scale: Scale
  anchor: string
  users: number
  teams: number
  teamDependencies: number
  cohorts: number
  cohortMemberships: number
  gateCriteria: number
  modelVersions: number
  modelChanges: number
  trainingModules: number
  trainingVersions: number
  trainingValidations: number
  trainingReviews: number
  trainingFlags: number
  trainingRatings: number
  learningPaths: number
  learningPathItems: number
  learningCompletions: number
  incidents: number
  surveys: number
  surveyQuestions: number
  surveyResponses: number
  surveyAnswers: number
  surveyParticipations: number
  techDebtItems: number
  throughputEntries: number
  budgetEntries: number
  findings: number
  auditLogs: number
  elapsedMs: number
}

export function emptySummary(scale: Scale, anchor: Date): SeedSummary {
  return {
    scale,
    anchor: anchor.toISOString().slice(0, 10),
    users: 0, teams: 0, teamDependencies: 0, cohorts: 0, cohortMemberships: 0, gateCriteria: 0,
    modelVersions: 0, modelChanges: 0, trainingModules: 0, trainingVersions: 0, trainingValidations: 0,
    trainingReviews: 0, trainingFlags: 0, trainingRatings: 0, learningPaths: 0, learningPathItems: 0, learningCompletions: 0,
    incidents: 0, surveys: 0, surveyQuestions: 0, surveyResponses: 0, surveyAnswers: 0, surveyParticipations: 0,
    techDebtItems: 0, throughputEntries: 0, budgetEntries: 0, findings: 0, auditLogs: 0, elapsedMs: 0,
  }
}

/** Database ids of what the later steps refer to. */
export interface SeedIds {
  teams: string[]
  users: Map<string, string>
  admin: string
  leaders: string[]
  experts: string[]
  pilotPhase: string
  expertsPhase: string
  pilotCohort: string
  expertsCohort: string
  /** Model ids by snapshot key ('previous', 'current', 'small', 'next'). */
  models: Record<string, string>
}

export interface SeedContext {
  db: Db
  rng: Rng
  scale: Scale
  sizes: SeedSizes
  timeline: Timeline
  org: Org
  ids: SeedIds
  summary: SeedSummary
  progress: Progress
}

/** Whether a team is in the pilot cohort. */
export function isPilotTeam(ctx: Pick<SeedContext, 'org'>, team: number): boolean {
  return ctx.org.catalogue.pilotTeams.includes(team)
}
