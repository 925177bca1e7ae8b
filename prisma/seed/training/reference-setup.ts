import { TAGS, type ModuleSpec } from './types'

// References from the early months: setup, vocabulary, templates and the experts' first prompt
// notes. Several have not been reviewed since, and show as stale.

export const ENVIRONMENT: ModuleSpec = {
  slug: 'environment-setup-and-data-handling',
  title: 'Setting up your environment, and what may leave your machine',
  summary: 'Editor and terminal setup for the approved tools, and the rules for code, logs and data you share with them.',
  kind: 'REFERENCE', tags: [TAGS.onboarding, TAGS.security], audience: 'EVERYONE', minutes: 15, owner: 5, status: 'PUBLISHED',
  versions: [
    { day: 10, validatedOn: ['previous'], changelog: 'First version for the experts\' setup week.' },
    { day: 88, validatedOn: ['current', 'small'], changelog: 'Setup script renamed; added the model selection step for the pilot kick-off.' },
    { day: 194, validatedOn: ['current', 'next'], changelog: 'Added the rules for connecting tools to internal systems.' },
  ],
  sections: [
    { since: 1, md: `
# Setting up your environment

## Install
` },
    { since: 1, until: 2, md: `
~~~bash
./tools/setup-assistant.sh --tenant engineering
assistant --version
~~~
` },
    { since: 2, md: `
~~~bash
# approved editor extension and command-line tool, configured for our tenant
./tools/ai-setup.sh --tenant engineering
assistant --version
assistant config get model        # should print the current default snapshot
~~~

Sign in with SSO. Personal accounts and other vendors' tools are not approved for company code.
` },
    { since: 1, md: `
## What may leave your machine

| Allowed | Never |
| --- | --- |
| Source code of our repositories | Customer data, production logs with personal data |
| Stack traces you have checked | Secrets, tokens, private keys, \`.env\` files |
| Synthetic test data | Data another company shared with us under contract |

If you are not sure, leave it out and ask in #ai-tools-help.
` },
    { since: 2, md: `
## Troubleshooting

| Symptom | Likely cause | Fix |
| --- | --- | --- |
| \`assistant: not signed in\` | SSO session expired | \`assistant login\` and sign in again |
| Wrong model in \`config get model\` | Team setting not applied yet | Re-run the setup script; it reads the team setting |
| Extension shows no suggestions | Proxy blocks the tenant URL | Ask in #ai-tools-help; do not switch to a personal account |
` },
    { since: 3, md: `
## Connecting tools to internal systems

Some tools can be connected to issue trackers, databases or internal APIs. Only the connections on the approved list
in the developer portal may be enabled, always with your own read-only credentials. Never connect a tool to a
production database; use the anonymised replica.
` },
  ],
}

export const RETIRED_INSTRUCTIONS: ModuleSpec = {
  slug: 'shared-instruction-files-sonnet-4-5',
  title: 'Shared instruction files (Sonnet 4.5)',
  summary: 'The instruction files the experts tuned for the previous default model. Retired: they make results worse on the current one.',
  kind: 'REFERENCE', tags: [TAGS.prompting, TAGS.model], audience: 'EXPERTS', minutes: 10, owner: 1, status: 'RETIRED',
  retiredDay: 44,
  versions: [
    { day: 18, validatedOn: ['previous'], changelog: 'First version: three shared instruction files with examples.' },
    { day: 30, validatedOn: ['previous'], changelog: 'Added the retirement note after the first comparison on Sonnet 4.6.' },
  ],
  sections: [
    { since: 2, md: `
> Retired. Tuned for Sonnet 4.5; on Sonnet 4.6 a plain task description does better. Step 2 of
> [How we work with AI coding tools](/training/how-we-work-with-ai-coding-tools) says what to write instead.
` },
    { since: 1, md: `
# Shared instruction files

Three files the experts used for repeatable tasks: adding an endpoint, writing a migration, writing a consumer for
the event bus. Each listed our conventions in detail, with two worked examples per file.

~~~markdown
You are working in a TypeScript service that follows these conventions:
1. Handlers live in src/routes/<resource>/<verb>.ts and export one function.
2. Every handler validates its input with the shared schema helpers.
... (41 more rules)
~~~
` },
  ],
}

