import type { ModuleSpec } from './types'

// Standard processes and references, written by the experts for this organisation.

export const HOW_WE_WORK: ModuleSpec = {
  slug: 'how-we-work-with-ai-coding-tools',
  title: 'How we work with AI coding tools',
  summary: 'The standard process: what the tools are for here, how a change goes from ticket to production, and what stays a human decision.',
  kind: 'PROCESS', tags: ['process', 'standards', 'start-here'], audience: 'EVERYONE', minutes: 25, owner: 0, status: 'PUBLISHED',
  lastReviewedDay: 228,
  versions: [
    { day: 20, validatedOn: ['previous'], changelog: 'First version, written during the experts\' first month.' },
    { day: 50, validatedOn: ['current'], changelog: 'Replaced the long instruction files with short task descriptions after the model change.' },
    { day: 150, validatedOn: ['current', 'next'], changelog: 'Added pull request size limits and the migration rule from the pilot findings.' },
  ],
  sections: [
    { since: 1, md: `
# How we work with AI coding tools

An assistant is a tool used by a person. You own every line you merge, whoever typed it first. This page is
the process every team follows; the walkthroughs show it on real tasks.

## What the tools are good for here (today)

- Writing a first draft of tests from a clear description of behaviour.
- Explaining unfamiliar code before you change it.
- Mechanical changes across many files that you can check with the compiler and the tests.
- A second pair of eyes while you debug, once you have described the symptom precisely.

They are weak at decisions that need context they do not have: data ownership, rollout order, what a customer was promised.
` },
    { since: 1, md: `
## From ticket to production

1. **Understand the task yourself first.** Write the acceptance criteria in the ticket in your own words.
2. **Describe the task, not the solution.** Point the assistant at the files that matter and state the constraints.
3. **Work in small steps.** One behaviour per step; run the tests after each one.
4. **Read every line before you commit.** If you cannot explain a line in review, it does not go in.
5. **Say in the pull request what the assistant did.** A line like \`Assisted: test drafts, rename across 14 files\` helps the reviewer look in the right places.
` },
    { since: 2, md: `
## Keep instructions short

After the last model change our carefully tuned instruction files made results worse. A plain, specific task
description beats a page of rules. Keep a team instruction file under twenty lines: the build command, the test
command, the two or three conventions the linter does not catch.
` },
    { since: 3, md: `
## Pull request size

Generating a week of changes in a day is easy; reviewing them is not. Keep pull requests under about 400 changed
lines of hand-reviewable code (generated files and snapshots excluded) and agree in the team who reviews what.

## Migrations are always hand-checked

Every schema migration, assisted or not, follows the runbook: lock timeout, backfill in batches, no default on a
large table in the same statement. The reviewer runs it against a copy of production-sized data.
` },
  ],
}

export const MODEL_CHANGES: ModuleSpec = {
  slug: 'when-the-model-changes',
  title: 'When the model changes: re-validating your workflow',
  summary: 'Every model change is a breaking change. How we roll one out, and what to re-check in your own workflow.',
  kind: 'PROCESS', tags: ['models', 'process', 'change-management'], audience: 'EVERYONE', minutes: 15, owner: 0, status: 'PUBLISHED',
  lastReviewedDay: 236,
  versions: [
    { day: 48, validatedOn: ['current'], changelog: 'First version, after the switch to the new default model.' },
    { day: 236, validatedOn: ['current', 'next'], changelog: 'Added what we are seeing in the current evaluation and the two-week notice rule.' },
  ],
  sections: [
    { since: 1, md: `
# When the model changes

A new model version is not a free upgrade. What worked with the last one, from how you phrase a task to which
jobs you hand over at all, may work differently or worse. We treat every change like a major dependency upgrade.

## How a change rolls out

1. The experts evaluate the new snapshot on their own work for at least two weeks.
2. Every walkthrough in this library is re-run on it; each module shows the snapshots it was validated on.
3. The change is announced with what changed and what to re-check, then rolled out stage by stage.
4. The previous model stays available until the change is complete.
` },
    { since: 1, md: `
## Re-check your own workflow

- Saved task descriptions and team instruction files: try the task without them first.
- Tasks you had stopped handing over because the old model was poor at them, and the reverse.
- Any script that parses the assistant's output.

Expect a week of lower output after a change. That is the cost of the change, not a failure on your part.
` },
    { since: 2, md: `
## Notes from the current evaluation

Early results on the snapshot under evaluation: long debugging sessions are noticeably better, and the more
direction an instruction file gives, the worse the output. Start from a bare task description and add only what
is missing. Pilot teams switch only after the announcement, with at least two weeks' notice.
` },
  ],
}

