import { STANDARD_QUESTIONS } from '@/lib/surveys/rules'
import type { Rng } from './random'
import type { Who } from './story'

// Pulse questions and the free-text comments people leave. Comments never name anyone.

// The portal's standard questions (lib/surveys/rules.ts), so that seeded and new pulses compare by key and prompt.
export const QUESTIONS = STANDARD_QUESTIONS

const PILOT_EARLY = [
  'The first two weeks were slower than before. Week three the test walkthrough started to pay off.',
  'Deadlines did not move when the pilot started. For a while it felt like doing two jobs.',
  'Reviewing the big generated diffs is tiring. Smaller pull requests, please, even when the tool makes big ones easy.',
  'Having our expert sit with us in the first sprint helped more than any of the videos.',
]

const PILOT_LATER = [
  'The four hours a week of protected learning time made the difference. Please keep it.',
  'The debugging walkthrough was the most useful hour of training I have had this year.',
  'Still do not trust it anywhere near database migrations after last month.',
  'We finally paid down the flaky test suite. Characterisation tests were much faster to write this way.',
  'Good for tests and boilerplate, not much help in the label templates.',
  'Would like a session on reviewing each other\'s assisted changes as a team.',
]

const EXPERT = [
  'The model update broke most of my saved instructions. Plain task descriptions work better now.',
  'I need more time to record the refactoring walkthrough properly instead of rushing it.',
  'Good to have a budget for trying things. The shared evaluation machine is busy all day.',
  'Answering questions from the pilot teams is taking more of my week than planned.',
]

const WAITING = [
  'Hearing a lot about the pilot second-hand. When do the rest of us get training?',
  'Please do not turn this into a usage leaderboard.',
  'Our legacy billing code would need a redesign before any tool helps there.',
  'Some people here use assistants on their own already. Guidance on what is allowed would help.',
]

const ANY_TIME = [
  'On-call was rough this month: two pages in one night.',
  'Planning was clearer this month, thanks.',
  'Too many meetings, not enough focus time.',
  'Fewer priority changes mid-sprint would help.',
  'The new deploy pipeline saves me real time every day.',
  'Onboarding the new joiners took most of my month, happy to do it but it was not planned.',
]

/** A comment that fits who is answering and when. */
export function pickComment(rng: Rng, who: Who, stageMonth: number | null, afterPlanStart: boolean): string {
  if (rng.chance(0.35)) return rng.pick(ANY_TIME)
  if (who === 'pilot' && stageMonth !== null) return rng.pick(stageMonth <= 1 ? PILOT_EARLY : PILOT_LATER)
  if (who === 'expert' && stageMonth !== null) return rng.pick(EXPERT)
  return afterPlanStart ? rng.pick(WAITING) : rng.pick(ANY_TIME)
}
