import type { Topic } from './fragments-a'
import { TAGS } from './types'

// More topics for the generated modules, and the sections later versions add.

export const TOPICS_B: Topic[] = [
  {
    tags: [TAGS.security, TAGS.review],
    task: 'Security-reviewing an assisted change',
    process: 'how we security-review assisted changes',
    reference: 'Security review questions',
    intro: 'Assisted code in {service} rarely gets syntax wrong; it readily builds a query from strings or trusts an id from the request. {team} looks for those on purpose.',
    steps: [
      'Check that inputs are validated at the boundary with the shared schema library.',
      'Check that every query is parameterised, including reports and scripts.',
      'Check authorisation against the resource, not against an id the client sent.',
      'Check that nothing sensitive is logged: tokens, request bodies, addresses.',
      'Check that every new dependency exists, is maintained and is the one intended.',
      'Rotate any secret that was pasted into a session, the same day.',
      'Record what you checked in the review, so the next reviewer can see it.',
    ],
    correction: ['Trust the package the assistant names if the install succeeds.', 'Look every suggested package up: it must exist, be maintained and not be a look-alike name.'],
    code: [
      { lang: 'ts', text: 'const invoice = await db.invoice.findFirst({\n  where: { id: params.id, accountId: session.accountId }, // owned by the caller\n})' },
      { lang: 'bash', text: 'npm view left-pad-utils name repository.url time.created --json' },
    ],
    checks: ['Queries are parameterised.', 'Authorisation is checked against the resource.', 'No secrets or personal data in logs or fixtures.'],
    success: { title: 'the missing ownership check found in review', text: 'A reviewer using the checklist caught an endpoint that trusted the account id in the request body, a week before an external test would have.' },
    caution: { title: 'a package that did not exist yet', text: 'The assistant suggested a plausible package name. Someone had registered it the week before.' },
  },
  {
    tags: [TAGS.prompting],
    task: 'Describing a task to an agent',
    process: 'how we phrase tasks for assistants',
    reference: 'Task description patterns',
    intro: 'Most prompting advice expires with the next model. What lasts for {team} is giving the model facts it cannot know about {service}, not instructions on how to think.',
    steps: [
      'State the behaviour you want, not the implementation.',
      'Name the files that matter and the one it must not touch.',
      'Say how you will check the result: the test command, the query, the page.',
      'Show one real example of the style you want, from the repository.',
      'Ask where something is defined when an answer sounds certain.',
      'Start a new session when the conversation has drifted from the task.',
      'Keep the team instruction file under twenty lines and retest it on every new snapshot.',
    ],
    correction: ['Give the agent a step-by-step plan.', 'Give the goal, the boundary and the check instead of a plan; newer snapshots follow a plan even where the code disagrees.'],
    code: [
      { lang: 'text', text: 'Goal:     capacity comes from depot settings, not the constant\nBoundary: src/capacity/ and its tests only\nCheck:    npm test -- capacity' },
      { lang: 'text', text: 'Where in the repository is retryWithBackoff defined? Show the file and line, or say that it is not there.' },
    ],
    checks: ['The task names the check.', 'The boundary is explicit.', 'The instruction file was retested on the current snapshot.'],
    success: { title: 'a three-line task description that beat the old instruction file', text: 'Replacing a long instruction file with three lines of goal, boundary and check gave better results on every task the team retried.' },
    caution: { title: 'the plan the agent followed too well', text: 'Given a detailed plan, the agent followed it step by step, including the step that no longer matched the code.' },
  },
  {
    tags: [TAGS.dependency],
    task: 'Upgrading a major dependency',
    process: 'how we handle dependency upgrades',
    reference: 'Upgrade checklist',
    intro: 'Major upgrades in {service} are mostly mechanical and partly subtle. {team} hands the mechanical part to the assistant and keeps the subtle part.',
    steps: [
      'Read the official upgrade guide yourself and list the breaking changes that apply.',
      'Run the framework\'s codemod first, if there is one.',
      'Let the compiler list the remaining errors; that list is the work.',
      'Hand over mechanical errors in batches, one batch per commit.',
      'Do behavioural changes yourself: defaults, middleware order, error handling.',
      'Run the contract tests against staging before merging.',
      'Give the assistant the current guide\'s text rather than trusting its memory of it.',
    ],
    correction: ['Ask the assistant which breaking changes apply.', 'Read the current upgrade guide yourself; the model may remember a beta or another major version.'],
    code: [
      { lang: 'bash', text: 'npx tsc --noEmit 2>&1 | grep "error TS" | cut -d"(" -f1 | sort | uniq -c | sort -rn | head' },
      { lang: 'bash', text: 'npm install framework@5 --save-exact && npx framework-codemod v5 src/' },
    ],
    checks: ['Breaking changes were listed from the official guide.', 'Mechanical and behavioural changes are in separate commits.', 'Contract tests passed on staging.'],
    success: { title: 'a major upgrade in four days instead of three weeks', text: 'The codemod and the assistant handled the renames; the team spent its time on the two behaviour changes that mattered.' },
    caution: { title: 'the hook that was renamed back', text: 'The assistant applied a rename from a beta release that never shipped. The compiler was happy; production was not.' },
  },
  {
    tags: [TAGS.onboarding, TAGS.team],
    task: 'Running a first assisted change',
    process: 'how new members start with assisted development',
    reference: 'First-week guide',
    intro: 'A new member of {team} makes a first assisted change to {service} in their first week, with a pair and without time pressure.',
    steps: [
      'Set up the approved tools with the setup script and sign in with SSO.',
      'Read the data rules: what may and may not leave your machine.',
      'Pick a small, well-tested task with your pair.',
      'Write the change yourself first, then compare with what the assistant suggests.',
      'Open the pull request with the description template, including the assisted section.',
      'Review one assisted pull request from a colleague with the checklist.',
      'Note one thing that surprised you and bring it to the team\'s weekly slot.',
    ],
    correction: ['Use the assistant for everything in week one to learn quickly.', 'Write small changes yourself first, then compare; you learn the code base and the tool.'],
    code: [
      { lang: 'bash', text: './tools/ai-setup.sh --tenant engineering\nassistant config get model' },
      { lang: 'markdown', text: '## Assisted\nTest drafts for the two new cases; the handler change is mine.' },
    ],
    checks: ['Setup done and data rules read.', 'One assisted change merged through normal review.', 'One assisted pull request reviewed.'],
    success: { title: 'a new joiner\'s first week', text: 'With a pair and a small task, the new developer merged a first assisted change on day three and reviewed one on day four.' },
    caution: { title: 'a first week without a pair', text: 'Alone and under pressure, a new joiner merged a change they could not explain. The reviewer, also new, could not either.' },
  },
  {
    tags: [TAGS.model],
    task: 'Re-validating after a model change',
    process: 'how we handle a model change',
    reference: 'Model change checklist',
    intro: 'Every model change is a breaking change for {team}. Before {service} work moves to a new snapshot, the team re-checks the workflow it relies on.',
    steps: [
      'Run the team\'s three most common tasks on the new snapshot and compare with last week\'s merged result.',
      'Try each saved task description without the instruction file first.',
      'Re-run the walkthroughs the team relies on and flag any step that no longer matches.',
      'Check every script that parses the assistant\'s output.',
      'Plan for a slower week and say so in the sprint planning.',
      'Agree when the team would roll back, before switching.',
      'Share what changed in the team channel and with the experts.',
    ],
    correction: ['Keep the instruction file as it is and compare results.', 'Test every task with and without the instruction file; on the last two snapshots "without" won more often.'],
    code: [
      { lang: 'bash', text: 'assistant config set model claude-sonnet-4-6 --scope team --reason "rollback: review backlog"' },
      { lang: 'text', text: 'Task: ROU-377 capacity from depot settings\nOld snapshot: 2 corrections in review\nNew snapshot: 0 corrections, but touched an unrelated file' },
    ],
    checks: ['Common tasks were retried on the new snapshot.', 'Walkthroughs were re-run and flagged where needed.', 'A rollback rule was agreed.'],
    success: { title: 'a model switch without a bad week', text: 'Because the team re-ran its common tasks before switching, it deleted half its instruction file on day one and had no dip worth mentioning.' },
    caution: { title: 'the instruction file tuned for the last model', text: 'After the switch, the carefully tuned file made every result worse, and the team took two weeks to suspect it.' },
  },
]

