import { TAGS, type ModuleSpec } from './types'

// Walkthroughs about tests: writing them from behaviour, pinning legacy behaviour, and flaky ones.

export const WRITING_TESTS: ModuleSpec = {
  slug: 'writing-tests-with-an-assistant',
  title: 'Writing tests with an assistant: start from the behaviour',
  summary: 'Walkthrough: tests for the delivery-slot rules, drafted with an assistant from the ticket rather than from the code.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.tests, TAGS.prompting], audience: 'EVERYONE', minutes: 30, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 25, validatedOn: ['previous', 'current'], changelog: 'First version.' },
    { day: 120, validatedOn: ['current', 'small'], changelog: 'Added the property-based example and the rule "tests first, from the ticket".' },
    { day: 196, validatedOn: ['current', 'next'], changelog: 'Step 3 corrected for Opus 4.7: ask for one test at a time, it otherwise rewrites the whole file.' },
  ],
  sections: [
    { since: 1, md: `
# Writing tests with an assistant

The most useful thing an assistant did for the experts was draft tests. The most dangerous thing it did was draft
tests that agreed with a bug. The difference is where the tests come from.

## The task

Ticket ROU-318: *a delivery slot may not start less than two hours after the order is paid; slots on public
holidays are not offered.*

## Steps

1. Write the behaviours as a list in plain words before opening the assistant.
2. Give it the list, the module's public function and one existing test as an example of our style.
` },
    { since: 1, until: 3, md: `
3. Ask for one test per behaviour, named after the behaviour, all in one go.
` },
    { since: 3, md: `
3. Ask for **one test at a time**, named after the behaviour. Asked for all of them at once, Opus 4.7 tends to
   rewrite the whole test file, including tests you did not mention.
` },
    { since: 1, md: `
4. Read each test. Delete any that test how the code works instead of what it does.
5. Break the code on purpose (change \`2\` to \`3\` hours) and check that the right test fails, and only that one.

~~~ts
it('does not offer a slot that starts less than two hours after payment', () => {
  const paidAt = utc('2026-03-02T10:15')
  const slots = availableSlots({ paidAt, holidays: [] })
  expect(slots[0].start.getTime()).toBeGreaterThanOrEqual(paidAt.getTime() + 2 * HOUR)
})
~~~
` },
    { since: 2, md: `
## Let it find the edge cases

Once the examples pass, ask for a property-based test with [fast-check](https://fast-check.dev/). Assistants are
good at listing awkward inputs: a payment at 23:59 before a holiday, a clock change, an empty holiday list.

~~~ts
fc.assert(fc.property(arbitraryPaidAt, arbitraryHolidays, (paidAt, holidays) => {
  for (const slot of availableSlots({ paidAt, holidays })) {
    expect(isHoliday(slot.start, holidays)).toBe(false)
  }
}))
~~~

**Rule:** tests first, from the ticket. If the tests and the implementation come out of the same conversation,
they share the same misunderstanding.
` },
    { since: 2, md: `
## Common mistakes

- **Asserting on the mock.** A test that checks the mocked repository was called with the right arguments tests the
  wiring, not the rule. Prefer the real function with real inputs.
- **One giant test.** If a test name needs "and", split it; a failure should point at one broken behaviour.
- **Snapshots of whole objects.** They pass on the day they are written and get updated without reading later.
` },
  ],
}

