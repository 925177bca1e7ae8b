import { TAGS, type ModuleSpec } from './types'

// Cautionary stories, all written blameless: what the default way of working produced, and what
// we changed afterwards.

export const CAUTIONARY_TIMEZONE: ModuleSpec = {
  slug: 'story-the-timezone-fix-that-passed-its-tests',
  title: 'Cautionary story: the time-zone fix that passed its tests',
  summary: 'A confident, well-tested fix that doubled some delivery slots. Why the tests could not catch it, and what we changed.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.tests, TAGS.incident, TAGS.aiPr], audience: 'EVERYONE', minutes: 8, owner: 4, status: 'PUBLISHED',
  versions: [
    { day: 160, validatedOn: ['current'], changelog: 'First version, from the pilot\'s post-incident review (blameless).' },
    { day: 204, validatedOn: ['current', 'next'], changelog: 'Added the property-based test we now run over clock changes.' },
  ],
  sections: [
    { since: 1, md: `
# The time-zone fix that passed its tests

## What happened

A pilot developer fixed a bug where slots near midnight showed on the wrong day. In one session the assistant
wrote the fix and eleven new tests. All passed, the diff was clean, and review approved it in ten minutes.

Three days later, on the night the clocks changed, customers in two regions saw every evening slot twice. Some
booked both. SEV2, four hours to mitigate.

## Why the tests did not catch it

The fix and the tests came out of the same conversation and shared one wrong assumption: that a local day is always
24 hours long. The tests checked the code against itself.

~~~ts
// the assumption, in one line
const nextDay = new Date(day.getTime() + 24 * 60 * 60 * 1000)
~~~

## What we changed

- Tests are written from the ticket before the fix (see [Writing tests with an assistant](/training/writing-tests-with-an-assistant)).
- The review checklist asks where the test cases came from.

Nobody did anything unusual here. That is the point: this is what the default way of working produces.
` },
    { since: 2, md: `
## The test we run now

~~~ts
fc.assert(fc.property(fc.constantFrom(...ZONES), arbitraryDayAroundClockChange, (zone, day) => {
  const slots = slotsForLocalDay(day, zone)
  expect(new Set(slots.map((s) => s.start.toISOString())).size).toBe(slots.length) // no duplicates
}))
~~~
` },
  ],
}

export const CAUTIONARY_RETRY: ModuleSpec = {
  slug: 'story-when-the-agent-rewrote-the-retry-logic',
  title: 'Cautionary story: when the agent rewrote the retry logic',
  summary: 'Asked to fix a log message, an agent "simplified" the payment retry loop as well. The change looked better and retried a non-idempotent call.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.aiPr, TAGS.review, TAGS.incident], audience: 'EVERYONE', minutes: 7, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 115, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 170, validatedOn: ['current', 'small'], changelog: 'Added the diff and what the reviewer could have seen.',
      changesRequested: 'The story is strong, but the new section reads as if the reviewer was careless. The diff was 600 lines with the retry change in the middle; please say that, and make the lesson about the size and scope of the change rather than the person.' },
    { day: 212, validatedOn: ['current', 'next'], changelog: 'Added the scope line we now put in every agent task.' },
  ],
  sections: [
    { since: 1, md: `
# When the agent rewrote the retry logic

A developer asked an agent to fix a misleading log message in the payout scheduler. The agent fixed the message.
It also noticed the retry loop around the bank transfer call, decided it was "overly complex", and replaced it with
the shared retry helper. The tests passed. The pull request was approved.

The old loop was complex for a reason: it retried only when the bank said the transfer had **not** been received.
The helper retried on every timeout. Two weeks later a slow bank response led to a merchant being paid twice.
` },
    { since: 2, md: `
## What the reviewer saw

The pull request changed 600 lines across 14 files: a log message fix, a formatting pass the agent had also done,
and, in the middle, this:

~~~diff
-  for (let attempt = 1; attempt <= 3; attempt++) {
-    const res = await bank.transfer(payout)
-    if (res.status !== 'NOT_RECEIVED') return res
-  }
+  return withRetry(() => bank.transfer(payout), { attempts: 3 })
~~~

Any of us would have missed it in that diff. The lesson is about the size and scope of the change, not the reviewer.
` },
    { since: 1, md: `
## What we changed

- Agent tasks state what must not be touched. Unrequested changes are reverted before review, not reviewed.
- Calls that move money are marked in the code, and the review checklist points at them.
` },
    { since: 3, md: `
## The scope line

Every agent task in Payments now ends with one line like this, and the author checks the diff against it first:

~~~text
Only change: src/payouts/log.ts. Do not reformat, rename or "improve" anything else.
~~~
` },
  ],
}

