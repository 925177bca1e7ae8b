import { TAGS, type ModuleSpec } from './types'

// Success stories from the experts' and the pilot's own work. Each says what it did not do, too.

export const SUCCESS_IMPORTER: ModuleSpec = {
  slug: 'story-retiring-the-nightly-importer',
  title: 'Success story: retiring the nightly CSV importer',
  summary: 'How two experts replaced a fragile nightly import with an event consumer in three weeks, and what made it safe.',
  kind: 'SUCCESS_STORY', tags: [TAGS.legacy, TAGS.tests], audience: 'EVERYONE', minutes: 10, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 85, validatedOn: ['current'], changelog: 'First version, written with the Data Pipelines team.' },
    { day: 182, validatedOn: ['current', 'small'], changelog: 'Added the six-month follow-up.', editor: 4 },
  ],
  sections: [
    { since: 1, md: `
# Retiring the nightly CSV importer

The stock importer had run every night for six years. It paged someone about twice a month and nobody wanted to
touch it: no tests, three file formats from three warehouses, and a comment that said "do not reorder".

## What we did

- **Week 1:** characterisation tests. The assistant drafted parsers for the saved files of the last 90 nights; we
  checked every difference by hand and found two real bugs in the old importer (kept, and listed).
- **Week 2:** the new consumer, one warehouse format at a time, each behind a flag and compared with the old output
  every night.
- **Week 3:** switched the warehouses over one by one; deleted the importer.

## What made it work

- The tests came first and came from real data, not from the new code.
- Every step was small enough to review in one sitting.
- We had the time: this was the exploration phase, with normal work paused.

## What it did not do

It did not make the work ten times faster. We estimate it saved about a third of the time, mostly in the tests
and the format parsers.
` },
    { since: 2, md: `
## Six months later

No import pages since the switch. The two bugs we kept have both been fixed, each with its own test. The Data
Pipelines team now owns the consumer and has changed it four times without calling either of us.
` },
  ],
}

export const SUCCESS_FLAKY_BACKLOG: ModuleSpec = {
  slug: 'story-clearing-the-flaky-test-backlog',
  title: 'Success story: clearing the flaky-test backlog in Payments',
  summary: 'Forty quarantined tests, one per afternoon of learning time, and a CI pipeline people trust again.',
  kind: 'SUCCESS_STORY', tags: [TAGS.tests, TAGS.team], audience: 'EVERYONE', minutes: 8, owner: 2, status: 'PUBLISHED',
  versions: [
    { day: 150, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 200, validatedOn: ['current', 'small'], changelog: 'Added the three causes we found most often.' },
    { day: 226, validatedOn: ['current', 'next'], changelog: 'Updated the numbers at the end of the quarter; linked the walkthrough.' },
  ],
  sections: [
    { since: 1, md: `
# Clearing the flaky-test backlog in Payments

Payments Core had forty tests in quarantine: skipped in CI because they failed now and then. Nobody had time to
look, and every skipped test was a part of the ledger nobody was checking.

We used part of our weekly learning time for it: one person, one quarantined test, one afternoon. The assistant
helped read failure logs and suggest hypotheses (see [Chasing a flaky test](/training/chasing-a-flaky-test)); the
person decided what to try and wrote the fix.
` },
    { since: 2, md: `
## What we found most often

1. Shared state between tests: a module-level fake clock, a reused database row.
2. Timing assumptions: "the job finishes within 100 ms" on a busy CI runner.
3. Order-dependent fixtures that only broke when the runner shuffled files.
` },
    { since: 1, md: `
## What changed
` },
    { since: 1, until: 3, md: `
Twenty-six of the forty tests are back in CI. Nobody presses "retry" on the payments pipeline any more.
` },
    { since: 3, md: `
Thirty-four of the forty tests are back in CI; four were deleted as duplicates and two are still open. Nobody
presses "retry" on the payments pipeline any more, and two real bugs in refund rounding were found on the way.
` },
  ],
}

