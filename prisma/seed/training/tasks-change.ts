import { TAGS, type ModuleSpec } from './types'

// Walkthroughs of changing existing code: legacy refactoring, dependency upgrades, generated API
// clients, and one endpoint taken from ticket to production.

export const REFACTORING: ModuleSpec = {
  slug: 'refactoring-a-legacy-module',
  title: 'Refactoring a legacy module in small, verified steps',
  summary: 'Walkthrough: splitting the 2,000-line pricing calculator into parts you can test, one commit at a time.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.legacy, TAGS.tests], audience: 'PILOT', minutes: 40, owner: 3, status: 'DRAFT',
  versions: [
    { day: 78, validatedOn: ['current'], changelog: 'First version, recorded on the pricing calculator.' },
    { day: 140, validatedOn: ['current'], changelog: 'Added "ask for a map" with an example and the rule never to mix a move with a fix.' },
  ],
  pending: { day: 237, validatedOn: ['next'] },
  sections: [
    { since: 1, md: `
# Refactoring a legacy module

Large, tangled modules are where assistants disappoint most, and where a good process pays off most. Some code
needs a redesign before any tool helps; this walkthrough shows how to tell, and how to start.

## 1. Pin the current behaviour

Before changing anything, capture what the module does today, including the parts that look wrong. See
[Writing characterisation tests before refactoring](/training/characterisation-tests-before-refactoring).

~~~ts
// characterisation test: records today's output for 300 saved baskets
for (const basket of loadFixtures('pricing/baskets')) {
  expect(calculatePrice(basket)).toEqual(basket.expected)
}
~~~
` },
    { since: 1, until: 2, md: `
## 2. Ask for a rewrite of one function

Pick the smallest function with tests around it and ask for a cleaner version. Compare the output on the fixtures.
` },
    { since: 2, md: `
## 2. Ask for a map, not a rewrite

Ask the assistant to list the responsibilities in the module and which functions belong to each. Check the map
against the code yourself. It is a reading aid and it will be wrong in places; ours merged two discount rules that
only look alike.

~~~text
calculatePrice (2,040 lines)
  - basket totals ........ sumLines, applyQuantityBreaks
  - promotions ........... applyPromotion, stackPromotions, legacyVoucher
  - VAT .................. vatFor, vatRegionFor, roundVat
  - delivery fees ........ feeFor (also reads promotions - cross-dependency)
~~~
` },
    { since: 1, md: `
## 3. Move one responsibility per commit

- Extract one pure function (for example the VAT rules) with no behaviour change.
- Run the characterisation tests. Commit.
- Repeat.
` },
    { since: 2, md: `
Never combine a move with a fix. Fixes get their own commit, their own test and their own line in the description.
` },
    { since: 1, md: `
## 4. Stop when the tests stop helping

If a step needs the tests changed, you are no longer refactoring. Write down what you found and talk to the team.
` },
    { since: 3, md: `
## Re-recorded on Opus 4.7

On the snapshot under evaluation the map in step 2 is noticeably better, but the model proposes moving several
responsibilities at once. Ask explicitly for one move per answer and reject combined ones; the rule in step 3 has
not changed.
` },
  ],
}

export const DEPENDENCY_UPGRADE: ModuleSpec = {
  slug: 'upgrading-a-framework-dependency',
  title: 'Upgrading a framework dependency across a service',
  summary: 'Walkthrough: a major version upgrade of the HTTP framework in the checkout API, with the assistant doing the mechanical part.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.dependency, TAGS.legacy], audience: 'PILOT', minutes: 30, owner: 1, status: 'PUBLISHED',
  versions: [
    { day: 105, validatedOn: ['current'], changelog: 'First version, from the checkout API upgrade.' },
    { day: 160, validatedOn: ['current'], changelog: 'Added the codemod-first step and the warning about upgrade guides in the model\'s memory.' },
  ],
  sections: [
    { since: 1, md: `
# Upgrading a framework dependency

Major upgrades are mostly mechanical, which makes them a good fit for an assistant, and partly subtle, which is
where upgrades break production. The job is to separate the two.

## Steps

1. **Read the official upgrade guide yourself** and list the breaking changes that affect this service.
2. **Upgrade on a branch and let the compiler list the errors.** That list is the work.
3. **Hand over the mechanical errors in batches** (renamed imports, changed signatures), one batch per commit.
4. **Do the behavioural changes yourself**: changed defaults, middleware order, error handling.
5. **Run the contract tests against staging** before merging.

~~~bash
npm install fastify@5 --save-exact
npx tsc --noEmit 2>&1 | grep -c "error TS"      # the size of the job
npx tsc --noEmit 2>&1 | grep "error TS" | cut -d'(' -f1 | sort | uniq -c | sort -rn | head
~~~
` },
    { since: 1, md: `
## Rolling it out

Deploy the upgrade on its own, with no feature changes in the same release, and watch error rates and latency for a
day before building on it. If anything looks different, the upgrade is the only suspect. Keep the previous version's
lockfile on a branch until the next release has gone out cleanly.
` },
    { since: 2, md: `
## Codemods first

If the framework ships a codemod, run it before involving the assistant. It is deterministic and reviewed by the
framework's maintainers; the assistant then only handles what the codemod left.

## The guide in the model's memory may be the wrong one

The assistant "knows" upgrade guides from its training data, which may describe a beta or a different major
version. In the checkout upgrade it confidently renamed a hook that was renamed back before the final release.
Give it the current guide's text for the section you are working on, and trust the compiler over its memory.
` },
  ],
}