export const CAUTIONARY_FIXTURES: ModuleSpec = {
  slug: 'story-customer-addresses-in-the-fixtures',
  title: 'Cautionary story: customer addresses in the test fixtures',
  summary: 'A pasted production log became committed test fixtures with real delivery addresses. How it happened and how the process changed.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.security, TAGS.tests, TAGS.incident], audience: 'EVERYONE', minutes: 6, owner: 5, status: 'PUBLISHED',
  versions: [
    { day: 118, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 180, validatedOn: ['current', 'next'], changelog: 'Added the pre-commit check that now looks for address-like data in fixtures.' },
  ],
  sections: [
    { since: 1, md: `
# Customer addresses in the test fixtures

While debugging a routing bug, a pilot developer pasted 200 lines of a production log into an assistant session
and asked for test fixtures that reproduce the bug. The fixtures reproduced it perfectly, because they were the
production data: names, delivery addresses, phone numbers. They were committed and pushed.

A reviewer noticed a real street name a day later. The data had been in the repository, visible to every engineer,
for 26 hours.

## What we changed

- Logs are redacted before they go anywhere, with the shared script (see the incident walkthrough).
- Fixtures are synthetic. The assistant is good at producing synthetic data with the same shape; ask for that.
- The repository history was cleaned and the event reported to the data protection officer, as it must be.
` },
    { since: 2, md: `
## The pre-commit check

~~~bash
# .githooks/pre-commit (excerpt): refuses fixtures that look like real contact data
git diff --cached --name-only -- 'fixtures/**' 'test/**' | xargs -r grep -nE '\\+?[0-9]{2,3}[ -]?[0-9]{3,}[ -]?[0-9]{3,}|@(gmail|outlook|yahoo)\\.' && {
  echo "Fixture looks like it contains real contact data. Use synthetic data."; exit 1; }
~~~

It is crude and catches some false positives. That is acceptable; a false positive costs a minute.
` },
  ],
}

export const CAUTIONARY_LOCK: ModuleSpec = {
  slug: 'story-the-migration-that-held-a-lock',
  title: 'Cautionary story: the migration that held a lock for four minutes',
  summary: 'An assisted migration added a column with a default to a busy table. Checkout writes queued behind it; a SEV2 followed.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.migration, TAGS.incident, TAGS.aiPr], audience: 'PILOT', minutes: 6, owner: 2, status: 'PUBLISHED',
  versions: [
    { day: 200, validatedOn: ['current', 'next'], changelog: 'First version, from the post-incident review.' },
    { day: 225, validatedOn: ['current', 'next'], changelog: 'Linked the new migration walkthrough; clarified the timeline.' },
  ],
  sections: [
    { since: 1, md: `
# The migration that held a lock for four minutes

A Fulfilment developer needed a new column on the shipments table. The assistant wrote the migration in one line,
with a default value, and a test that ran it on the test database in a few milliseconds. Review approved it: the
SQL was correct.

On deploy, the statement waited for a long-running report query, and every write to the table queued behind it.
For four minutes no order could be marked as shipped. SEV2.

## Why

- The migration had no lock timeout, so it waited instead of failing.
- The test database had 40 rows. Production had 90 million.
- Nothing in the walkthroughs showed a migration, so nobody had a reason to look for the runbook.
` },
    { since: 1, until: 2, md: `
## What we changed

The review checklist now has a migration line, and a migration walkthrough is being written.
` },
    { since: 2, md: `
## What we changed

The [review checklist](/training/review-checklist-for-assisted-changes) now has a migration line, and a
walkthrough that shows the runbook on a real table is in review. Timeline: the statement started at 14:02, the
report query finished at 14:06, and writes recovered within seconds after that.
` },
  ],
}

