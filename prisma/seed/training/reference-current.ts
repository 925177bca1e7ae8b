import { TAGS, type ModuleSpec } from './types'

// References kept current: prompt patterns that held up, the review checklist, the approved
// models, and the signs of output that needs a closer look. One retired pilot page.

export const DURABLE_PROMPTS: ModuleSpec = {
  slug: 'prompt-patterns-that-survived-the-model-upgrade',
  title: 'Prompt patterns that survived the model upgrade',
  summary: 'The handful of ways of phrasing a task that kept working across Sonnet 4.5, 4.6 and the Opus 4.7 evaluation, and the ones that did not.',
  kind: 'REFERENCE', tags: [TAGS.prompting, TAGS.model], audience: 'EVERYONE', minutes: 10, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 82, validatedOn: ['current', 'small'], changelog: 'First version, from the experts\' notes after the switch to 4.6.' },
    { day: 180, validatedOn: ['current', 'next'], changelog: 'Checked every pattern on Opus 4.7; moved "give it a plan" to the list of patterns that stopped working.' },
    { day: 224, validatedOn: ['current', 'next'], changelog: 'Added the before/after example for a test-writing task.' },
  ],
  sections: [
    { since: 1, md: `
# Prompt patterns that survived the model upgrade

Most prompting advice has a short shelf life. These patterns kept working across every snapshot we have used. They
have one thing in common: they give the model facts it cannot know, not instructions on how to think.

## Patterns that keep working

1. **State the behaviour, not the implementation.** "A slot may not start within two hours of payment" beats
   "add a check in \`availableSlots\`".
2. **Name the files that matter**, and the one file it must not touch.
3. **Give the check.** Say how you will know it worked: the test command, the query, the page to open.
4. **Show one real example** of the style you want, from the repository, not a made-up one.
5. **Ask for the source.** "Where in the code is this defined?" turns a guess into something you can check.
` },
    { since: 1, until: 2, md: `
## Patterns that stopped working

- Long instruction files with dozens of rules (worse on 4.6 than on 4.5).
- Role-play openings ("you are a senior engineer...") made no measurable difference on 4.6.
` },
    { since: 2, md: `
## Patterns that stopped working

- Long instruction files with dozens of rules (worse on 4.6 than on 4.5, worse again on Opus 4.7).
- Role-play openings ("you are a senior engineer...") made no measurable difference on 4.6.
- **Giving it a step-by-step plan.** Opus 4.7 follows the plan even where the code disagrees with it. Give the goal
  and the boundary instead; see [Delegating a task to an agent](/training/delegating-a-task-to-an-agent).
` },
    { since: 3, md: `
## Before and after

~~~text
Before: You are an expert test engineer. Follow our testing guidelines below (38 rules). Write comprehensive
        tests for slot-rules.ts covering all edge cases.

After:  Tests for availableSlots in src/slots/slot-rules.ts. Behaviours: no slot within 2 h of payment; no
        slots on public holidays; slots are returned in start order. One test per behaviour, in the style of
        src/slots/capacity.test.ts. Check: npm test -- slots
~~~
` },
  ],
}

export const REVIEW_CHECKLIST: ModuleSpec = {
  slug: 'review-checklist-for-assisted-changes',
  title: 'Review checklist for assisted changes',
  summary: 'The one-page checklist reviewers keep open next to the diff. Short on purpose; each line is there because something went wrong.',
  kind: 'REFERENCE', tags: [TAGS.aiPr, TAGS.review, TAGS.security], audience: 'EVERYONE', minutes: 5, owner: 4, status: 'PUBLISHED',
  versions: [
    { day: 90, validatedOn: ['current', 'small'], changelog: 'First version, extracted from the review walkthrough.' },
    { day: 132, validatedOn: ['current', 'small'], changelog: 'Added the migration and fixture lines from pilot findings.' },
    { day: 212, validatedOn: ['current', 'next'], changelog: 'Added "unrequested changes" after the retry-logic incident; every line now links to the story behind it.' },
  ],
  sections: [
    { since: 1, md: `
# Review checklist for assisted changes
` },
    { since: 1, until: 3, md: `
Keep it open next to the diff. If a line does not apply, skip it; if you skip the same line every time, tell the
owner of this page.

- [ ] The tests state the ticket's behaviour and include a failure case.
- [ ] External calls have timeouts; errors reach the caller or the log.
- [ ] No invented names: every config key, endpoint and helper exists.
- [ ] New dependencies exist, are maintained and are explained.
` },
    { since: 2, until: 3, md: `
- [ ] Migrations: lock timeout, batched backfill, run on production-sized data.
- [ ] Fixtures are synthetic.
` },
    { since: 3, md: `
Each line links to the story or walkthrough that explains it. If a line does not apply, skip it; if you skip the
same line every time, tell the owner of this page.

- [ ] The tests state the ticket's behaviour and include a failure case. ([why](/training/story-the-timezone-fix-that-passed-its-tests))
- [ ] External calls have timeouts; errors reach the caller or the log. ([why](/training/reviewing-ai-assisted-pull-requests))
- [ ] No invented names: every config key, endpoint and helper exists. ([why](/training/story-the-confident-answer-about-our-own-api))
- [ ] New dependencies exist, are maintained and are explained.
- [ ] Migrations: lock timeout, batched backfill, run on production-sized data. ([why](/training/story-the-migration-that-held-a-lock))
- [ ] Fixtures are synthetic. ([why](/training/story-customer-addresses-in-the-fixtures))
- [ ] Nothing changed that the description does not mention. Unrequested changes are reverted, not reviewed. ([why](/training/story-when-the-agent-rewrote-the-retry-logic))
` },
  ],
}

