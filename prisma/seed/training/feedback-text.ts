// Hand-written learning paths, flags and rating comments for the demo library. People are named by
// role so that the same text works at both scales: 'dev' is dev@example.com, 'pilot:N' the N-th
// other pilot-team member, 'expert:N' the N-th expert.

export type Who = 'dev' | `pilot:${number}` | `expert:${number}`

export const PATHS: Array<{ stage: 'EXPERTS' | 'PILOT' | 'BROAD'; title: string; description: string; slugs: string[] }> = [
  {
    stage: 'EXPERTS',
    title: 'Experts: evaluating tools and teaching others',
    description: 'For experts joining the group: how we evaluate a model, the standard process we teach, and the stories behind our rules.',
    slugs: [
      'evaluating-a-new-model-snapshot', 'how-we-work-with-ai-coding-tools', 'when-the-model-changes',
      'prompt-patterns-that-survived-the-model-upgrade', 'story-the-instruction-file-that-made-everything-worse', 'reviewing-ai-assisted-pull-requests',
    ],
  },
  {
    stage: 'PILOT',
    title: 'Pilot teams: the core path',
    description: 'Eight modules every pilot developer completes in the first weeks: setup and data rules, the process, tests, review, incidents and legacy code.',
    slugs: [
      'how-we-work-with-ai-coding-tools', 'environment-setup-and-data-handling', 'writing-tests-with-an-assistant',
      'reviewing-ai-assisted-pull-requests', 'pull-request-size-and-review-load', 'debugging-a-production-incident',
      'refactoring-a-legacy-module', 'story-the-timezone-fix-that-passed-its-tests',
    ],
  },
  {
    stage: 'BROAD',
    title: 'Broad rollout: getting started',
    description: 'The first modules for every team joining in the broad rollout, in the order the embedded experts recommend.',
    slugs: [
      'how-we-work-with-ai-coding-tools', 'environment-setup-and-data-handling', 'adding-an-endpoint-end-to-end',
      'review-checklist-for-assisted-changes', 'red-flags-in-assistant-output', 'story-the-confident-answer-about-our-own-api',
      'story-an-on-call-week-with-a-second-reader',
    ],
  },
]

/** Positions (0-based) of the PILOT path that dev@example.com has completed: about half. */
export const DEV_COMPLETED = [0, 1, 2, 4]

export interface FlagSpec {
  slug: string
  by: Who
  /** Days after the plan started. */
  day: number
  reason: string
  /** Resolved by the owner when this version was published. */
  resolvedBy?: { version: number; resolution: string }
}

export const FLAGS: FlagSpec[] = [
  { slug: 'refactoring-a-legacy-module', by: 'dev', day: 226,
    reason: 'On Opus 4.7 the map in step 2 looks quite different and it keeps proposing several moves at once. Worth re-recording before the pilot switches.' },
  { slug: 'upgrading-a-framework-dependency', by: 'pilot:3', day: 221,
    reason: 'Validated only on Sonnet 4.6, which is being replaced. The codemod step also points at a flag the framework removed in its last minor release.' },
  { slug: 'generating-an-api-client-from-openapi', by: 'expert:3', day: 150,
    reason: 'Recorded on Sonnet 4.5. The generator now needs --root-types, and the retry wrapper example uses the old client API.' },
  { slug: 'prompt-patterns-from-the-first-month', by: 'expert:2', day: 190,
    reason: 'Patterns 4 and 5 make results worse on the current model, and "Prompt patterns that survived the model upgrade" replaces this page. Retire it, or add a banner?' },
  { slug: 'environment-setup-and-data-handling', by: 'expert:3', day: 84,
    reason: 'The setup script in the Install section does not exist any more; it was renamed to ai-setup.sh.',
    resolvedBy: { version: 2, resolution: 'Fixed in version 2: new script name, plus a check that the default model is set.' } },
  { slug: 'reviewing-ai-assisted-pull-requests', by: 'pilot:6', day: 122,
    reason: 'The checklist says nothing about migrations, and the SEV2 in Fulfilment came from an assisted migration.',
    resolvedBy: { version: 2, resolution: 'Version 2 adds checklist items for migrations and for synthetic fixtures.' } },
]

export interface RatingSpec { slug: string; by: Who; helpful: boolean; comment: string }

export const RATING_NOTES: RatingSpec[] = [
  { slug: 'writing-tests-with-an-assistant', by: 'dev', helpful: true, comment: 'Breaking the code on purpose to see which test fails is now a habit in our team.' },
  { slug: 'writing-tests-with-an-assistant', by: 'pilot:2', helpful: true, comment: 'The one-test-at-a-time correction saved me an afternoon on Opus 4.7.' },
  { slug: 'reviewing-ai-assisted-pull-requests', by: 'pilot:4', helpful: true, comment: 'The recorded review was more useful than the text. More of those, please.' },
  { slug: 'debugging-a-production-incident', by: 'pilot:5', helpful: true, comment: 'Used the redaction script during a real incident last week. Worked as described.' },
  { slug: 'refactoring-a-legacy-module', by: 'pilot:7', helpful: false, comment: 'Good principles, but the steps no longer match what the current model does with step 2.' },
  { slug: 'how-we-work-with-ai-coding-tools', by: 'pilot:8', helpful: true, comment: 'The "when to take over" list should be on a poster in every team room.' },
  { slug: 'environment-setup-and-data-handling', by: 'pilot:9', helpful: true, comment: 'Clear table. I had been pasting stack traces with customer ids without thinking about it.' },
  { slug: 'pull-request-size-and-review-load', by: 'dev', helpful: true, comment: 'The rota made review load visible in our team within a week.' },
  { slug: 'story-the-timezone-fix-that-passed-its-tests', by: 'pilot:10', helpful: true, comment: 'Short and uncomfortable in the right way.' },
  { slug: 'upgrading-a-framework-dependency', by: 'pilot:11', helpful: false, comment: 'The codemod command fails on the current release; see the open flag.' },
  { slug: 'generating-an-api-client-from-openapi', by: 'expert:4', helpful: false, comment: 'Outdated: written for Sonnet 4.5 and an older generator.' },
  { slug: 'prompt-patterns-that-survived-the-model-upgrade', by: 'expert:5', helpful: true, comment: 'The before/after example is exactly what new experts ask for.' },
  { slug: 'story-when-the-agent-rewrote-the-retry-logic', by: 'pilot:12', helpful: true, comment: 'We added the scope line to our own agent tasks the same day.' },
  { slug: 'glossary-of-assisted-development', by: 'pilot:13', helpful: false, comment: 'Missing a few terms we use every day now, like "boundary" and "checkpoint".' },
]