export const ENVIRONMENT: ModuleSpec = {
  slug: 'environment-setup-and-data-handling',
  title: 'Setting up your environment, and what may leave your machine',
  summary: 'Editor and terminal setup for the approved tools, and the rules for code, logs and data you share with them.',
  kind: 'REFERENCE', tags: ['setup', 'security', 'reference'], audience: 'EVERYONE', minutes: 15, owner: 5, status: 'PUBLISHED',
  lastReviewedDay: 12,
  versions: [{ day: 10, validatedOn: ['previous'], changelog: 'First version for the experts\' setup week.' }],
  sections: [
    { since: 1, md: `
# Setting up your environment

## Install

~~~sh
# approved editor extension and command-line tool, configured for our tenant
./tools/setup-assistant.sh --tenant engineering
assistant --version
~~~

Sign in with SSO. Personal accounts and other vendors' tools are not approved for company code.

## What may leave your machine

| Allowed | Never |
| --- | --- |
| Source code of our repositories | Customer data, production logs with personal data |
| Stack traces you have checked | Secrets, tokens, private keys, \`.env\` files |
| Synthetic test data | Data from another company shared with us under contract |

If you are not sure, leave it out and ask in #ai-tools-help.
` },
  ],
}

export const RETIRED_INSTRUCTIONS: ModuleSpec = {
  slug: 'shared-instruction-files-sonnet-4-5',
  title: 'Shared instruction files (Sonnet 4.5)',
  summary: 'The instruction files the experts tuned for the previous default model. Retired: they make results worse on the current one.',
  kind: 'REFERENCE', tags: ['instructions', 'models'], audience: 'EXPERTS', minutes: 10, owner: 1, status: 'RETIRED',
  retiredDay: 44,
  versions: [{ day: 18, validatedOn: ['previous'], changelog: 'First version: three shared instruction files with examples.' }],
  sections: [
    { since: 1, md: `
# Shared instruction files

> Retired. Tuned for Sonnet 4.5; on the current model a plain task description does better. See
> "When the model changes" for what replaced this page.

Three files the experts used for repeatable tasks: adding an endpoint, writing a migration, writing a consumer for
the event bus. Each listed our conventions in detail, with two worked examples per file.
` },
  ],
}

export const REVIEWING: ModuleSpec = {
  slug: 'reviewing-ai-assisted-pull-requests',
  title: 'Reviewing an AI-assisted pull request',
  summary: 'What to look for when part of a change was drafted by an assistant, with the checklist we use in review.',
  kind: 'TASK_WALKTHROUGH', tags: ['code-review', 'quality', 'checklist'], audience: 'EVERYONE', minutes: 20, owner: 2, status: 'PUBLISHED',
  versions: [
    { day: 55, validatedOn: ['current'], changelog: 'First version, from the experts\' reviews of each other\'s work.' },
    { day: 130, validatedOn: ['current', 'next'], changelog: 'Added checklist items for migrations and generated fixtures after two pilot findings.' },
  ],
  sections: [
    { since: 1, md: `
# Reviewing an AI-assisted pull request

Assisted code often looks finished: consistent names, tidy comments, passing tests. Review it as if a capable new
colleague wrote it on their first day: they know the language well and our system not at all.

## Walkthrough: a new endpoint in the ETA service

1. **Read the description first.** What was assisted? Where did the author make the decisions?
2. **Check the tests against the ticket, not against the code.** Tests drafted from the implementation repeat its mistakes.
3. **Look for plausible inventions**: a config key that does not exist, a retry helper from another library, an error code nobody handles.
4. **Run it.** Start the service locally and call the endpoint with one bad input.

~~~ts
// Looks right, compiles, passes the drafted test - and swallows the timeout the caller needs to see.
try {
  return await carrier.quote(order)
} catch {
  return DEFAULT_QUOTE
}
~~~
` },
    { since: 1, md: `
## Checklist

- [ ] Tests state the behaviour from the ticket, including one failure case.
- [ ] Every external call has a timeout and its errors reach the caller or the log.
- [ ] No new dependency without a reason in the description.
` },
    { since: 2, md: `
- [ ] Migrations follow the runbook (lock timeout, batched backfill) and were run on production-sized data.
- [ ] Fixtures and test data are synthetic; nothing came from a production log.
` },
  ],
}
