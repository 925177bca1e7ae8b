import { TAGS, type ModuleSpec } from './types'

// Team-level processes: review load, the experts' exploration weeks, delegating to an agent, and
// the working agreement a team writes before it starts.

export const REVIEW_LOAD: ModuleSpec = {
  slug: 'pull-request-size-and-review-load',
  title: 'Keeping review load sane: pull request size and who reviews what',
  summary: 'The agreement the pilot teams adopted after one person\'s assisted output buried two reviewers for a sprint.',
  kind: 'PROCESS', tags: [TAGS.review, TAGS.aiPr, TAGS.team], audience: 'PILOT', minutes: 12, owner: 3, status: 'PUBLISHED',
  versions: [
    { day: 110, validatedOn: ['current', 'small'], changelog: 'First version, from the review-overload finding in the pilot.' },
    { day: 168, validatedOn: ['current', 'small'], changelog: 'Added the weekly review rota and the "split before review" rule.' },
    { day: 214, validatedOn: ['current', 'next'], changelog: 'Clarified that generated files and lockfiles do not count towards the size limit.' },
  ],
  sections: [
    { since: 1, md: `
# Keeping review load sane

Assistants make changes cheap to produce. They do not make them cheaper to review, and the reviewer is the person
who stops a bad change reaching customers. When output goes up and review capacity stays the same, the queue grows
and the quality of each review drops. We saw exactly that in the first pilot month.

## The agreement

1. **One purpose per pull request.** A refactoring and a behaviour change are two pull requests.
2. **Small enough for one sitting.** If the reviewer cannot finish in about thirty minutes, split it before asking.
3. **The author reviews first.** Read your own diff in the review tool before you request anyone else.
4. **Say what was assisted** in the description, and where you made the decisions yourself.
` },
    { since: 1, md: `
## Signs the load is too high

- Reviews are approved within minutes of being requested, on large changes.
- The same two people review almost everything.
- Review comments shrink to "LGTM" while pull requests grow.

Any of these is a reason to talk in the team, not to push reviewers harder.
` },
    { since: 2, md: `
## Split before review

When a session produced more than one change, split it before opening anything:

~~~bash
git switch -c chk-412-extract-vat
git restore --source=chk-412-wip --staged --worktree -- src/pricing/vat.ts src/pricing/vat.test.ts
git commit -m "Extract VAT rules into their own module (no behaviour change)"
~~~

## Weekly review rota

Each week two people are first reviewers for the team. Everyone else reviews only when asked by name. The rota
spreads the load, and it makes it obvious when one person's output is more than the team can absorb, which is a
conversation for the team lead, not a reason to review faster.
` },
    { since: 3, md: `
## What counts towards the size

Generated files, lockfiles and recorded snapshots do not count, but say in the description that they are there and
how they were produced, so that the reviewer can regenerate them and compare.
` },
  ],
}

export const EXPLORATION_WEEKS: ModuleSpec = {
  slug: 'running-the-experts-exploration-weeks',
  title: 'Running the experts\' exploration weeks',
  summary: 'How the first experts spent their protected weeks: picking a code base, keeping a diary and sharing what they learned.',
  kind: 'PROCESS', tags: [TAGS.team, TAGS.onboarding], audience: 'EXPERTS', minutes: 10, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 6, validatedOn: ['previous', 'small'], changelog: 'First version, for the experts\' kick-off.' },
    { day: 45, validatedOn: ['current', 'small'], changelog: 'Added the diary template and the Friday show-and-tell.' },
  ],
  sections: [
    { since: 1, md: `
# Running the experts' exploration weeks

The experts' first weeks are protected time: normal delivery is paused and the goal is to learn what the tools can
and cannot do on our own code. It works only if the time is actually protected; agree it with your manager before
the first day and hand over your on-call shifts.

## Pick the ground

- A code base you know well, so that you can judge the output quickly.
- Work that will really be merged: a backlog of tests, a refactoring you have postponed, an internal tool.
- At least one task outside your usual stack, to feel what a developer without your experience will feel.

## Rules of the weeks

1. Real reviews: everything you merge goes through the normal review by a colleague.
2. No heroics: if a task goes badly, write down why and move on.
3. Try the same task in more than one way (plain description, detailed instructions, step by step).
` },
    { since: 1, md: `
## What to bring back

At the end of the weeks each expert brings three things to the group: one task type where the tools clearly helped
on our code, one where they clearly did not, and one open question. The first standard process and the first
walkthroughs in this library were written from those lists.
` },
    { since: 2, md: `
## The diary

Write five lines at the end of each day. Patterns show up only when you can read a week back.

~~~text
Task:        CHK-388 split promotion rules out of basket.ts
Tried:       plain description, then step by step
Worked:      extraction of pure functions, test drafts
Didn't:      it kept "fixing" the rounding rule that is deliberately odd
Next time:   state the rule that must not change before starting
~~~

## Friday show-and-tell

Every Friday each expert shows one thing that worked and one that did not, in ten minutes. The failures are the
more useful half; they became the first cautionary stories in this library.
` },
  ],
}

