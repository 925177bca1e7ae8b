import type { ModuleSpec } from './types'

// Walkthroughs of standard development tasks, recorded by the experts on our own code bases.

export const WRITING_TESTS: ModuleSpec = {
  slug: 'writing-tests-with-an-assistant',
  title: 'Writing tests with an assistant: start from the behaviour',
  summary: 'Walkthrough: tests for the delivery-slot rules, drafted with an assistant from the ticket rather than from the code.',
  kind: 'TASK_WALKTHROUGH', tags: ['testing', 'walkthrough'], audience: 'EVERYONE', minutes: 30, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 25, validatedOn: ['previous', 'current'], changelog: 'First version.' },
    { day: 120, validatedOn: ['current'], changelog: 'Added the property-based example and the rule "tests first, from the ticket".' },
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
3. Ask for one test per behaviour, named after the behaviour.
4. Read each test. Delete any that test how the code works instead of what it does.
5. Make one test fail on purpose (change \`2\` to \`3\` hours in the code) and check that the right test fails.

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

Once the examples pass, ask for a property-based test. It is good at listing the awkward inputs: a payment at
23:59 before a holiday, a clock change, an empty holiday list.

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
  ],
}

export const REFACTORING: ModuleSpec = {
  slug: 'refactoring-a-legacy-module',
  title: 'Refactoring a legacy module in small, verified steps',
  summary: 'Walkthrough: splitting the 2,000-line pricing calculator into parts you can test, one commit at a time.',
  kind: 'TASK_WALKTHROUGH', tags: ['refactoring', 'legacy', 'walkthrough'], audience: 'PILOT', minutes: 40, owner: 3, status: 'PUBLISHED',
  lastReviewedDay: 170,
  versions: [{ day: 70, validatedOn: ['current'], changelog: 'First version, recorded on the pricing calculator.' }],
  sections: [
    { since: 1, md: `
# Refactoring a legacy module

Large, tangled modules are where assistants disappoint most, and where a good process pays off most. Some code
needs a redesign before any tool will help; this walkthrough shows how to tell and how to start.

## 1. Pin the current behaviour

Before changing anything, capture what the module does today, including the parts that look wrong.

~~~ts
// characterisation test: records today's output for 300 saved baskets
for (const basket of loadFixtures('pricing/baskets')) {
  expect(calculatePrice(basket)).toEqual(basket.expected)
}
~~~

## 2. Ask for a map, not a rewrite

Ask the assistant to list the responsibilities in the module and which functions belong to each. Check the map
against the code yourself. It is a reading aid; it will be wrong in places.

## 3. Move one responsibility per commit

- Extract one pure function (for example the VAT rules) with no behaviour change.
- Run the characterisation tests. Commit.
- Repeat. Never combine a move with a fix; fixes get their own commit and their own test.

## 4. Stop when the tests stop helping

If a step needs the tests changed, you are no longer refactoring. Write down what you found and talk to the team.
` },
  ],
}

export const DEBUGGING: ModuleSpec = {
  slug: 'debugging-a-production-incident',
  title: 'Debugging a production incident with an assistant at your side',
  summary: 'Walkthrough of a real SEV3: describing the symptom precisely, narrowing it down, and what never to paste.',
  kind: 'TASK_WALKTHROUGH', tags: ['incidents', 'debugging', 'on-call', 'walkthrough'], audience: 'EVERYONE', minutes: 35, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 80, validatedOn: ['current'], changelog: 'First version, from the ETA service incident in the experts\' phase.' },
    { day: 140, validatedOn: ['current', 'next'], changelog: 'Added the redaction step before sharing logs with an assistant.' },
  ],
  sections: [
    { since: 1, md: `
# Debugging a production incident

During an incident the assistant is a second pair of eyes, not the incident commander. Mitigate first (roll back,
shed load, flip the flag); investigate with help once customers are safe.

## The incident

Arrival estimates in the ETA service jumped by up to forty minutes for about 6% of orders after a deploy.

## Steps

1. **Write the symptom down precisely**: what, since when, for whom, what changed. This alone found the cause
   in half of the experts' practice runs.
2. **Share the diff of the deploy and the symptom**, and ask for hypotheses ranked by likelihood, each with a way to test it.
3. **Test hypotheses yourself**, cheapest first. The assistant cannot see production.
4. **Write the fix with a test that fails without it.**

~~~sql
-- hypothesis 2: only orders whose depot changed time zone in the last release
SELECT depot_id, count(*) FROM eta_estimates
WHERE computed_at > now() - interval '2 hours' AND delta_minutes > 30
GROUP BY depot_id ORDER BY 2 DESC;
~~~
` },
    { since: 2, md: `
## Before you paste a log: redact

Production logs contain customer data. Strip it before anything leaves your machine:

~~~sh
./tools/redact-log.sh incident.log > incident.redacted.log   # removes e-mails, addresses, phone numbers, tokens
~~~

Check the result by eye. If a log cannot be redacted, describe it instead of pasting it.
` },
  ],
}

export const OUTSIDE_YOUR_STACK: ModuleSpec = {
  slug: 'working-outside-your-usual-stack',
  title: 'Working outside your usual stack',
  summary: 'Draft. Why a task in an unfamiliar language feels fast with an assistant, and how to avoid shipping what you cannot review.',
  kind: 'TASK_WALKTHROUGH', tags: ['frontend', 'review', 'draft'], audience: 'PILOT', minutes: 20, owner: 2, status: 'DRAFT',
  versions: [],
  sections: [
    { since: 1, md: `
# Working outside your usual stack

*Draft - walkthrough still to be recorded.*

A backend developer can now produce a working front-end screen in an afternoon. It will look finished. Whether it
is accessible, handles slow networks and follows the design system is exactly what that developer cannot judge.

## Outline

- Pair with someone from the stack for the review, not only for the merge.
- Ask the assistant to explain each unfamiliar construct; if the explanation surprises you, ask your pair.
- Keep the first change small enough that your pair can review it in twenty minutes.
` },
  ],
}
