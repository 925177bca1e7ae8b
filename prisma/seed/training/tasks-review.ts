import { TAGS, type ModuleSpec } from './types'

// Walkthroughs about reviewing and about work where the reviewer matters most: unfamiliar stacks
// and schema migrations (both still drafts in the workflow).

export const REVIEWING: ModuleSpec = {
  slug: 'reviewing-ai-assisted-pull-requests',
  title: 'Reviewing an AI-assisted pull request',
  summary: 'What to look for when part of a change was drafted by an assistant, walked through on a real endpoint in the ETA service.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.aiPr, TAGS.review], audience: 'EVERYONE', minutes: 20, owner: 2, status: 'PUBLISHED',
  versions: [
    { day: 55, validatedOn: ['current'], changelog: 'First version, from the experts\' reviews of each other\'s work.' },
    { day: 130, validatedOn: ['current', 'small'], changelog: 'Added checklist items for migrations and generated fixtures after two pilot findings.' },
    { day: 210, validatedOn: ['current', 'next'], changelog: 'Added the recorded review session and the "ask where the tests came from" step.' },
  ],
  sections: [
    { since: 1, md: `
# Reviewing an AI-assisted pull request

Assisted code often looks finished: consistent names, tidy comments, passing tests. Review it as if a capable new
colleague wrote it on their first day: they know the language well and our system not at all.

## Walkthrough: a new endpoint in the ETA service

1. **Read the description first.** What was assisted? Where did the author make the decisions?
2. **Check the tests against the ticket, not against the code.** Tests drafted from the implementation repeat its mistakes.
` },
    { since: 3, md: `
3. **Ask where the tests came from.** "Drafted from the ticket before the code" and "generated after the fix" deserve
   different amounts of suspicion. If the description does not say, ask.
` },
    { since: 1, md: `
- **Look for plausible inventions**: a config key that does not exist, a retry helper from another library, an
  error code nobody handles.
- **Run it.** Start the service locally and call the endpoint with one bad input.

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
    { since: 2, md: `
## Giving feedback on assisted code

Comment on the change, not on the tool. "This swallows the timeout" is useful; "the AI got this wrong" is not, and it
makes people stop saying what was assisted. If the same kind of mistake shows up repeatedly, suggest a line for the
team's instruction file or a walkthrough that covers it.
` },
    { since: 3, md: `
## Watch a review

Twenty minutes, recorded in the pilot: two reviewers go through an assisted change to the ETA service and find the
swallowed timeout above.

https://vimeo.com/1034567821
` },
  ],
}

export const OUTSIDE_YOUR_STACK: ModuleSpec = {
  slug: 'working-outside-your-usual-stack',
  title: 'Working outside your usual stack',
  summary: 'Why a task in an unfamiliar language feels fast with an assistant, and how to avoid shipping what you cannot review.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.review, TAGS.onboarding], audience: 'PILOT', minutes: 20, owner: 2, status: 'DRAFT',
  versions: [],
  pending: {
    day: 233, validatedOn: ['current'],
    changesRequested: 'The outline is right, but this needs the walkthrough itself before it helps anyone: one real front-end change from a backend developer, with what the pair reviewer caught. Happy to pair on recording it; Catalogue has a small filter component that would do.',
  },
  sections: [
    { since: 1, md: `
# Working outside your usual stack

*Draft: the walkthrough is still to be recorded.*

A backend developer can now produce a working front-end screen in an afternoon. It will look finished. Whether it
is accessible, copes with a slow network and follows the design system is exactly what that developer cannot judge.

## Outline

- Pair with someone from that stack for the review, not only for the merge.
- Ask the assistant to explain each unfamiliar construct; if the explanation surprises you, ask your pair.
- Keep the first change small enough that your pair can review it in twenty minutes.
- Run the accessibility checks and try the screen with the keyboard only before asking for review.
` },
  ],
}

export const SCHEMA_MIGRATION: ModuleSpec = {
  slug: 'writing-a-schema-migration-safely',
  title: 'Writing a schema migration with an assistant, safely',
  summary: 'Walkthrough: adding a column and backfilling it on a busy table without holding a lock, with the runbook checks a drafted migration usually misses.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.migration, TAGS.aiPr, TAGS.review], audience: 'EVERYONE', minutes: 30, owner: 2, status: 'IN_REVIEW',
  versions: [],
  pending: { day: 235, validatedOn: ['current', 'next'] },
  sections: [
    { since: 1, md: `
# Writing a schema migration safely

Two pilot teams merged assisted migrations that added a column with a default and no lock timeout. One held a
write lock on a busy table for four minutes. Assistants produce migrations that are correct on an empty database;
production is not empty. This walkthrough adds a column to \`payments.ledger_entries\` (120 million rows).

## Steps

1. **Describe the table, not just the change.** Tell the assistant the row count, the write rate and that the
   table is on the payment path. Without that it writes the textbook one-liner.
2. **Split the migration into expand, backfill and contract**, each deployable on its own.
3. **Wrap every DDL statement in a lock timeout**, so that a blocked migration fails fast instead of queueing
   every write behind it. See [lock_timeout in the PostgreSQL documentation](https://www.postgresql.org/docs/current/runtime-config-client.html).
4. **Backfill in batches** from a job, not in the migration.
5. **Run it on the production-sized copy** and note how long each step took in the pull request.

~~~sql
-- expand: nullable column, no default, cannot take a long lock
SET lock_timeout = '3s';
ALTER TABLE payments.ledger_entries ADD COLUMN settlement_batch_id bigint;

-- backfill: from a job, 10,000 rows at a time, resumable
UPDATE payments.ledger_entries
SET settlement_batch_id = s.batch_id
FROM payments.settlements s
WHERE s.entry_id = ledger_entries.id
  AND ledger_entries.id IN (
    SELECT id FROM payments.ledger_entries
    WHERE settlement_batch_id IS NULL AND id > $1
    ORDER BY id LIMIT 10000
  );
~~~

## What the drafted version got wrong

| Drafted | Why it hurts | Instead |
| --- | --- | --- |
| \`ADD COLUMN ... NOT NULL DEFAULT now()\` | Rewrites or locks the table | Nullable column, backfill, then the constraint |
| One \`UPDATE\` over all rows | Hours-long transaction, replication lag | Batches from a job |
| \`CREATE INDEX\` | Blocks writes while it builds | \`CREATE INDEX CONCURRENTLY\`, outside a transaction |

## Review

The reviewer runs the migration on the copy, not only reads it, and checks that every step can be rolled back or
safely left half-done.
` },
  ],
}