export const OPENAPI_CLIENT: ModuleSpec = {
  slug: 'generating-an-api-client-from-openapi',
  title: 'Generating an API client from an OpenAPI document',
  summary: 'Walkthrough: a typed client for the carrier gateway, generated by a tool and finished with an assistant.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.docs, TAGS.tests], audience: 'EXPERTS', minutes: 20, owner: 5, status: 'PUBLISHED',
  versions: [
    { day: 12, validatedOn: ['previous'], changelog: 'First version.' },
    { day: 33, validatedOn: ['previous'], changelog: 'Added the retry wrapper and the contract test against the recorded responses.' },
  ],
  sections: [
    { since: 1, md: `
# Generating an API client from an OpenAPI document

Do not ask an assistant to write an API client from scratch: it will invent fields. Generate the client from the
document with a generator, then use the assistant for the thin layer around it.

## Steps

1. Fetch the current document from the gateway and commit it next to the client.
2. Generate the types and the client.
3. Ask the assistant for a small wrapper: authentication, timeouts, and mapping of error responses to our errors.
4. Review the wrapper against the document, field by field, for the error responses.

~~~bash
curl -s https://carrier-gateway.internal/openapi.json -o clients/carrier/openapi.json
npx openapi-typescript clients/carrier/openapi.json -o clients/carrier/schema.ts
~~~
` },
    { since: 1, md: `
## What the assistant was good at here

- Mapping the document's error responses to our error classes, once it had both in front of it.
- Writing the table-driven tests for that mapping.
- Spotting two operations in the document that had no error responses at all, which we raised with the gateway team.
` },
    { since: 2, md: `
## Retries and contract tests

Only idempotent calls are retried, and only on timeouts and 503. Record real responses once from staging and keep a
contract test that replays them, so that a change to the document shows up as a failing test.

~~~ts
export const carrier = withRetry(createClient<paths>({ baseUrl }), {
  retryOn: (res) => res.status === 503,
  methods: ['GET', 'PUT'],
  attempts: 3,
})
~~~
` },
  ],
}

export const ENDPOINT_END_TO_END: ModuleSpec = {
  slug: 'adding-an-endpoint-end-to-end',
  title: 'Adding an endpoint end to end: ticket, tests, code, review',
  summary: 'Walkthrough of one ordinary task done the standard way, from ticket to production, for teams joining in the broad rollout.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.tests, TAGS.aiPr, TAGS.onboarding], audience: 'BROAD', minutes: 35, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 180, validatedOn: ['current', 'next'], changelog: 'First version, recorded in the Billing code base.' },
    { day: 215, validatedOn: ['current', 'next'], changelog: 'Added the validation schema step; the first recording skipped it.' },
    { day: 230, validatedOn: ['current', 'next'], changelog: 'Corrected the rollout step: the flag is removed in a separate pull request.' },
  ],
  sections: [
    { since: 1, md: `
# Adding an endpoint end to end

Most of what teams do all day is ordinary work like this. The point of this walkthrough is not a clever trick; it is
to show the standard process on a task you will recognise.

## The ticket

BIL-502: *business customers can download a credit note as PDF from \`GET /credit-notes/{id}/pdf\`; only users of
the same account may download it.*

## 1. Tests from the ticket

Three behaviours, written in plain words first: the owner gets the PDF; a user of another account gets 404 (not
403, so that ids do not leak); an unknown id gets 404. Then the assistant drafts the tests, one at a time.
` },
    { since: 2, md: `
## 2. The input schema

~~~ts
export const creditNotePdfParams = z.object({ id: z.uuid() })
~~~

A malformed id is a 400 from the schema, before any query runs.
` },
    { since: 1, md: `
## 3. The code

Ask for the handler with the schema, the existing invoice PDF handler as an example, and the rule about 404.
Read it line by line. The first draft looked up the credit note by id and checked the account afterwards; fine,
but it logged the credit note number on a miss, which we do not do.

## 4. Review

The description says what was assisted (tests, handler draft) and that the 404 rule was a decision, not a default.
` },
    { since: 1, until: 3, md: `
## 5. Rollout

Behind the \`credit-note-pdf\` flag; enabled for one account, then all, then the flag is removed in the same pull request.
` },
    { since: 3, md: `
## 5. Rollout

Behind the \`credit-note-pdf\` flag; enabled for one account, then for all. The flag is removed in a **separate**
pull request a week later, so that removing it is a small change nobody has to review under pressure.
` },
    { since: 1, md: `
## Where the time went

Most of the time went into the parts the assistant cannot do: agreeing the 404 rule with the product owner, reading
the draft, and checking the PDF in two browsers. The drafting itself was quick. That is the normal shape of an
assisted task, and a useful thing to expect when you plan one.
` },
  ],
}