/** Sections a later version adds; {model} is the newest snapshot it was validated on, `from` the first plan day it fits. */
export const UPDATES: Array<{ heading: string; text: string; from?: number }> = [
  { heading: 'Re-checked on {model}', text: 'Every step was re-run on {model}. The steps still hold; the assistant now tends to combine several changes in one answer, so ask for one at a time.' },
  { heading: 'A failure case', text: 'Readers asked what happens when {service} times out halfway. The error reaches the caller, which retries only idempotent calls; the checklist now asks for a test of exactly that case.' },
  { heading: 'Questions from the pilot', from: 100, text: 'Pilot teams asked most often how much to hand over at once. The answer from {team}: less than you think, and never more than one reviewable change.' },
  { heading: 'What we changed after a review', text: 'A reviewer pointed out that the page said nothing about error handling. Our rule, now written here: errors reach the caller or the log, never a silent default.' },
  { heading: 'Related reading', text: 'See the review checklist and the standard process page in this library; this page assumes both.' },
  { heading: 'Notes from the retrospective', from: 60, text: '{team} reviewed this page after a month of use. The step people skipped most was the last one; it is now the one the reviewer asks about first.' },
]

/** Sections a later version of a story adds. */
export const STORY_UPDATES: Array<{ heading: string; text: string; from?: number }> = [
  { heading: 'Three months later', from: 90, text: '{team} still works this way. The part that stuck was the review habit, not the tool.' },
  { heading: 'What the team would do differently', text: 'Start smaller, and write down the rule that must not change before handing anything over.' },
  { heading: 'Re-told for {model}', text: 'The team repeated the exercise on {model}. The outcome held; the assistant needed fewer corrections and tried more unrequested changes.' },
  { heading: 'In their own words', text: '"The tool was the least interesting part. Having the time to do it properly was what made the difference."' },
]

/** Reasons people give when flagging a generated module. */
export const FLAG_REASONS = [
  'The commands in step 2 no longer match our setup script.',
  'Validated only on Sonnet 4.6; the behaviour described in the steps is different on Opus 4.7.',
  'The code example uses a helper that was removed from the shared library.',
  'The walkthrough recording shows the old review tool.',
  'The checklist misses the migration rule added after the pilot finding.',
]

export const RATING_COMMENTS = {
  helpful: ['Used this on my first assisted change; the checklist caught something.', 'Clear and short. The example matched our code.', 'The failure case section was the useful part.'],
  notHelpful: ['Too generic for our stack.', 'Steps did not match what I saw on the current model.', 'Needs a real example from our code base.'],
}