const GLOSSARY_ROWS = `
| Word | What we mean |
| --- | --- |
| Assistant | A tool that suggests or writes code when you ask, in the editor or a chat. |
| Agent | An assistant that can also run commands and edit files on its own, step by step. |
| Session | One conversation with an assistant or agent, with its history. |
| Instruction file | Standing text added to every session in a repository (conventions, commands). |
| Assisted change | Any change where a tool drafted part of the code, tests or text. |`

export const GLOSSARY: ModuleSpec = {
  slug: 'glossary-of-assisted-development',
  title: 'Glossary: the words we use for assisted development',
  summary: 'Assistant, agent, snapshot, instruction file, session, validation: what each word means in this library.',
  kind: 'REFERENCE', tags: [TAGS.onboarding, TAGS.prompting], audience: 'EVERYONE', minutes: 5, owner: 5, status: 'PUBLISHED',
  versions: [
    { day: 20, validatedOn: ['previous', 'small'], changelog: 'First version.' },
    { day: 42, validatedOn: ['current', 'small'], changelog: 'Added "snapshot" and "validated on" after the first model change.' },
  ],
  sections: [
    { since: 1, md: `
# Glossary

The words this library uses, so that a walkthrough means the same thing to everyone who reads it.
` },
    { since: 1, until: 2, md: GLOSSARY_ROWS },
    { since: 2, md: `${GLOSSARY_ROWS}
| Snapshot | One exact, dated model version, for example \`claude-sonnet-4-6\` plus its date. Snapshots of one family can behave differently. |
| Validated on | The snapshots a training module was checked against. A module validated only on retired snapshots is stale. |
` },
  ],
}

export const PR_TEMPLATE: ModuleSpec = {
  slug: 'pull-request-description-for-assisted-work',
  title: 'Pull request description template for assisted work',
  summary: 'The template every repository uses: what was assisted, where the decisions were made, and how it was checked.',
  kind: 'REFERENCE', tags: [TAGS.aiPr, TAGS.review, TAGS.docs], audience: 'EVERYONE', minutes: 5, owner: 2, status: 'PUBLISHED',
  versions: [
    { day: 30, validatedOn: ['previous', 'current'], changelog: 'First version.' },
    { day: 50, validatedOn: ['current', 'small'], changelog: 'Added "How I checked it"; reviewers asked for it in every second pull request.' },
  ],
  sections: [
    { since: 1, md: `
# Pull request description template

Copy it into \`.github/pull_request_template.md\`. Delete sections that do not apply; do not leave them empty.

~~~markdown
## What and why
<!-- the ticket, in one or two sentences -->

## Assisted
<!-- what a tool drafted: tests, the handler, a rename across files. "Nothing" is a fine answer. -->

## Decisions I made
<!-- the choices a reviewer should check: error handling, data access, naming of public things -->
~~~
` },
    { since: 2, md: `
~~~markdown
## How I checked it
<!-- tests run, manual checks, what you ran against staging or a production-sized copy -->
~~~

The "Assisted" section is not a confession. It tells the reviewer where mistakes of a particular kind are likely.
` },
  ],
}

export const EARLY_PROMPT_NOTES: ModuleSpec = {
  slug: 'prompt-patterns-from-the-first-month',
  title: 'Prompt patterns from the experts\' first month',
  summary: 'The experts\' notes on phrasing tasks for Sonnet 4.5. Kept for reference; several patterns do not carry over to later models.',
  kind: 'REFERENCE', tags: [TAGS.prompting], audience: 'EXPERTS', minutes: 10, owner: 0, status: 'PUBLISHED',
  versions: [
    { day: 16, validatedOn: ['previous'], changelog: 'First version.' },
    { day: 34, validatedOn: ['previous'], changelog: 'Added the role-play pattern and the "ask before acting" pattern.' },
  ],
  sections: [
    { since: 1, md: `
# Prompt patterns from the first month

Notes from the experts' first weeks, on Sonnet 4.5. Each pattern says what it was for.

1. **Show one example of our style.** One real test from the repository did more than a page of rules.
2. **List the files.** Naming the three relevant files beat "look at the code base".
3. **Ask for a plan, approve it, then ask for the code.** Useful on multi-file changes.
` },
    { since: 2, md: `
4. **Give it a role.** "You are a senior reviewer in a payments team" made reviews noticeably stricter.
5. **Ask it to ask.** "Before writing code, ask me up to three questions" caught missing requirements.
` },
  ],
}
