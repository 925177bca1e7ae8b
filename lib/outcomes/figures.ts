// Pure arithmetic of the outcome dashboard: turns summed rollup rows into the figures shown,
// for one group and month, a baseline or the control group. No database, unit-tested.
import { NOT_ENOUGH_RESPONSES } from '@/lib/outcomes/rules'

export const SCALE_QUESTIONS = ['overall', 'tools_help', 'time_to_learn', 'workload'] as const
export type ScaleQuestion = (typeof SCALE_QUESTIONS)[number]

export const TEAM_SUM_KEYS = [
  'incidentsSev1', 'incidentsSev2', 'incidentsSev3', 'incidentsSev4', 'resolvedIncidents', 'resolveSeconds',
  'businessHourInterruptions', 'offHourInterruptions', 'sleepHourInterruptions',
  'workloadMinutesWorking', 'workloadMinutesLate', 'workloadMinutesSleeping',
  'debtOpened', 'debtOpenedPoints', 'debtRepaid', 'debtRepaidPoints', 'throughputEntries', 'featuresShipped',
] as const
export type TeamSums = Record<(typeof TEAM_SUM_KEYS)[number], number>

export function emptyTeamSums(): TeamSums {
  return Object.fromEntries(TEAM_SUM_KEYS.map((k) => [k, 0])) as TeamSums
}

export function addTeamSums(into: TeamSums, add: Partial<Record<string, unknown>>): TeamSums {
  for (const k of TEAM_SUM_KEYS) into[k] += Number(add[k] ?? 0)
  return into
}

export interface QuestionSums {
  answers: number
  sum: number
  distribution: [number, number, number, number, number]
}
export interface SurveySums {
  respondents: number
  questions: Partial<Record<ScaleQuestion, QuestionSums>>
}

export function emptySurveySums(): SurveySums {
  return { respondents: 0, questions: {} }
}

export function addSurveySums(into: SurveySums, add: SurveySums): SurveySums {
  into.respondents += add.respondents
  for (const [k, q] of Object.entries(add.questions) as Array<[ScaleQuestion, QuestionSums]>) {
    const t = (into.questions[k] ??= { answers: 0, sum: 0, distribution: [0, 0, 0, 0, 0] })
    t.answers += q.answers
    t.sum += q.sum
    q.distribution.forEach((n, i) => (t.distribution[i] += n))
  }
  return into
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const per100 = (count: number, developerMonths: number) => (developerMonths > 0 ? round((100 * count) / developerMonths) : null)

export interface TeamFigures {
  /** Developer-months behind the rates (developers for one month). */
  developers: number
  incidents: { SEV1: number; SEV2: number; SEV3: number; SEV4: number }
  incidentsPer100: { SEV1: number | null; SEV2: number | null; SEV3: number | null; SEV4: number | null; high: number | null }
  resolvedIncidents: number
  mttrHours: number | null
  techDebt: { opened: number; openedPoints: number; repaid: number; repaidPoints: number; openedPointsPer100: number | null; repaidPointsPer100: number | null }
  /** Lagging indicator. Null when no team of the group reported throughput. */
  throughput: { featuresShipped: number | null; per100: number | null }
  offHours: { offHourInterruptions: number; sleepHourInterruptions: number; workloadMinutesLate: number; workloadMinutesSleeping: number }
}

/**
 * Figures from summed rollups. `developerMonths` is the group's developers times the months
 * summed (1 month: its developers), so that a baseline over 12 months gives monthly rates.
 * Throughput rates use only the developers of months that reported it (`throughputDeveloperMonths`).
 */
export function teamFigures(s: TeamSums, developerMonths: number, months = 1, throughputDeveloperMonths = developerMonths): TeamFigures {
  const avg = (x: number) => round(x / Math.max(1, months))
  return {
    developers: months > 0 ? round(developerMonths / months) : developerMonths,
    incidents: { SEV1: avg(s.incidentsSev1), SEV2: avg(s.incidentsSev2), SEV3: avg(s.incidentsSev3), SEV4: avg(s.incidentsSev4) },
    incidentsPer100: {
      SEV1: per100(s.incidentsSev1, developerMonths),
      SEV2: per100(s.incidentsSev2, developerMonths),
      SEV3: per100(s.incidentsSev3, developerMonths),
      SEV4: per100(s.incidentsSev4, developerMonths),
      high: per100(s.incidentsSev1 + s.incidentsSev2, developerMonths),
    },
    resolvedIncidents: avg(s.resolvedIncidents),
    mttrHours: s.resolvedIncidents > 0 ? round(s.resolveSeconds / s.resolvedIncidents / 3600) : null,
    techDebt: {
      opened: avg(s.debtOpened),
      openedPoints: avg(s.debtOpenedPoints),
      repaid: avg(s.debtRepaid),
      repaidPoints: avg(s.debtRepaidPoints),
      openedPointsPer100: per100(s.debtOpenedPoints, developerMonths),
      repaidPointsPer100: per100(s.debtRepaidPoints, developerMonths),
    },
    throughput: s.throughputEntries > 0
      ? { featuresShipped: avg(s.featuresShipped), per100: per100(s.featuresShipped, throughputDeveloperMonths) }
      : { featuresShipped: null, per100: null },
    offHours: {
      offHourInterruptions: avg(s.offHourInterruptions),
      sleepHourInterruptions: avg(s.sleepHourInterruptions),
      workloadMinutesLate: avg(s.workloadMinutesLate),
      workloadMinutesSleeping: avg(s.workloadMinutesSleeping),
    },
  }
}

export interface QuestionFigure {
  mean: number | null
  answers: number
  /** Answers with score 1, 2, 3, 4, 5. */
  distribution: [number, number, number, number, number]
}
export type SatisfactionFigure =
  | { suppressed: true; reason: string }
  | { suppressed: false; respondents: number; questions: Partial<Record<ScaleQuestion, QuestionFigure>> }
  | null

/** A survey cell as shown: null when there was no survey, suppressed below the threshold (decided by the caller). */
export function satisfactionFigure(s: SurveySums | undefined, hidden: boolean): SatisfactionFigure {
  if (!s || s.respondents === 0) return null
  if (hidden) return { suppressed: true, reason: NOT_ENOUGH_RESPONSES }
  const questions: Partial<Record<ScaleQuestion, QuestionFigure>> = {}
  for (const k of SCALE_QUESTIONS) {
    const q = s.questions[k]
    if (q) questions[k] = { mean: q.answers > 0 ? round(q.sum / q.answers) : null, answers: q.answers, distribution: [...q.distribution] }
  }
  return { suppressed: false, respondents: s.respondents, questions }
}