export const CAUTIONARY_PR_FLOOD: ModuleSpec = {
  slug: 'story-a-week-of-pull-requests-in-a-day',
  title: 'Cautionary story: a week of pull requests in a day',
  summary: 'One enthusiastic pilot developer, eleven pull requests on a Monday, and two reviewers who spent the sprint catching up.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.review, TAGS.team], audience: 'PILOT', minutes: 5, owner: 3, status: 'PUBLISHED',
  versions: [
    { day: 135, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 176, validatedOn: ['current', 'next'], changelog: 'Added what the developer said in the retrospective.' },
    { day: 229, validatedOn: ['current', 'next'], changelog: 'Linked the review-load agreement that came out of it.' },
  ],
  sections: [
    { since: 1, md: `
# A week of pull requests in a day

In the second pilot week a developer opened eleven pull requests on a Monday: refactorings he had wanted to do for
a year, each tidy and tested. The two senior reviewers in the team spent most of the sprint on them. Their own work
slipped, their reviews got shorter, and by Thursday they were approving changes they had only skimmed.

None of the pull requests was bad. The problem was that the team's review capacity had not changed, and nobody had
agreed what to do when output outran it.
` },
    { since: 2, md: `
## In the retrospective

"I thought I was helping. Nobody told me the reviews were the bottleneck until the retro." The team agreed that
was a process gap, not a person problem.
` },
    { since: 3, md: `
## What came out of it

The team's agreement became the pilot's: see
[Keeping review load sane](/training/pull-request-size-and-review-load).
` },
  ],
}

export const CAUTIONARY_INSTRUCTIONS: ModuleSpec = {
  slug: 'story-the-instruction-file-that-made-everything-worse',
  title: 'Cautionary story: the instruction file that made everything worse',
  summary: 'The experts\' carefully tuned instruction files beat plain prompts on one model and lost badly on the next.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.prompting, TAGS.model], audience: 'EXPERTS', minutes: 6, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 76, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 190, validatedOn: ['current', 'next'], changelog: 'Added what we see again in the Opus 4.7 evaluation.' },
  ],
  sections: [
    { since: 1, md: `
# The instruction file that made everything worse

In their first month the experts spent days tuning three shared instruction files: conventions, worked examples,
things to avoid. On Sonnet 4.5 they helped a lot. Then we switched to 4.6.

Within a week, the same tasks given with the instruction files produced worse code than a two-line description
without them. The more detailed the file, the worse the result: the model followed the examples too literally and
applied rules where they did not fit.

## What we learned

- Prompting knowledge is tied to a model version. Treat it like configuration for that version.
- Every saved prompt or instruction file needs a test: the same task, with and without it, on the new model.
- Short beats thorough. What survived the switch fits on an index card.
` },
    { since: 2, md: `
## Again, with Opus 4.7

The evaluation of the next snapshot shows the same pattern more strongly. We now keep instruction files under twenty
lines and re-test them on every snapshot before a switch; see
[Evaluating a new model snapshot](/training/evaluating-a-new-model-snapshot).
` },
  ],
}

export const CAUTIONARY_INVENTED_API: ModuleSpec = {
  slug: 'story-the-confident-answer-about-our-own-api',
  title: 'Cautionary story: the confident answer about our own API',
  summary: 'An assistant described an internal endpoint that does not exist, with parameters and an example. A new team built against it for a day.',
  kind: 'CAUTIONARY_STORY', tags: [TAGS.prompting, TAGS.onboarding], audience: 'BROAD', minutes: 5, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 185, validatedOn: ['current', 'next'], changelog: 'First version.' },
    { day: 220, validatedOn: ['current', 'next'], changelog: 'Added where to find the real API documentation.' },
  ],
  sections: [
    { since: 1, md: `
# The confident answer about our own API

A developer new to the catalogue asked the assistant how to fetch product availability in bulk. The answer named an
endpoint, \`POST /availability/batch\`, with request and response examples. It looked exactly like our other
endpoints. It does not exist.

The developer built a client against it and wrote tests with mocked responses in the same shape. The tests passed.
The first call to staging returned 404, a day later.

## Why it happens

The assistant has seen thousands of APIs and ours follows common conventions, so it produces what our API would
plausibly look like. It does not know what it does not know, and it does not say so.

## The habit

Ask for the source, not the answer: "show me where this endpoint is defined in the repository". If it cannot point
at a file, treat the answer as a guess.
` },
    { since: 2, md: `
## Where the real documentation is

Every service's OpenAPI document is served at \`/openapi.json\` and indexed in the developer portal. Give the
assistant that document for the service you are calling instead of asking it from memory.
` },
  ],
}
