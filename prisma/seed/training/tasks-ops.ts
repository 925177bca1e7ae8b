import { TAGS, type ModuleSpec } from './types'

// Walkthroughs for operations and writing: a production incident, documenting a service you did
// not build, and a decision record (still a draft).

export const DEBUGGING: ModuleSpec = {
  slug: 'debugging-a-production-incident',
  title: 'Pairing with the assistant on a production incident',
  summary: 'Walkthrough of a real SEV3: mitigate first, describe the symptom precisely, rank hypotheses, and never paste raw production logs.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.incident, TAGS.prompting], audience: 'EVERYONE', minutes: 35, owner: 0, status: 'IN_REVIEW',
  versions: [
    { day: 80, validatedOn: ['current'], changelog: 'First version, from the ETA service incident in the experts\' phase.',
      was: { title: 'Debugging a production incident with an assistant at your side' } },
    { day: 140, validatedOn: ['current', 'small'], changelog: 'Added the redaction step before sharing logs with an assistant.',
      was: { title: 'Debugging a production incident with an assistant at your side' } },
    { day: 200, validatedOn: ['current', 'next'], changelog: 'Renamed; added the recorded walkthrough and the hand-over note for the next on-call.' },
  ],
  pending: { day: 237, validatedOn: ['current', 'next'] },
  sections: [
    { since: 1, md: `
# Pairing with the assistant on a production incident

During an incident the assistant is a second pair of eyes, not the incident commander. Mitigate first (roll back,
shed load, flip the flag); investigate with help once customers are safe.

## The incident

Arrival estimates in the ETA service jumped by up to forty minutes for about 6% of orders after a deploy.

## Steps

1. **Write the symptom down precisely**: what, since when, for whom, what changed. This alone found the cause in
   half of the experts' practice runs.
2. **Share the deploy's diff and the symptom**, and ask for hypotheses ranked by likelihood, each with a cheap way
   to test it.
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

~~~bash
./tools/redact-log.sh incident.log > incident.redacted.log   # removes e-mails, addresses, phone numbers, tokens
~~~

Check the result by eye. If a log cannot be redacted, describe it instead of pasting it.
` },
    { since: 3, md: `
## Hand-over note

If the incident outlasts your shift, ask the assistant to turn your notes into a hand-over: what is known, what was
ruled out and how, what is running. Correct it before sending; it tends to promote hypotheses to facts.

## Watch it

The full ETA investigation, replayed by two experts (forty minutes, including the wrong turn at hypothesis 1):

https://www.youtube.com/watch?v=kR7bTq4mZ2c
` },
    { since: 4, md: `
## Letting the assistant read traces

With Opus 4.7, pasting a redacted trace export (spans only, no payloads) gives better hypotheses than a description
of the trace. Export with the payload attributes dropped:

~~~bash
traces export --service eta-service --since 2h --drop-attributes 'http.request.body,customer.*' > spans.json
~~~

The rule about raw logs is unchanged: spans only, redacted, checked by eye.
` },
  ],
}

export const DOCUMENTING_A_SERVICE: ModuleSpec = {
  slug: 'documenting-a-service-you-did-not-build',
  title: 'Documenting a service you did not build',
  summary: 'Walkthrough: a README and an on-call page for the label service, drafted from the code with an assistant and checked with its last owner.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.docs, TAGS.legacy, TAGS.onboarding], audience: 'BROAD', minutes: 25, owner: 3, status: 'PUBLISHED',
  versions: [
    { day: 120, validatedOn: ['current', 'small'], changelog: 'First version, from the label service hand-over.' },
    { day: 185, validatedOn: ['current', 'next'], changelog: 'Added the "questions for the last owner" step; drafts were confidently wrong about retries.' },
  ],
  sections: [
    { since: 1, md: `
# Documenting a service you did not build

Teams inherit services. An assistant reads a code base faster than you can and is good at a first draft of "what
this does". It is bad at "why", and it will write the why anyway. The walkthrough documents the label service,
which Carrier Integrations took over without its original authors.

## Steps

1. **Ask for a map first**: entry points, outgoing calls, scheduled jobs, configuration read at start-up.
2. **Check each item in the code** before it goes into the document. Delete what you cannot confirm.
3. **Draft the README sections** from the checked map: what it does, how to run it, how to deploy it.
4. **Write the on-call page yourself**, with the assistant only for formatting. It needs judgement.

~~~markdown
## Runs
- HTTP: POST /labels (carrier-gateway calls it per shipment)
- Job: purge-old-labels, daily 03:00 UTC, deletes PDFs older than 90 days
## Reads at start-up
- LABEL_BUCKET, CARRIER_TEMPLATES_PATH, PRINT_DPI (default 203)
~~~
` },
    { since: 2, md: `
## Questions for the last owner

Anything the draft states as a reason ("retries three times because the carrier API is flaky") is a question until
someone who was there confirms it. Collect them in a list and ask in one conversation:

| Draft says | Status |
| --- | --- |
| Retries three times because the carrier API is flaky | Wrong: retries because of our own bucket's rate limit |
| DPI 203 is required by all carriers | Right for two of three carriers |
| The purge job is safe to skip | Wrong: the bucket has no lifecycle rule |
` },
    { since: 1, md: `
## Keeping it current

Documentation drafted in an afternoon goes stale just as quickly. Add a line to the team's definition of done: a
change that alters a behaviour listed in the README updates the README in the same pull request. The assistant is
good at pointing out which section a diff affects; ask it during review.
` },
  ],
}

export const DECISION_RECORDS: ModuleSpec = {
  slug: 'writing-a-decision-record-with-an-assistant',
  title: 'Writing an architecture decision record with an assistant',
  summary: 'Draft. Using the assistant to argue the other side and list consequences, while the decision itself stays yours.',
  kind: 'TASK_WALKTHROUGH', tags: [TAGS.docs, TAGS.prompting], audience: 'BROAD', minutes: 15, owner: 1, status: 'DRAFT',
  versions: [],
  pending: { day: 230, validatedOn: ['current', 'next'] },
  sections: [
    { since: 1, md: `
# Writing an architecture decision record with an assistant

*Draft.*

A decision record is only useful if it shows the options that lost and why. That is the part people skip, and the
part an assistant helps with most.

## Steps

1. Write the context and your preferred decision yourself, in a few sentences.
2. Ask the assistant for the strongest case **against** your decision, and for one option you did not consider.
3. Answer each point in the record, or change your mind.
4. Ask for the consequences you have not listed: operations, cost, who has to learn what.

Keep the final wording yours. A record that reads like a generated essay will not be read.
` },
  ],
}