export const SUCCESS_LABEL_TEMPLATES: ModuleSpec = {
  slug: 'story-carrier-label-templates',
  title: 'Success story: the carrier label templates nobody wanted to touch',
  summary: 'A pilot team used the assistant to read and test legacy XSLT label templates before changing a single one.',
  kind: 'SUCCESS_STORY', tags: [TAGS.legacy, TAGS.tests, TAGS.docs], audience: 'PILOT', minutes: 8, owner: 3, status: 'PUBLISHED',
  versions: [
    { day: 170, validatedOn: ['current', 'small'], changelog: 'First version, from Carrier Integrations.' },
    { day: 218, validatedOn: ['current', 'next'], changelog: 'Added the rendering comparison script the team now runs in CI.' },
  ],
  sections: [
    { since: 1, md: `
# The carrier label templates nobody wanted to touch

Carrier Integrations spends a third of its time on shipping labels rendered from XSLT templates written a decade
ago. Nobody on the team writes XSLT. Every carrier change was a week of careful guessing.

## What they did

- Asked the assistant to **explain** each template, section by section, and checked the explanations by rendering
  labels with changed inputs.
- Wrote the explanations into comments at the top of each template, reviewed by the one person who remembered them.
- Rendered 200 saved shipments per template before and after every change and compared the PDFs.

## What it did not do

It did not rewrite the templates. The team tried once; the rewritten template looked cleaner and moved a barcode
by two millimetres, which one carrier's scanners rejected.
` },
    { since: 2, md: `
## The comparison script, now in CI

~~~bash
for shipment in fixtures/shipments/*.xml; do
  render-label "$shipment" > "out/$(basename "$shipment" .xml).pdf"
done
diff-pdf --threshold 0.5 baseline/ out/ || exit 1
~~~

A carrier change now takes two days, most of it waiting for the carrier's test environment.
` },
  ],
}

export const SUCCESS_ON_CALL: ModuleSpec = {
  slug: 'story-an-on-call-week-with-a-second-reader',
  title: 'Success story: an on-call week with the assistant as a second reader',
  summary: 'A Fulfilment engineer\'s on-call week: four pages, one real incident, and where the assistant helped and where it did not.',
  kind: 'SUCCESS_STORY', tags: [TAGS.incident], audience: 'BROAD', minutes: 7, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 190, validatedOn: ['current', 'next'], changelog: 'First version.' },
    { day: 226, validatedOn: ['current', 'next'], changelog: 'Added the engineer\'s own summary at the end, at her request.' },
  ],
  sections: [
    { since: 1, md: `
# An on-call week with the assistant as a second reader

Four pages in one week for the fulfilment orchestrator. Three were noise from a disk alert with the wrong
threshold; one was real: pick lists for one warehouse stopped being generated at 02:10.

## Where it helped

- Reading an unfamiliar stack trace from the warehouse sync at three in the morning, and naming the two functions
  worth looking at.
- Drafting the SQL to find which orders were stuck, which she checked against the schema before running it on a
  read replica.
- Turning her notes into the incident timeline the next morning.

## Where it did not

- It suggested restarting the consumer twice. Restarting would have lost the evidence; she took a heap dump first.
- It could not know that the warehouse had changed its file naming that evening. A phone call found that.
` },
    { since: 2, md: `
## In her words

"It did not solve the incident. It made me faster at the parts I am slow at when I am tired, and I still had to
be the one who knew what not to do."
` },
  ],
}

