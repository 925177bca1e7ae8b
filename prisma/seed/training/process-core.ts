import { TAGS, type ModuleSpec } from './types'

// The standard process and the model-change process: the modules every stage starts from.

export const HOW_WE_WORK: ModuleSpec = {
  slug: 'how-we-work-with-ai-coding-tools',
  title: 'How we work with AI coding tools',
  summary: 'The standard process: what the assistants are for here, how a change goes from ticket to production, and which decisions stay with people.',
  kind: 'PROCESS', tags: [TAGS.team, TAGS.onboarding, TAGS.aiPr], audience: 'EVERYONE', minutes: 25, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 20, validatedOn: ['previous'], changelog: 'First version, written during the experts\' first month.', was: { minutes: 15 } },
    { day: 48, validatedOn: ['current'], changelog: 'Step 2 rewritten after the model change: short task descriptions instead of the shared instruction files.', was: { minutes: 20 } },
    { day: 150, validatedOn: ['current', 'small'], changelog: 'Added the pull request size agreement and the migration rule from the pilot findings.' },
    { day: 205, validatedOn: ['current', 'next'], changelog: 'Added "When to take over" and the ownership table; re-checked every step on Opus 4.7.' },
  ],
  sections: [
    { since: 1, md: `
# How we work with AI coding tools

An assistant is a tool in the hands of a person. You own every change you merge, whoever typed the first draft.
This page is the process every team follows; the task walkthroughs in the library show it on real work.

## What the assistants are good for here (today)

- A first draft of tests, from a clear description of the behaviour you want.
- Explaining unfamiliar code before you change it.
- Mechanical changes across many files that the compiler and the tests can check.
- A second reader while you debug, once you have written the symptom down precisely.

They are weak wherever the decision needs context they do not have: who owns the data, what order a rollout
needs, what a customer was promised, why the odd-looking branch in the billing code exists.
` },
    { since: 1, md: `
## From ticket to production

1. **Understand the task yourself first.** Write the acceptance criteria in the ticket in your own words.
` },
    { since: 1, until: 2, md: `
2. **Load the team's instruction file, then give the task.** The shared files hold our conventions and two worked
   examples each; paste the ticket below them.
` },
    { since: 2, md: `
2. **Describe the task, not the solution.** Name the files that matter, the constraint that is easy to miss and
   how you will check the result. Leave out style rules the linter already enforces.
` },
    { since: 1, md: `
3. **Work in small steps.** One behaviour per step; run the tests after each one.
4. **Read every line before you commit.** If you cannot explain a line to a reviewer, it does not go in.
5. **Say in the pull request what was assisted.** A line such as \`Assisted: test drafts, rename across 14 files\`
   tells the reviewer where to look hardest.
` },
    { since: 2, md: `
## Keep instructions short

After the switch to Sonnet 4.6 our carefully tuned instruction files made results worse, and the longer the
file, the worse it got. A team instruction file now stays under twenty lines: the build command, the test
command, and the two or three conventions no tool checks for you.
` },
    { since: 3, md: `
## Pull request size

Producing a week of changes in a day is easy; reviewing them is not. Keep each pull request small enough to
review in one sitting and agree in the team who reviews what. See
[Keeping review load sane](/training/pull-request-size-and-review-load) for the agreement the pilot teams use.

## Migrations are always checked by hand

Every schema migration, assisted or not, follows the runbook: a lock timeout, backfills in batches, no volatile
default on a large table in the same statement. The reviewer runs it against a copy with production-sized data.
` },
    { since: 4, md: `
## When to take over

Stop prompting and write it yourself when:

- the third attempt at the same step still misses the point;
- the change touches money, permissions or personal data and you could not yet explain the assisted draft;
- you notice you are accepting changes to get the session over with.

## Who decides what

| Decision | Who |
| --- | --- |
| What the change should do | The developer, with the ticket and the team |
| Which files and interfaces it touches | The developer |
| First draft of tests and mechanical edits | Assistant, read line by line |
| Whether it is safe to merge | The reviewer, who is never the assistant |
| When it reaches customers | The team, through the normal release process |
` },
  ],
}

