import type { ModelKey } from '../models'
import type { Rng } from '../random'
import type { TeamSpec } from '../teams'
import { TOPICS_A, type Topic } from './fragments-a'
import { STORY_UPDATES, TOPICS_B, UPDATES } from './fragments-b'
import type { Audience, ModuleSpec, ModuleStatus, Section, TrainingKind, VersionSpec } from './types'

// The large scale's library: modules assembled from topic fragments for the organisation's own
// teams and services, with the same workflow history as the hand-written ones. Counts are exact:
// `versionTotal` versions over `count` modules.

const TOPICS: Topic[] = [...TOPICS_A, ...TOPICS_B]
const KINDS: TrainingKind[] = ['TASK_WALKTHROUGH', 'PROCESS', 'REFERENCE', 'SUCCESS_STORY', 'CAUTIONARY_STORY']
const MAX_VERSIONS = 9
/** Plan days: the previous model is validated on only before, the next one only from (see models.ts). */
const PREVIOUS_UNTIL = 28
const NEXT_FROM = 172
const LAST_DAY = 238
const MODEL_LABEL: Record<ModelKey, string> = { previous: 'Sonnet 4.5', current: 'Sonnet 4.6', small: 'Haiku 4.5', next: 'Opus 4.7' }

const kebab = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

interface Plan { status: ModuleStatus; versions: number; ageStale: boolean }

function planStatuses(rng: Rng, count: number, versionTotal: number): Plan[] {
  const plans: Plan[] = []
  for (let i = 0; i < count; i++) {
    const status = rng.weighted<ModuleStatus>([['PUBLISHED', 86], ['IN_REVIEW', 4], ['APPROVED', 2], ['DRAFT', 5], ['RETIRED', 3]])
    const neverPublished = (status === 'DRAFT' && rng.chance(0.5)) || ((status === 'IN_REVIEW' || status === 'APPROVED') && rng.chance(0.3))
    const ageStale = status === 'PUBLISHED' && rng.chance(0.04)
    const versions = neverPublished ? 0 : ageStale ? rng.int(1, 3) : rng.weighted([[1, 8], [2, 12], [3, 14], [4, 15], [5, 15], [6, 13], [7, 10], [8, 8], [9, 5]])
    plans.push({ status, versions, ageStale })
  }
  // Nudge the counts until they add up exactly.
  let diff = versionTotal - plans.reduce((n, p) => n + p.versions, 0)
  for (let pass = 0; diff !== 0 && pass < MAX_VERSIONS; pass++) {
    for (const p of plans) {
      if (diff === 0) break
      const cap = p.ageStale ? 3 : MAX_VERSIONS
      if (diff > 0 && p.versions > 0 && p.versions < cap) { p.versions++; diff-- }
      else if (diff < 0 && p.versions > 1) { p.versions--; diff++ }
    }
  }
  if (diff !== 0) throw new Error(`cannot spread ${versionTotal} training versions over ${count} generated modules`)
  return plans
}

/** `k` increasing plan days ending at `last`, at least eight days apart. */
function spreadDays(rng: Rng, k: number, last: number): number[] {
  const slack = last - 8 * (k - 1)
  const weights = Array.from({ length: k }, () => rng.next() + 0.05)
  const sum = weights.reduce((a, b) => a + b, 0)
  const days: number[] = []
  let day = Math.floor((slack * weights[0]) / sum)
  for (let i = 0; i < k; i++) {
    if (i > 0) day += 8 + Math.floor((slack * weights[i]) / sum / 2)
    days.push(Math.min(day, last - 8 * (k - 1 - i)))
  }
  days[k - 1] = last
  for (let i = k - 2; i >= 0; i--) days[i] = Math.min(days[i], days[i + 1] - 8)
  return days
}

function modelsOn(rng: Rng, day: number): ModelKey[] {
  if (day <= PREVIOUS_UNTIL) return rng.chance(0.6) ? ['previous'] : ['previous', 'small']
  if (day < NEXT_FROM) return rng.chance(0.85) ? ['current', 'small'] : ['current']
  return rng.weighted<ModelKey[]>([[['current', 'next'], 60], [['current', 'small'], 25], [['next'], 15]])
}

function fill(text: string, team: TeamSpec, service: string): string {
  return text.replace(/\{team\}/g, team.name).replace(/\{service\}/g, service)
}

function audienceFor(rng: Rng, kind: TrainingKind): Audience {
  if (rng.chance(0.08)) return 'EXPERTS'
  if (kind === 'PROCESS') return rng.chance(0.5) ? 'PILOT' : 'BROAD'
  if (kind === 'REFERENCE') return 'EVERYONE'
  return rng.weighted<Audience>([['EVERYONE', 50], ['BROAD', 30], ['PILOT', 20]])
}