export const SUCCESS_SSO_TESTS: ModuleSpec = {
  slug: 'story-the-sso-bridge-gets-its-tests',
  title: 'Success story: the SSO bridge gets its tests',
  summary: 'Identity wrote the missing tests for the single sign-on bridge before a certificate rotation, and found a bug that would have locked out staff.',
  kind: 'SUCCESS_STORY', tags: [TAGS.tests, TAGS.security], audience: 'EVERYONE', minutes: 6, owner: 5, status: 'PUBLISHED',
  versions: [
    { day: 125, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 188, validatedOn: ['current', 'next'], changelog: 'Added how the rotation itself went.' },
  ],
  sections: [
    { since: 1, md: `
# The SSO bridge gets its tests

The single sign-on bridge had almost no tests, and a signing certificate rotation was due in three weeks. Identity
spent the first of those weeks on tests, drafted from the protocol's required behaviours rather than from the code.

One test, "accepts a response signed with the next certificate during the overlap window", failed. The bridge
loaded exactly one certificate. On rotation day every staff sign-in would have failed until someone redeployed.

The fix took an hour. Writing the list of behaviours took two days, and that was the part no tool could do for them.
` },
    { since: 2, md: `
## Rotation day

The rotation went through during office hours with both certificates loaded for a week. No sign-in failures. The
test suite now runs against both certificates on every change to the bridge.
` },
  ],
}

export const SUCCESS_FIRST_MONTH: ModuleSpec = {
  slug: 'story-a-junior-developers-first-pilot-month',
  title: 'Success story: a junior developer\'s first month in the pilot',
  summary: 'What helped a developer in her first year get useful work out of the assistant without losing the chance to learn.',
  kind: 'SUCCESS_STORY', tags: [TAGS.onboarding, TAGS.team], audience: 'BROAD', minutes: 6, owner: 3, status: 'IN_REVIEW',
  versions: [
    { day: 160, validatedOn: ['current', 'small'], changelog: 'First version, written with the developer.' },
    { day: 208, validatedOn: ['current', 'next'], changelog: 'Added her team lead\'s view.' },
  ],
  pending: { day: 238, validatedOn: ['current', 'next'] },
  sections: [
    { since: 1, md: `
# A junior developer's first month in the pilot

Worry number one about juniors and assistants: they will ship code they do not understand and never learn to write
it. Worry number two: they will be too cautious to use the tools at all. In Routing, neither happened, and not by
accident.

## What the team did

- She wrote each change herself first on small tasks, then compared with what the assistant suggested.
- Every assisted pull request had a "what I learned" line, which her reviewer read first.
- She had a fixed pairing hour twice a week with a senior colleague, tools or no tools.
` },
    { since: 2, md: `
## Her team lead's view

"Her reviews of other people's assisted changes were the surprise. She asked 'where did this test come from?' more
often than anyone else in the team, because she had been burned by it in week two."
` },
    { since: 3, md: `
## Three months on

She now leads the team's Friday show-and-tell. The pairing hour is still in the calendar; the team decided to keep
it for everyone who joins.
` },
  ],
}

export const SUCCESS_SCHEMA_REGISTRY: ModuleSpec = {
  slug: 'story-moving-events-to-the-schema-registry',
  title: 'Success story: moving 60 event types to the schema registry',
  summary: 'A mechanical migration that suited an assistant well, and the review rule that kept it safe.',
  kind: 'SUCCESS_STORY', tags: [TAGS.migration, TAGS.aiPr], audience: 'EXPERTS', minutes: 6, owner: 4, status: 'PUBLISHED',
  versions: [
    { day: 78, validatedOn: ['current', 'small'], changelog: 'First version.' },
    { day: 130, validatedOn: ['current', 'small'], changelog: 'Added the compatibility check that caught two breaking changes.' },
  ],
  sections: [
    { since: 1, md: `
# Moving 60 event types to the schema registry

The event bus had 60 event types described in hand-written JSON files, each slightly different. Moving them to the
schema registry meant rewriting each one in the registry's format: tedious, repetitive, and easy to check.

The assistant converted them in batches of five. Each batch was one pull request, and the reviewer compared the
generated schema with a week of real events from the bus, not with the old file.

It took a week instead of the month we had planned. This is the kind of work where the tools shine: many similar
changes, each one checkable by a machine.
` },
    { since: 2, md: `
## The compatibility check

The registry's backward-compatibility check flagged two converted schemas that had made an optional field
required. Both would have broken older consumers. The check now runs in CI for every schema change.

~~~bash
schema-registry check --subject order.shipped --compatibility BACKWARD schemas/order.shipped.avsc
~~~
` },
  ],
}
