import type { ModuleSpec } from './types'

// Stories from the experts' and the pilot's own work: one that went well, one that did not.

export const SUCCESS_IMPORTER: ModuleSpec = {
  slug: 'story-retiring-the-nightly-importer',
  title: 'Success story: retiring the nightly CSV importer',
  summary: 'How two experts replaced a fragile nightly import with an event consumer in three weeks, and what made it safe.',
  kind: 'SUCCESS_STORY', tags: ['story', 'legacy', 'data'], audience: 'EVERYONE', minutes: 10, owner: 1, status: 'PUBLISHED',
  lastReviewedDay: 182,
  versions: [{ day: 85, validatedOn: ['current'], changelog: 'First version, written with the Data Pipelines team.' }],
  sections: [
    { since: 1, md: `
# Retiring the nightly CSV importer

The stock importer had run every night for six years. It paged someone about twice a month, and nobody wanted
to touch it: 1,400 lines, no tests, three file formats from three warehouses.

## What we did

- **Week 1:** characterisation tests. The assistant drafted parsers for the saved files of the last 90 nights;
  we checked every difference by hand and found two real bugs in the old importer (kept, and listed).
- **Week 2:** the new consumer, one warehouse format at a time, each behind a flag and compared with the old
  output every night.
- **Week 3:** switched the warehouses over one by one; deleted the importer.

## What made it work

- The tests came first and came from real data, not from the new code.
- Every step was small enough to review in one sitting.
- We had the time: this was our hackathon phase, with normal work paused.

## What it did not do

It did not make the work ten times faster. We estimate it saved about a third of the time, mostly in the tests
and the format parsers. Since the switch: no import pages.
` },
  ],
}

export const CAUTIONARY_TIMEZONE: ModuleSpec = {
  slug: 'story-the-timezone-fix-that-passed-its-tests',
  title: 'Cautionary story: the time-zone fix that passed its tests',
  summary: 'A confident, well-tested fix that doubled some delivery slots. Why the tests could not catch it, and what we changed.',
  kind: 'CAUTIONARY_STORY', tags: ['story', 'testing', 'incidents', 'time-zones'], audience: 'EVERYONE', minutes: 12, owner: 4, status: 'PUBLISHED',
  versions: [{ day: 160, validatedOn: ['current'], changelog: 'First version, from the pilot\'s post-incident review (blameless).' }],
  sections: [
    { since: 1, md: `
# The time-zone fix that passed its tests

## What happened

A pilot developer fixed a bug where slots near midnight showed on the wrong day. In one session the assistant
wrote the fix and eleven new tests. All passed, the diff was clean, review approved it in ten minutes.

Three days later, on the night the clocks changed, customers in two regions saw every evening slot twice. Some
booked both. SEV2, four hours to mitigate.

## Why the tests did not catch it

The fix and the tests came out of the same conversation and shared one wrong assumption: that a local day is
always 24 hours long. The tests checked the code against itself.

~~~ts
// the assumption, in one line
const nextDay = new Date(day.getTime() + 24 * 60 * 60 * 1000)
~~~

## What we changed

- Tests are written from the ticket before the fix (see "Writing tests with an assistant").
- The review checklist asks where the test cases came from.
- Date and time code gets a property-based test over clock changes.

Nobody did anything unusual here. That is the point: this is what the default way of working produces.
` },
  ],
}