export function generateModules(rng: Rng, count: number, versionTotal: number, teams: readonly TeamSpec[], taken: ReadonlySet<string>): ModuleSpec[] {
  const plans = planStatuses(rng.fork('plans'), count, versionTotal)
  const combos = TOPICS.length * KINDS.length * teams.length
  const slugs = new Set(taken)
  return plans.map((plan, i) => {
    const r = rng.fork(`module:${i}`)
    // A prime stride walks all topic x kind x team combinations without repeating one.
    const c = (i * 7919) % combos
    const topic = TOPICS[c % TOPICS.length]
    const kind = KINDS[Math.floor(c / TOPICS.length) % KINDS.length]
    const team = teams[Math.floor(c / (TOPICS.length * KINDS.length)) % teams.length]
    const service = team.services[r.int(0, team.services.length - 1)]
    const title =
      kind === 'TASK_WALKTHROUGH' ? `${topic.task} in ${service}`
        : kind === 'PROCESS' ? `${team.name}: ${topic.process}`
          : kind === 'REFERENCE' ? `${topic.reference} for ${team.name}`
            : kind === 'SUCCESS_STORY' ? `Success story: ${topic.success.title} (${team.name})`
              : `Cautionary story: ${topic.caution.title} (${team.name})`
    let slug = kebab(title)
    if (slugs.has(slug)) slug = `${slug}-${i + 1}`
    if (slugs.has(slug)) throw new Error(`generated training slug ${slug} is taken`)
    slugs.add(slug)

    const k = plan.versions
    const pendingStatus = plan.status === 'DRAFT' || plan.status === 'IN_REVIEW' || plan.status === 'APPROVED'
    const last = plan.ageStale ? r.int(30, 50) : r.int(100, pendingStatus || plan.status === 'RETIRED' ? 225 : LAST_DAY)
    const days = k ? spreadDays(r, k, last) : []
    const versions: VersionSpec[] = days.map((day, v) => ({ day, validatedOn: plan.ageStale && day > PREVIOUS_UNTIL ? ['current', 'small'] : modelsOn(r, day), changelog: '' }))
    const sections = bodySections(r, kind, topic, team, service, title, versions)
    for (const [v, spec] of versions.entries()) spec.changelog = v === 0 ? `First version, written with ${team.name}.` : sections.changelogs[v] ?? 'Re-validated; wording tightened.'
    const pendingDay = k ? r.int(last + 3, LAST_DAY) : r.int(100, LAST_DAY)
    const spec: ModuleSpec = {
      slug, title, kind, tags: topic.tags, audience: audienceFor(r, kind), owner: r.int(0, 9_999), status: plan.status, versions,
      summary: summaryFor(kind, topic, team, service),
      minutes: kind === 'TASK_WALKTHROUGH' ? r.int(4, 8) * 5 : kind === 'PROCESS' ? r.int(2, 4) * 5 : r.int(5, 10),
      sections: sections.list,
    }
    if (pendingStatus) {
      spec.sections.push({
        since: k + 1,
        md: pendingDay >= NEXT_FROM
          ? `## Being re-checked on ${MODEL_LABEL.next}\n\n${team.name} is re-running this page on the snapshot under evaluation. So far the outcome holds; the assistant needs fewer corrections and tries more changes nobody asked for.`
          : `## Open questions\n\n${team.name} is collecting what readers found unclear; the next version will answer the two most common questions.`,
      })
      spec.pending = {
        day: pendingDay, validatedOn: pendingDay >= NEXT_FROM ? ['current', 'next'] : ['current', 'small'],
        changesRequested: plan.status === 'DRAFT' && r.chance(0.2) ? 'Please add a failure case to the example before this goes out; readers will copy it as it is.' : undefined,
      }
    }
    if (plan.status === 'RETIRED') spec.retiredDay = r.int(last + 1, LAST_DAY)
    return spec
  })
}

function summaryFor(kind: TrainingKind, topic: Topic, team: TeamSpec, service: string): string {
  switch (kind) {
    case 'TASK_WALKTHROUGH': return `Walkthrough: ${topic.task.toLowerCase()} in ${service}, step by step, with the checks ${team.name} makes before merging.`
    case 'PROCESS': return `The process ${team.name} follows: ${topic.process}, and what stays a human decision.`
    case 'REFERENCE': return `${topic.reference} used by ${team.name}, kept short enough to have open next to the work.`
    case 'SUCCESS_STORY': return `${team.name}: ${topic.success.title}. What they did, and what the tools did not do for them.`
    default: return `${team.name}: ${topic.caution.title}. What happened, why the checks missed it, and what changed.`
  }
}