export const MODEL_CHANGES: ModuleSpec = {
  slug: 'when-the-model-changes',
  title: 'When the model changes: re-validating your workflow',
  summary: 'Every model change is a breaking change. How we roll one out, what to re-check in your own workflow, and how to roll back.',
  kind: 'PROCESS', tags: [TAGS.model, TAGS.prompting, TAGS.team], audience: 'EVERYONE', minutes: 15, owner: 0, status: 'IN_REVIEW',
  versions: [
    { day: 48, validatedOn: ['current'], changelog: 'First version, after the switch to the new default model.' },
    { day: 214, validatedOn: ['current', 'next'], changelog: 'Added what we are seeing in the Opus 4.7 evaluation and the two-week notice rule.' },
  ],
  pending: { day: 236, validatedOn: ['current', 'next'] },
  sections: [
    { since: 1, md: `
# When the model changes

A new model version is not a free upgrade. What worked with the last one, from how you phrase a task to which
jobs you hand over at all, may work differently or worse. We treat every change like a major dependency upgrade:
planned, announced, rolled out in stages and reversible.

## How a change rolls out

1. The experts evaluate the new snapshot on their own work for at least two weeks.
2. Every walkthrough in this library is re-run on it; each module lists the exact snapshots it was validated on.
3. The change is announced with what changed and what to re-check, then rolled out stage by stage.
4. The previous model stays available until the change is complete.
` },
    { since: 1, md: `
## Re-check your own workflow

- Saved task descriptions and team instruction files: try the task without them first.
- Tasks you had stopped handing over because the old model was poor at them, and the reverse.
- Any script that parses the assistant's output: formats drift between versions.

Plan for a week of lower output after a change. That is the cost of the change, not a failure on your part.
` },
    { since: 2, md: `
## Notes from the current evaluation

Early results on Opus 4.7: long debugging sessions are noticeably better, and the more direction an instruction
file gives, the worse the output. Start from a bare task description and add only what is missing. Pilot teams
switch only after the announcement, with at least two weeks' notice.
` },
    { since: 3, md: `
## Rolling back

If a team's incident or review numbers get worse after a switch, the team lead can move the team back to the
previous snapshot for up to four weeks without asking anyone:

~~~bash
assistant config set model claude-sonnet-4-6 --scope team --reason "review backlog after switch"
~~~

Tell the experts in #ai-tools-help what went wrong; a rollback is data for the evaluation, not a complaint.

## What the pilot teams re-check on switch day

- Run the team's three most common tasks on the new snapshot and compare with last week's merged result.
- Re-read the team instruction file and delete anything the new model does unprompted.
- Re-run the walkthroughs your team relies on; flag any step that no longer matches.
` },
  ],
}

export const EVALUATING_MODELS: ModuleSpec = {
  slug: 'evaluating-a-new-model-snapshot',
  title: 'Evaluating a new model snapshot before anyone else switches',
  summary: 'How the experts compare a new snapshot with the current default on their own work, and what evidence a switch needs.',
  kind: 'PROCESS', tags: [TAGS.model, TAGS.team], audience: 'EXPERTS', minutes: 30, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 40, validatedOn: ['current', 'small'], changelog: 'First version, written up from the Sonnet 4.5 to 4.6 comparison.' },
    { day: 176, validatedOn: ['current', 'next'], changelog: 'Task set extended to on-call and migration work; two weeks minimum made explicit.' },
    { day: 222, validatedOn: ['current', 'next'], changelog: 'Added the scoring sheet and the rule that instruction files are tested with and without.',
      changesRequested: 'The scoring sheet is the useful part, but "quality 1-5" will mean something different to each of us. Can each score say what a 2 and a 4 look like? And please keep the rule about testing without the instruction file; it is the finding everyone forgets.' },
  ],
  sections: [
    { since: 1, md: `
# Evaluating a new model snapshot

A vendor's benchmark tells you how a model does on the vendor's tasks. We need to know how it does on ours, with
our code bases, our review standards and our habits. The experts do this before any other team sees the model.

## The task set

Each expert picks tasks from their own backlog, real work that will be merged:
` },
    { since: 1, until: 2, md: `
- two test-writing tasks, two refactoring tasks and one bug fix;
- at least one task in a code base the expert does not know well.
` },
    { since: 2, md: `
- two test-writing tasks, two refactoring tasks, one bug fix and one schema migration;
- one on-call investigation, replayed from a recent incident timeline;
- at least one task in a code base the expert does not know well.

The comparison runs for **at least two weeks**. The first days on a new model are always worse; judging after
three days measures the learning curve, not the model.
` },
    { since: 1, md: `
## How to compare

1. Do each task with the current default first, as you normally would, and note where you had to step in.
2. Repeat it on the new snapshot from a clean branch, with the same starting description.
3. Review both results as if a colleague had opened the pull request.
4. Write down what surprised you, good or bad, the same day.
` },
    { since: 3, md: `
## Scoring sheet

| Question | 2 looks like | 4 looks like |
| --- | --- | --- |
| Did it understand the task? | Solved a neighbouring problem | Asked about or handled the hard constraint |
| How much did you correct? | Rewrote most of it | Small edits in review |
| Would the tests catch a regression? | Tests mirror the code | Tests state the ticket's behaviour |
| Did it stay in scope? | Touched unrelated files | Changed only what the task needed |

Run every task once **with** the team instruction file and once **without** it. On the last two snapshots the
version without did better more often than not.
` },
    { since: 1, md: `
## What a switch needs

- Every expert's notes, including the tasks where the new snapshot was worse.
- Every walkthrough in the library re-run; modules that no longer match get flagged and re-recorded.
- A written summary for the announcement: what is better, what is worse, what to re-check.
` },
  ],
}
