import { TAGS } from './types'

// Fragments for the generated modules of the large scale: one topic per development task, each
// with the pieces a module about it is assembled from. {service} and {team} are filled in per
// module; every fragment reads as part of a coherent walkthrough on its own.

export interface Topic {
  tags: string[]
  /** "<task> in <service>" for walkthroughs. */
  task: string
  /** "<team>: <process>" for processes. */
  process: string
  /** "<reference> for <team>" for references. */
  reference: string
  intro: string
  /** In order; a module takes five of them. */
  steps: string[]
  /** A step corrected in a later version: [before, after]. */
  correction: [string, string]
  code: Array<{ lang: string; text: string }>
  checks: string[]
  success: { title: string; text: string }
  caution: { title: string; text: string }
}

export const TOPICS_A: Topic[] = [
  {
    tags: [TAGS.tests],
    task: 'Writing tests from the ticket',
    process: 'how we write tests with an assistant',
    reference: 'Test-writing prompts',
    intro: 'Tests for {service} are drafted from the ticket\'s behaviours, never from the implementation. This page shows the way {team} does it, on a change that touched the public interface.',
    steps: [
      'List the behaviours from the ticket in plain words before opening the assistant.',
      'Give it the list, the public function and one existing test from {service} as a style example.',
      'Read each drafted test and delete any that checks how the code works rather than what it does.',
      'Break the code on purpose and confirm that exactly the expected test fails.',
      'Ask for the awkward inputs it can think of and keep the ones that match a real rule.',
      'Commit the tests before the implementation, so the review shows them first.',
      'Name each test after the behaviour, so that a failure reads like a broken rule.',
    ],
    correction: ['Ask for all the tests in one answer.', 'Ask for one test per answer; asked for all at once, newer snapshots rewrite the whole file.'],
    code: [
      { lang: 'ts', text: 'it(\'rejects an order paid less than two hours before the slot\', () => {\n  expect(() => book({ paidAt: at(\'10:15\'), slot: at(\'12:00\') })).toThrow(SlotTooSoon)\n})' },
      { lang: 'python', text: 'def test_refund_never_exceeds_the_captured_amount():\n    refund = plan_refund(captured=Money(40_00), requested=Money(55_00))\n    assert refund.amount == Money(40_00)' },
    ],
    checks: ['Every behaviour in the ticket has a test named after it.', 'At least one test covers a failure.', 'No test was changed to make the implementation pass.'],
    success: { title: 'tests first for the refund rules', text: 'The team wrote the behaviours of the refund rules as a list, let the assistant draft one test per behaviour, and found two rules the old code had never enforced.' },
    caution: { title: 'tests that agreed with the bug', text: 'The fix and its tests came out of one session and shared the same wrong assumption. Everything passed; customers found the bug a week later.' },
  },
  {
    tags: [TAGS.legacy, TAGS.tests],
    task: 'Refactoring a tangled module',
    process: 'how we refactor legacy code in small steps',
    reference: 'Refactoring checklist',
    intro: 'The oldest parts of {service} are the ones where an assistant helps least out of the box and where a disciplined process matters most. {team} uses these steps on every larger refactoring.',
    steps: [
      'Pin the current behaviour with characterisation tests, odd parts included.',
      'Ask the assistant for a map of responsibilities and check it against the code yourself.',
      'Move one responsibility per commit, with no change in behaviour.',
      'Run the characterisation tests after every move; commit only when they pass.',
      'Keep fixes out of refactoring commits: each fix gets its own commit and test.',
      'Stop when a step needs the tests changed, and talk to the team.',
      'Write down what you learned about the module in its README as you go.',
    ],
    correction: ['Ask for a cleaner version of the smallest function first.', 'Ask for a map of responsibilities first, not a rewrite; rewrites hide behaviour changes.'],
    code: [
      { lang: 'ts', text: 'for (const basket of loadFixtures(\'pricing/baskets\')) {\n  expect(calculatePrice(basket)).toEqual(basket.recorded)\n}' },
      { lang: 'bash', text: 'git log --oneline main.. -- src/pricing/   # one move per commit\nnpm test -- characterisation' },
    ],
    checks: ['Characterisation tests pass after every commit.', 'No commit mixes a move with a fix.', 'The map in the description matches the code.'],
    success: { title: 'splitting the pricing module without a single regression', text: 'Over six weeks of learning time the team extracted four responsibilities, one commit at a time, each checked by recorded outputs.' },
    caution: { title: 'the rewrite that changed the rounding', text: 'A "cleaner" version of one function changed how half-cents were rounded. The tests had been regenerated from the new code, so nothing failed.' },
  },
  {
    tags: [TAGS.incident],
    task: 'Investigating an incident',
    process: 'how we use assistants during incidents',
    reference: 'Incident investigation prompts',
    intro: 'During an incident in {service} the assistant is a second reader, never the incident commander. {team} mitigates first and investigates with help once customers are safe.',
    steps: [
      'Mitigate first: roll back, shed load or switch the flag off.',
      'Write down the symptom precisely: what, since when, for whom, what changed.',
      'Redact logs before sharing anything; describe what cannot be redacted.',
      'Ask for hypotheses ranked by likelihood, each with a cheap way to test it.',
      'Test the hypotheses yourself, cheapest first, against the read replica.',
      'Write the fix with a test that fails without it.',
      'Turn your notes into the timeline the next morning and correct what the draft overstates.',
    ],
    correction: ['Paste the relevant log lines into the session.', 'Paste only redacted log lines, produced with the shared redaction script, and check them by eye.'],
    code: [
      { lang: 'sql', text: 'SELECT date_trunc(\'minute\', created_at) AS minute, count(*) FILTER (WHERE status = \'failed\') AS failed\nFROM jobs WHERE created_at > now() - interval \'2 hours\'\nGROUP BY 1 ORDER BY 1;' },
      { lang: 'bash', text: './tools/redact-log.sh incident.log > incident.redacted.log\ngrep -c "@" incident.redacted.log   # should print 0' },
    ],
    checks: ['Customers were safe before the investigation started.', 'Nothing unredacted left your machine.', 'The fix has a test that fails without it.'],
    success: { title: 'a quiet night thanks to a precise symptom', text: 'Writing the symptom down precisely, then testing the assistant\'s ranked hypotheses one by one, found the cause in forty minutes.' },
    caution: { title: 'the restart that destroyed the evidence', text: 'The assistant suggested restarting the consumer. It came back healthy, and the heap that showed the leak was gone.' },
  },
  {
    tags: [TAGS.aiPr, TAGS.review],
    task: 'Reviewing an assisted pull request',
    process: 'how we review assisted changes',
    reference: 'Review questions',
    intro: 'Assisted changes to {service} often look finished. {team} reviews them as if a capable newcomer wrote them: strong on the language, new to our system.',
    steps: [
      'Read the description first: what was assisted, and where were the decisions made?',
      'Check the tests against the ticket, not against the code.',
      'Look for plausible inventions: config keys, helpers or endpoints that do not exist.',
      'Check that every external call has a timeout and that errors reach the caller.',
      'Revert anything the description does not mention before reviewing the rest.',
      'Run the change locally with one bad input.',
      'Ask where the tests came from if the description does not say.',
    ],
    correction: ['Skim unrelated formatting changes quickly.', 'Ask for unrelated formatting changes to be reverted; review only what the task needed.'],
    code: [
      { lang: 'ts', text: 'try {\n  return await client.fetchQuote(order)\n} catch {\n  return DEFAULT_QUOTE // hides the timeout the caller needs to see\n}' },
      { lang: 'diff', text: '-  if (res.status !== \'NOT_RECEIVED\') return res\n+  return withRetry(() => bank.transfer(payout))' },
    ],
    checks: ['The description says what was assisted.', 'Nothing outside the task changed.', 'Every invented-looking name was checked in the repository.'],
    success: { title: 'reviews that got faster and stricter', text: 'A description template and a short checklist cut the back-and-forth on assisted pull requests, while reviewers caught more of the plausible inventions.' },
    caution: { title: 'the catch block that swallowed a timeout', text: 'The drafted handler returned a default on any error. It passed its tests and hid a carrier outage for a whole afternoon.' },
  },
  {
    tags: [TAGS.migration],
    task: 'Writing a schema migration',
    process: 'how we ship schema changes',
    reference: 'Migration runbook',
    intro: 'Drafted migrations are correct on an empty database. {service} is not empty, so {team} follows the runbook for every schema change, assisted or not.',
    steps: [
      'Tell the assistant the table\'s size, write rate and whether it is on a critical path.',
      'Split the change into expand, backfill and contract, each deployable on its own.',
      'Wrap every DDL statement in a lock timeout so a blocked migration fails fast.',
      'Backfill in batches from a job, never in the migration itself.',
      'Build indexes concurrently, outside a transaction.',
      'Run every step on the production-sized copy and note the timings in the pull request.',
      'Check that each step can be rolled back or left half-done safely.',
    ],
    correction: ['Add the column with its default in one statement.', 'Add the column without a default, backfill in batches, then add the default and the constraint.'],
    code: [
      { lang: 'sql', text: 'SET lock_timeout = \'3s\';\nALTER TABLE shipments ADD COLUMN carrier_ref text;\nCREATE INDEX CONCURRENTLY shipments_carrier_ref_idx ON shipments (carrier_ref);' },
      { lang: 'python', text: 'while True:\n    done = backfill_batch(conn, size=10_000)\n    if done == 0:\n        break\n    time.sleep(0.2)  # leave room for production writes' },
    ],
    checks: ['Every DDL statement has a lock timeout.', 'The backfill runs in batches from a job.', 'Timings from the production-sized copy are in the description.'],
    success: { title: 'a zero-downtime column on the busiest table', text: 'Expand, backfill and contract over three deploys, each timed on the copy first. Nobody outside the team noticed.' },
    caution: { title: 'four minutes of queued writes', text: 'A one-line migration with a default waited for a report query and held every write to the table behind it.' },
  },
  {
    tags: [TAGS.docs],
    task: 'Documenting an inherited service',
    process: 'how we keep service documentation current',
    reference: 'Documentation templates',
    intro: '{team} inherited parts of {service} without their original authors. An assistant reads code quickly and drafts the "what"; the "why" needs people who were there.',
    steps: [
      'Ask for a map: entry points, outgoing calls, scheduled jobs, configuration.',
      'Confirm every item in the code before it goes into the document.',
      'Draft the README from the confirmed map: what it does, how to run and deploy it.',
      'Collect every "because" in the draft as a question for the previous owners.',
      'Write the on-call page yourself; it needs judgement.',
      'Link the document from the service catalogue and the repository root.',
      'Reread it after the next incident and fix what was missing.',
    ],
    correction: ['Keep the reasons the draft gives for each design choice.', 'Delete every reason the draft gives unless someone who was there confirmed it.'],
    code: [
      { lang: 'markdown', text: '## Runs\n- HTTP: POST /labels, called per shipment\n- Job: purge-old-labels, daily 03:00 UTC\n## Reads at start-up\n- LABEL_BUCKET, PRINT_DPI (default 203)' },
      { lang: 'yaml', text: 'service: {service}\nowner: {team}\nrunbook: docs/on-call.md\ndashboards:\n  - latency-and-errors' },
    ],
    checks: ['Every statement in the README was checked in the code.', 'Reasons were confirmed by a person.', 'The on-call page names the first three things to check.'],
    success: { title: 'an on-call page written before it was needed', text: 'The team documented the service in two afternoons and used the on-call page the following week, during a carrier outage.' },
    caution: { title: 'the confident comment about retries', text: 'The drafted README explained why the service retries three times. The explanation was invented, and wrong.' },
  },
]