export const DELEGATING: ModuleSpec = {
  slug: 'delegating-a-task-to-an-agent',
  title: 'Delegating a task to an agent: scope, checkpoints, and when to take over',
  summary: 'How to hand a multi-step task to an agent in your terminal without losing track of what it changed and why.',
  kind: 'PROCESS', tags: [TAGS.prompting, TAGS.aiPr, TAGS.team], audience: 'PILOT', minutes: 20, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 88, validatedOn: ['current', 'small'], changelog: 'First version, for the pilot kick-off.' },
    { day: 140, validatedOn: ['current', 'small'], changelog: 'Added checkpoints with a clean commit per step after two pilot teams lost work.' },
    { day: 200, validatedOn: ['current', 'next'], changelog: 'Scope section rewritten: Opus 4.7 follows a short goal better than a long plan.' },
  ],
  sections: [
    { since: 1, md: `
# Delegating a task to an agent

An agent that can run commands and edit files can do a lot in a few minutes, including things you did not ask for.
Delegating well is mostly about scope and about being able to see, at every point, what changed.

## Before you start

- Start from a clean working tree on a new branch.
- Make sure the tests run locally and pass. An agent cannot tell "I broke it" from "it was already broken".
- Decide what you will check at the end, and write it down.
` },
    { since: 1, until: 3, md: `
## Scope

Give the agent a plan: the steps in order, the files for each step, and the commands to run after each one. The
more precise the plan, the less it wanders.
` },
    { since: 3, md: `
## Scope

Give the agent the goal, the boundary and the check, not a step-by-step plan. On the snapshot under evaluation a
long plan made results worse: it followed the plan even where the code disagreed with it.

~~~text
Goal:     ROU-377 - slot capacity must come from depot settings, not the constant in capacity.ts
Boundary: only src/capacity/ and its tests; do not touch the API layer
Check:    npm test -- capacity  passes, and the new test for a depot with capacity 0 fails before your change
~~~
` },
    { since: 2, md: `
## Checkpoints

Ask for a commit after every step that leaves the tests green. When something goes wrong you go back one step,
not to the beginning:

~~~bash
git log --oneline main..            # what the agent did, step by step
git diff HEAD~1 -- src/capacity/   # read one step at a time
git reset --hard HEAD~1            # throw away the last step only
~~~
` },
    { since: 1, md: `
## When to take over

- The agent edits files outside the boundary twice: stop and do the step yourself.
- A test was changed to make it pass: read why before anything else.
- You are no longer sure what the last three steps did: stop, read the log, then decide.
` },
  ],
}

export const TEAM_AGREEMENT: ModuleSpec = {
  slug: 'writing-your-team-working-agreement',
  title: 'Writing your team\'s working agreement for assisted development',
  summary: 'A one-page agreement each pilot team writes in its first week: where assistants are used, who reviews, what stays manual.',
  kind: 'PROCESS', tags: [TAGS.team, TAGS.onboarding, TAGS.review], audience: 'PILOT', minutes: 15, owner: 2, status: 'PUBLISHED',
  versions: [
    { day: 92, validatedOn: ['current', 'small'], changelog: 'First version, with the template used by the three pilot teams.' },
    { day: 160, validatedOn: ['current', 'small'], changelog: 'Added the monthly review of the agreement and the "no-go areas" section.' },
    { day: 218, validatedOn: ['current', 'next'], changelog: 'Added an example agreement from the Routing team, with its permission.' },
  ],
  sections: [
    { since: 1, md: `
# Writing your team's working agreement

Each team works differently, and the process page cannot say everything. In its first pilot week each team writes
a one-page agreement, in its own repository, that answers five questions:

1. Which tasks do we use assistants for, and which not yet?
2. How do we mark assisted work in a pull request?
3. Who reviews what, and how big may a pull request be?
4. What do we do when someone is stuck or overloaded?
5. How do we share what we learn (a channel, a weekly slot)?

Keep it short. An agreement nobody rereads is worse than none, because people think the questions are settled.
` },
    { since: 1, md: `
## What makes an agreement work

- Everyone in the team took part in writing it, including the people least keen on the tools.
- It names real parts of your code base, not generic categories.
- It says what happens when someone disagrees with it: bring it to the monthly review, do not work around it.
` },
    { since: 2, md: `
## No-go areas

Name the parts of your code base where assisted changes need a second reviewer or are not used yet. Typical ones:
payment flows, permission checks, anything that deletes data, and code nobody on the team understands yet.

## Review it monthly

Put thirty minutes in the calendar once a month to reread the agreement and change what no longer matches how you
work. Most teams moved at least one item out of the no-go list by the third month, and one moved one back in.
` },
    { since: 3, md: `
## Example: Routing

~~~markdown
- Assisted by default: test drafts, refactorings inside one service, SQL for investigations.
- Not yet: slot capacity rules, anything touching the carrier booking API.
- PRs: one purpose, reviewable in 30 minutes, "Assisted:" line in the description.
- Stuck for an hour? Ask in #routing-dev or pair with this week's rota reviewer.
- Fridays 16:00: 20 minutes, one thing that worked, one that did not.
~~~
` },
  ],
}
