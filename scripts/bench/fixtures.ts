import { insertApiToken } from '@/lib/auth/token-store'
import { createPrismaClient } from '@/lib/database/client'
import { demoPassword } from '@/lib/env'

// What the load needs from the seeded data: a developer (token and session), published module
// slugs, popular tags, and the rotating set of search requests.

export interface Fixtures {
  developer: { email: string; hasPassword: boolean }
  token: string
  slugs: string[]
  tags: string[]
  /** Words of published titles, for queries that never repeat. */
  words: string[]
}

/** A developer account (one with the demo password, so the HTML page can be signed in), a READ
 *  token for it valid one day, and a deterministic sample of published modules. */
export async function loadFixtures(url: string, sampleSize = 64): Promise<Fixtures> {
  const { client: prisma, close } = createPrismaClient(url, 2)
  try {
    const select = { id: true, email: true } as const
    const withPassword = await prisma.user.findFirst({ where: { role: 'DEVELOPER', active: true, passwordHash: { not: null } }, orderBy: { email: 'asc' }, select })
    const dev = withPassword ?? (await prisma.user.findFirst({ where: { role: 'DEVELOPER', active: true }, orderBy: { email: 'asc' }, select }))
    if (!dev) throw new Error('the bench database has no active developer account')
    const { token } = await insertApiToken(prisma, { id: null, email: 'bench' }, {
      userId: dev.id,
      name: 'npm run bench',
      scope: 'READ',
      expiresAt: new Date(Date.now() + 86_400_000),
    })
    // md5 order: a spread over the whole table that is the same on every run.
    const slugs = await prisma.$queryRaw<Array<{ slug: string }>>`
      SELECT slug FROM "TrainingModule" WHERE "latestVersion" > 0 AND "retiredAt" IS NULL ORDER BY md5(slug) LIMIT ${sampleSize}`
    const tags = await prisma.$queryRaw<Array<{ tag: string }>>`
      SELECT t AS tag FROM "TrainingModule" m, unnest(m.tags) t
      WHERE m."latestVersion" > 0 AND m."retiredAt" IS NULL GROUP BY t ORDER BY count(*) DESC, t LIMIT 3`
    const words = await prisma.$queryRaw<Array<{ word: string }>>`
      SELECT word FROM (SELECT DISTINCT lower(w) AS word FROM "TrainingModuleVersion" v, regexp_split_to_table(v.title, '[^[:alnum:]]+') w WHERE length(w) >= 4) x
      ORDER BY md5(word) LIMIT 400`
    return {
      developer: { email: dev.email, hasPassword: Boolean(withPassword) },
      token,
      slugs: slugs.map((s) => s.slug),
      tags: tags.map((t) => t.tag),
      words: words.map((w) => w.word),
    }
  } finally {
    await close()
  }
}

/** What people type: prefixes as they type, a typo, several words, filters alone and combined,
 *  the quick finder's short page. */
export function searchPaths(tags: string[]): string[] {
  const q = (params: Record<string, string>) => `/api/v1/training?${new URLSearchParams(params)}`
  const [tag1 = 'testing', tag2 = 'review'] = tags
  return [
    q({ q: 'refac' }),
    q({ q: 'review' }),
    q({ q: 'incident' }),
    q({ q: 'test' }),
    q({ q: 'refactr' }),
    q({ q: 'rev', pageSize: '8' }),
    q({ q: 'code review checklist' }),
    q({ q: 'debug production incident' }),
    q({ q: 'write tests for legacy code' }),
    q({ q: 'model upgrade' }),
    q({ q: 'incdent' }),
    q({ q: 'test', kind: 'CAUTIONARY_STORY' }),
    q({ kind: 'TASK_WALKTHROUGH' }),
    q({ tag: tag1 }),
    q({ q: 'review', tag: tag2 }),
    q({ freshness: 'stale' }),
    q({ q: 'incident', freshness: 'fresh' }),
    q({ q: 'refactoring legacy', kind: 'TASK_WALKTHROUGH' }),
    q({ q: 'test', stage: 'PILOT' }),
    q({}),
  ]
}

/** Queries that do not repeat within a run (as far as the title vocabulary allows): a word being
 *  typed (3 letters up to the whole word), or a whole word and the start of another. What a
 *  results cache cannot help with. */
export function distinctSearchPaths(words: string[], wanted = 30_000): string[] {
  const seen = new Set<string>()
  const n = words.length
  if (n === 0) return []
  for (let i = 0; seen.size < wanted && i < wanted * 4; i++) {
    const a = words[i % n]
    const b = words[(i * 7 + 3 + Math.floor(i / n)) % n]
    const cut = 3 + (Math.floor(i / n) % 5)
    const q = i % 3 === 0 ? a.slice(0, cut) : `${a} ${b.slice(0, cut)}`
    seen.add(q)
  }
  return [...seen].map((q) => `/api/v1/training?${new URLSearchParams({ q })}`)
}

function cookiesFrom(res: Response): Map<string, string> {
  const jar = new Map<string, string>()
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';')
    const eq = pair.indexOf('=')
    if (eq > 0) jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim())
  }
  return jar
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ')

/** Signs in through next-auth's credentials provider, as the sign-in form does; returns the
 *  Cookie header carrying the session. */
export async function signIn(baseUrl: string, email: string, password = demoPassword()): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`)
  if (!csrfRes.ok) throw new Error(`GET /api/auth/csrf answered ${csrfRes.status}`)
  const jar = cookiesFrom(csrfRes)
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string }
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true', callbackUrl: `${baseUrl}/training` }),
  })
  for (const [k, v] of cookiesFrom(res)) jar.set(k, v)
  const session = [...jar.keys()].find((k) => k === 'next-auth.session-token' || k.startsWith('next-auth.session-token.'))
  if (!session) throw new Error(`signing in as ${email} gave no session cookie (HTTP ${res.status}); is the password '${password}'?`)
  const check = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie: cookieHeader(jar) } })).json()) as { userId?: string }
  if (!check.userId) throw new Error(`signed in as ${email}, but /api/auth/session does not know the session`)
  // Only the session matters for page requests; the CSRF cookie is for next-auth's own forms.
  return cookieHeader(new Map([...jar].filter(([k]) => k.startsWith('next-auth.session-token'))))
}
