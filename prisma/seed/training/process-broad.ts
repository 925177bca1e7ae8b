import { TAGS, type ModuleSpec } from './types'

// Processes being prepared for the broad stage: both approved and waiting to be published.

export const SECURITY_REVIEW: ModuleSpec = {
  slug: 'security-review-of-assisted-changes',
  title: 'Security review of AI-assisted changes',
  summary: 'What the security reviewer checks when a change was drafted with an assistant: inputs, secrets, dependencies and permissions.',
  kind: 'PROCESS', tags: [TAGS.security, TAGS.review, TAGS.aiPr], audience: 'EVERYONE', minutes: 20, owner: 5, status: 'APPROVED',
  versions: [
    { day: 80, validatedOn: ['current', 'small'], changelog: 'First version, agreed with the security team.' },
    { day: 190, validatedOn: ['current', 'next'], changelog: 'Added the dependency provenance check after an invented package name reached a pull request.' },
  ],
  pending: { day: 234, validatedOn: ['current', 'next'], approver: 2, approvalNote: 'Checked the authorisation examples against the payments API; good to publish.' },
  sections: [
    { since: 1, md: `
# Security review of AI-assisted changes

Assisted code is not more dangerous than any other code, but its mistakes look different. It rarely forgets syntax;
it readily produces a plausible query built from strings, a permissive default, or a helper that logs the whole
request. Security review looks for those on purpose.

## When a security review is needed

- The change touches authentication, authorisation, payment data or personal data.
- It adds or upgrades a dependency.
- It handles input from outside the company (APIs, uploads, webhooks).

## What the reviewer checks

1. **Inputs are validated at the boundary** with the shared schema library, not by hand-written checks.
2. **Queries are parameterised.** No string-built SQL, also not "just for this report".
3. **Authorisation is checked against the resource**, not against an id the client sent.
4. **Nothing sensitive is logged**: tokens, full request bodies, addresses.

~~~ts
// Drafted, compiled and passed its test: it trusts the id in the request body.
const invoice = await db.invoice.findUnique({ where: { id: body.invoiceId } })
// What the reviewer asked for: the invoice must belong to the caller's account.
const owned = await db.invoice.findFirst({ where: { id: body.invoiceId, accountId: session.accountId } })
~~~

See the [OWASP Top Ten](https://owasp.org/www-project-top-ten/) for the wider list.
` },
    { since: 2, md: `
## Dependency provenance

An assistant can suggest a package that does not exist, or one whose name is one letter away from a popular one.
Before approving a new dependency:

~~~bash
npm view fast-csv-parse name repository.url time.created maintainers --json
~~~

- The package exists, is maintained and is the one the author meant.
- It was not created last week.
- The lockfile change adds only what the description says.
` },
    { since: 3, md: `
## Secrets in prompts and transcripts

Session transcripts may be kept by the tool for a while. Never paste a secret into a session, even to "just test
the connection"; use the local secret manager and reference the variable name instead. If a secret was pasted,
rotate it the same day and say so in #security; nobody is blamed for reporting it.
` },
  ],
}

export const BROAD_PLAYBOOK: ModuleSpec = {
  slug: 'onboarding-a-team-in-the-broad-rollout',
  title: 'Onboarding a team in the broad rollout',
  summary: 'The playbook for a team\'s first four weeks: protected learning time, an embedded expert, the learning path and a team agreement.',
  kind: 'PROCESS', tags: [TAGS.onboarding, TAGS.team], audience: 'BROAD', minutes: 15, owner: 0, status: 'APPROVED',
  versions: [],
  pending: { day: 232, validatedOn: ['current', 'next'], approver: 3, approvalNote: 'Matches what worked for Fulfilment. Publish once the broad start date is announced.' },
  sections: [
    { since: 1, md: `
# Onboarding a team in the broad rollout

The pilot taught us that the first month decides how a team feels about these tools for a long time. A team that
is told to "use AI" while keeping its old deadlines learns to resent it. A team that gets time, help and honest
examples usually finds where the tools help within a few weeks.

## Before week one

- The team lead books **four hours a week** of learning time for everyone, in the calendar, for eight weeks.
- Delivery commitments for the first month are reduced. Expect output to dip before it recovers.
- An expert is assigned to the team for the first four weeks and joins its stand-up twice a week.

## Week by week

| Week | Focus | Done when |
| --- | --- | --- |
| 1 | Environment, data rules, the standard process | Everyone has run one assisted change through review |
| 2 | Tests and review | Each person has reviewed an assisted pull request with the checklist |
| 3 | The team's own hard code | The team has tried one refactoring walkthrough on its own code |
| 4 | Working agreement | The agreement is written and in the repository |

## What the embedded expert does

- Pairs with each person at least once on a real task.
- Collects what does not work in this team's code base and feeds it back to the library.
- Does **not** set targets or compare people; the experts are there to help, not to measure.

## Signs a team needs more time

- Reviews are getting shorter while pull requests get larger.
- People stop asking questions in the team channel.
- The pulse survey's workload score drops two months in a row.
` },
  ],
}