function bodySections(r: Rng, kind: TrainingKind, topic: Topic, team: TeamSpec, service: string, title: string, versions: VersionSpec[]) {
  const f = (t: string) => fill(t, team, service)
  const list: Section[] = [{ since: 1, md: `# ${title}\n\n${f(topic.intro)}` }]
  const changelogs: string[] = []
  const k = versions.length
  const dropped = new Set([r.int(0, 6), r.int(0, 6)])
  const steps = topic.steps.filter((_, s) => !dropped.has(s)).slice(0, 5).map(f)
  const correctAt = k >= 2 && r.chance(0.5) ? r.int(2, k) : 0
  const numbered = (items: string[]) => items.map((s, n) => `${n + 1}. ${s}`).join('\n')
  if (kind === 'SUCCESS_STORY' || kind === 'CAUTIONARY_STORY') {
    const story = kind === 'SUCCESS_STORY' ? topic.success : topic.caution
    list.push({ since: 1, md: `## What happened\n\n${f(story.text)}` })
    list.push(kind === 'SUCCESS_STORY'
      ? { since: 1, md: `## The steps they followed\n\n${steps.slice(0, 3).map((s) => `- ${s}`).join('\n')}\n\n## What it did not do\n\nIt did not replace review: every change still went through a colleague who could explain it.` }
      : { since: 1, md: `## What we changed\n\n${topic.checks.map((s) => `- ${f(s)}`).join('\n')}\n\nNobody did anything unusual. The default way of working produced this, so the default changed.` })
  } else {
    const heading = kind === 'REFERENCE' ? '## Quick reference' : kind === 'PROCESS' ? '## How we do it' : '## Steps'
    if (correctAt) {
      const before = [...steps.slice(0, 2), f(topic.correction[0]), ...steps.slice(2)]
      const after = [...steps.slice(0, 2), f(topic.correction[1]), ...steps.slice(2)]
      list.push({ since: 1, until: correctAt, md: `${heading}\n\n${numbered(before)}` }, { since: correctAt, md: `${heading}\n\n${numbered(after)}` })
      changelogs[correctAt - 1] = 'Step 3 corrected after re-checking it on the current snapshot.'
    } else {
      list.push({ since: 1, md: `${heading}\n\n${numbered(steps)}` })
    }
    const code = topic.code[r.int(0, topic.code.length - 1)]
    list.push({ since: k >= 3 && r.chance(0.3) ? 2 : 1, md: `## Example\n\n\`\`\`${code.lang}\n${f(code.text)}\n\`\`\`` })
    list.push({ since: 1, md: `## ${kind === 'PROCESS' ? 'How we know it works' : 'Before you merge'}\n\n${topic.checks.map((s) => `- ${f(s)}`).join('\n')}` })
  }
  const pool = kind === 'SUCCESS_STORY' || kind === 'CAUTIONARY_STORY' ? STORY_UPDATES : UPDATES
  const offset = title.length
  const used = new Set<number>()
  for (let v = 2; v <= k; v++) {
    if (v === correctAt) continue
    const newest = MODEL_LABEL[versions[v - 1].validatedOn.includes('next') ? 'next' : versions[v - 1].validatedOn[0]]
    // The next unused update that fits this version's date (no pilot questions before the pilot).
    let pick = -1
    for (let n = 0; n < pool.length && pick < 0; n++) {
      const j = (n + offset) % pool.length
      if (!used.has(j) && (pool[j].from ?? 0) <= versions[v - 1].day) pick = j
    }
    if (pick >= 0) {
      used.add(pick)
      const update = pool[pick]
      const heading = update.heading.replace(/\{model\}/g, newest)
      list.push({ since: v, md: `## ${heading}\n\n${f(update.text.replace(/\{model\}/g, newest))}` })
      changelogs[v - 1] = `Added "${heading}".`
    } else {
      // Nothing new to say: a re-check still leaves a dated line, so that versions differ.
      const story = pool === STORY_UPDATES
      list.push({ since: v, until: v < k ? v + 1 : undefined, md: `_Re-checked for version ${v} on ${newest}; ${story ? 'the account above still holds' : 'the steps above still hold'}._` })
      changelogs[v - 1] = `Re-checked on ${newest}; no change to the ${story ? 'text' : 'steps'}.`
    }
  }
  return { list, changelogs }
}