export const APPROVED_MODELS: ModuleSpec = {
  slug: 'approved-models-and-what-each-is-for',
  title: 'Approved models and what each is for',
  summary: 'Which model snapshots are approved for company code, which is the default, and what the experts use each one for.',
  kind: 'REFERENCE', tags: [TAGS.model, TAGS.onboarding], audience: 'EVERYONE', minutes: 5, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 38, validatedOn: ['current', 'small'], changelog: 'First version, after Sonnet 4.6 became the default.' },
    { day: 100, validatedOn: ['current', 'small'], changelog: 'Added guidance on when the small model is the better choice.' },
    { day: 182, validatedOn: ['current', 'small', 'next'], changelog: 'Added Opus 4.7 (under evaluation, experts only).' },
  ],
  sections: [
    { since: 1, md: `
# Approved models and what each is for

The exact snapshots are listed on the Models page; this page says what each is good for in our experience.
` },
    { since: 1, until: 3, md: `
| Model | Status | Use it for |
| --- | --- | --- |
| Sonnet 4.6 | Default | Everyday work: tests, refactoring, explanations, debugging help |
| Haiku 4.5 | Approved | Quick, small edits and questions where speed matters more than depth |
| Sonnet 4.5 | Retired | Nothing; instruction files tuned for it make 4.6 worse |
` },
    { since: 3, md: `
| Model | Status | Use it for |
| --- | --- | --- |
| Sonnet 4.6 | Default | Everyday work: tests, refactoring, explanations, debugging help |
| Haiku 4.5 | Approved | Quick, small edits and questions where speed matters more than depth |
| Opus 4.7 | Under evaluation, experts only | Long debugging sessions and multi-file changes, so far |
| Sonnet 4.5 | Retired | Nothing; instruction files tuned for it make 4.6 worse |
` },
    { since: 2, md: `
## When the small model is the better choice

- Renames, formatting and other edits you will check with the compiler anyway.
- Questions about a single function you have open.
- Not for tests of business rules or anything you would not check line by line.
` },
  ],
}

export const RED_FLAGS: ModuleSpec = {
  slug: 'red-flags-in-assistant-output',
  title: 'Red flags in assistant output: a field guide',
  summary: 'Patterns in generated code and text that deserve a second look, each with a real example from our repositories.',
  kind: 'REFERENCE', tags: [TAGS.aiPr, TAGS.review], audience: 'BROAD', minutes: 10, owner: 4, status: 'PUBLISHED',
  versions: [
    { day: 140, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 198, validatedOn: ['current', 'next'], changelog: 'Added "tests that cannot fail" with the Python example.' },
    { day: 230, validatedOn: ['current', 'next'], changelog: 'Added "confident comments" after reviewers asked for it.' },
  ],
  sections: [
    { since: 1, md: `
# Red flags in assistant output

None of these is proof of a problem. Each is a place where assisted code went wrong for us more than once.

## Catch-all error handling

A \`catch\` that returns a default, or \`except Exception: pass\`. It makes the tests pass and hides the failure the
caller needed to see.

## A helper that almost exists

\`retryWithBackoff\` from a library we do not use, or a method on our client that was renamed last year.

## Changes nobody asked for

Renamed variables, reformatted files or "simplified" logic outside the task. Revert them before review.
` },
    { since: 2, md: `
## Tests that cannot fail

~~~python
def test_export_handles_empty_batch():
    result = export_batch([])
    assert result is not None      # export_batch never returns None: this test cannot fail
~~~

Break the code on purpose; if no test fails, the tests are decoration.
` },
    { since: 3, md: `
## Confident comments

A comment that explains *why* ("retries because the API is flaky") written by a tool that could not know why. Ask
the author whether they confirmed it; if not, delete the comment.
` },
  ],
}

export const PILOT_SETTINGS: ModuleSpec = {
  slug: 'assistant-settings-for-the-pilot-kick-off',
  title: 'Assistant settings for the pilot kick-off',
  summary: 'Retired: the settings sheet handed out on the pilot\'s first day. Everything in it moved into the environment setup page.',
  kind: 'REFERENCE', tags: [TAGS.onboarding], audience: 'PILOT', minutes: 5, owner: 3, status: 'RETIRED',
  retiredDay: 176,
  versions: [
    { day: 86, validatedOn: ['current'], changelog: 'First version, for the kick-off.' },
    { day: 96, validatedOn: ['current'], changelog: 'Fixed the team scope flag; the first version set it per user.' },
  ],
  sections: [
    { since: 1, md: `
# Assistant settings for the pilot kick-off

Run these once on your first pilot day, after the setup script.
` },
    { since: 1, until: 2, md: `
~~~bash
assistant config set model claude-sonnet-4-6 --scope user
assistant config set telemetry off --scope user
~~~
` },
    { since: 2, md: `
~~~bash
assistant config set model claude-sonnet-4-6 --scope team
assistant config set telemetry off --scope user
~~~

The model is set per team so that a team switches together when the next model is rolled out.
` },
  ],
}