export const CHARACTERISATION_TESTS: ModuleSpec = {
  slug: 'characterisation-tests-before-refactoring',
  title: 'Writing characterisation tests before refactoring',
  summary: 'Walkthrough: pinning what the warehouse loader does today, odd parts included, so that a refactoring cannot change it by accident.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.tests, TAGS.legacy], audience: 'PILOT', minutes: 35, owner: 4, status: 'PUBLISHED',
  versions: [
    { day: 72, validatedOn: ['current', 'small'], changelog: 'First version, recorded on the warehouse loader.' },
    { day: 175, validatedOn: ['current', 'next'], changelog: 'Added the approval-file approach for outputs too large to assert field by field.',
      changesRequested: 'Good addition. Two things before I approve: the example writes approval files into the source tree without saying they must be reviewed like code, and step 4 does not say what to do when a recorded output looks wrong. Readers will "fix" it in the same commit.' },
    { day: 228, validatedOn: ['next'], changelog: 'Re-recorded on Opus 4.7; the sampling script now skips files with personal data.' },
  ],
  sections: [
    { since: 1, md: `
# Writing characterisation tests before refactoring

A characterisation test does not say what the code *should* do. It records what it *does*, so that you notice
when a refactoring changes it. For old code without tests this is the safety net you build first.

## The module

\`warehouse_loader/transform.py\`: 900 lines that turn the nightly event export into warehouse rows. No tests,
three authors, one of whom left. We wanted to split it into per-event-type transforms.

## Steps

1. Collect real inputs. Sample fifty export files from the last month, covering every event type.
2. Ask the assistant for a test that runs the current \`transform()\` over each file and compares with a stored result.
3. Run it once to record the results. Commit inputs and results together.
4. Read the recorded results for three files by hand. If one looks wrong, write it down in the test, do not fix it.

~~~python
@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.jsonl")), ids=lambda p: p.stem)
def test_transform_is_unchanged(sample):
    rows = transform(load_events(sample))
    expected = json.loads((RECORDED / f"{sample.stem}.json").read_text())
    assert [asdict(r) for r in rows] == expected
~~~
` },
    { since: 1, md: `
## What the assistant is good at here

- Writing the sampling script, so that every event type is covered.
- Finding the inputs that reach rarely used branches, when you show it the branch.
- Explaining what a branch does before you decide whether the recorded result is a bug.
` },
    { since: 2, md: `
## When outputs are too large: approval files

For transforms that produce hundreds of rows, store the output as a readable file and review changes to it like
code. A changed approval file in a pull request is a behaviour change and needs its own explanation.

~~~bash
pytest tests/characterisation --approve   # rewrites approval files; never in the same commit as a refactoring step
git diff --stat tests/characterisation/approved/
~~~

If a recorded output looks wrong, leave it recorded, open a ticket, and fix it in a separate pull request with its
own test. A refactoring commit must never change an approval file.
` },
    { since: 3, md: `
## Keep personal data out of the samples

The export files contain customer ids and, for some event types, addresses. The sampling script now drops those
event types and replaces ids with stable fakes before anything is committed:

~~~python
def scrub(event: dict) -> dict:
    event = {k: v for k, v in event.items() if k not in PERSONAL_FIELDS}
    event["customer_id"] = fake_id(event["customer_id"])  # stable: same input, same fake
    return event
~~~
` },
  ],
}

export const FLAKY_TESTS: ModuleSpec = {
  slug: 'chasing-a-flaky-test',
  title: 'Chasing a flaky test with the assistant',
  summary: 'Walkthrough: from "it fails on CI sometimes" to the shared clock that caused it, with the assistant as a second reader.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.tests, TAGS.incident], audience: 'EVERYONE', minutes: 25, owner: 4, status: 'PUBLISHED',
  versions: [
    { day: 100, validatedOn: ['current'], changelog: 'First version, from the event-bus consumer tests.' },
    { day: 150, validatedOn: ['current'], changelog: 'Added how to reproduce with a fixed seed and the ordering check.' },
  ],
  sections: [
    { since: 1, md: `
# Chasing a flaky test

A test that fails one run in twenty is worse than one that always fails: people learn to press "retry". This
walkthrough follows one from the event-bus consumer tests to its cause.

## Steps

1. **Collect the failures, not just the last one.** Download the logs of every failed run from the last two weeks.
2. **Ask for the pattern.** Give the assistant the failure messages and the test, and ask what the failing runs
   have in common that the passing ones do not. It is good at spotting that every failure happened near a minute
   boundary, or only on one runner type.
3. **Form a hypothesis you can force.** Ours: two tests share a module-level fake clock.
4. **Make it fail every time** before you fix anything.

~~~bash
for i in $(seq 1 50); do npx vitest run consumer --sequence.shuffle --sequence.seed=$i || echo "seed $i failed"; done
~~~
` },
    { since: 1, md: `
## What not to do

- Do not add a retry to the test or raise its timeout until you know the cause. Both hide the symptom and keep the bug.
- Do not accept a fix you cannot explain. "Added \`await\` in three places" that makes the failures stop is a guess.
- Do not quarantine without a ticket and an owner; quarantined tests are forgotten within a sprint.
` },
    { since: 2, md: `
## Reproduce with a fixed seed

Once one seed fails reliably, keep it in the ticket. The fix is done when that seed and fifty random ones pass.

The cause was one fake clock for the whole file, advanced by whichever test ran first. The fix:

~~~diff
-const clock = installFakeClock()
+let clock: FakeClock
+beforeEach(() => { clock = installFakeClock() })
+afterEach(() => clock.uninstall())
~~~

## Check for ordering dependence everywhere

Run the whole suite shuffled once a week in CI. The assistant can draft the job; read what it does with failures
before you merge it. Ours first tried to retry failed tests automatically, which is exactly what we did not want.
` },
  ],
}
