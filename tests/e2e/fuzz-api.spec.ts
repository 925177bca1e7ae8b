import fc from 'fast-check'
import { expect, test, type APIRequestContext } from '@playwright/test'
import { tokenFor } from './support'
import pg from 'pg'
import { DIGEST_EXCLUDED, STACK_TRACE, databaseDigester, demoIds, digestDiff, e2eDatabaseUrl, type DemoIds } from './security-support'

// Property-based input tests (issue 8, Inputs): every mutating operation of the OpenAPI document
// (generated from the zod schemas the handlers validate with) is driven through the real server
// with an admin WRITE token, with bodies generated from its schema (valid-ish) and as hostile junk,
// and with junk path parameters (malformed percent escapes included). Properties: never a 5xx,
// every refusal has the documented error shape, and a refused request changes nothing in the
// database (a whole-database fingerprint before and after). Seeded: a failure prints the seed and
// the path to replay it (FUZZ_SEED=<n> reruns the same requests). Bounded by FUZZ_BUDGET_MS. A
// developer's run explores a new seed each time; CI uses a fixed seed so a landing is never decided
// by chance (run FUZZ_SEED=random to explore there too).
//
// It runs alone (the get-crawl project, after every other spec): it compares whole-database
// fingerprints, and the valid-ish bodies it sends do create rows.

const FIXED_SEED = 20_261_125
const SEED = process.env.FUZZ_SEED && process.env.FUZZ_SEED !== 'random'
  ? Number(process.env.FUZZ_SEED)
  : process.env.CI && process.env.FUZZ_SEED !== 'random' ? FIXED_SEED : Date.now() % 2 ** 31
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 40_000)
// Tables that move on their own while the fuzzer runs: the webhook outbox delivers in the background,
// sessions and tokens note their last use.
const EXCLUDED = new Set([...DIGEST_EXCLUDED, 'WebhookDelivery', 'AuthSession', 'IdempotencyKey'])

type JsonSchema = {
  $ref?: string
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  prefixItems?: JsonSchema[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  format?: string
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minItems?: number
  maxItems?: number
  additionalProperties?: boolean | JsonSchema
  default?: unknown
}

interface Parameter { name: string; in: 'path' | 'query' | 'header'; schema?: JsonSchema; required?: boolean }
interface Operation { method: string; path: string; params: Parameter[]; body?: JsonSchema; contentType?: string }

let doc: { paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } }
let ids: DemoIds
let token: string

function resolve(s: JsonSchema | undefined, depth = 0): JsonSchema {
  if (!s) return {}
  if (s.$ref && depth < 20) {
    const name = s.$ref.replace('#/components/schemas/', '')
    return resolve(doc.components?.schemas?.[name], depth + 1)
  }
  return s
}

function operations(): Operation[] {
  const out: Operation[] = []
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['post', 'put', 'patch', 'delete'].includes(method)) continue
      const content = op.requestBody?.content ?? {}
      const contentType = Object.keys(content)[0]
      out.push({ method: method.toUpperCase(), path, params: op.parameters ?? [], body: contentType ? resolve(content[contentType]?.schema) : undefined, contentType })
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`))
}

// ---- generators -------------------------------------------------------------------------------

const NASTY_STRINGS = [
  '', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ufeff', '\u202e', '𝕏'.repeat(40), '%', '%zz', '%E0%A4%A', '\\', "'", '"', "' OR 1=1 --",
  "%' ;DROP TABLE \"User\"; --", '${7*7}', '{{7*7}}', '<script>alert(1)</script>', '__proto__', 'constructor', 'toString', 'null', 'undefined',
  'NaN', 'Infinity', '-0', '1e308', '1e309', '-1e309', '9007199254740993', '0x10', '2026-02-30', '0000-00-00', '9999-12-31T23:59:60Z', 'true',
  '../../etc/passwd', 'javascript:alert(1)', 'http://169.254.169.254/latest', 'a'.repeat(5000),
]
const NASTY_NUMBERS = [0, -0, -1, 1.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MIN_VALUE, 123456789012345]

const nastyString = fc.oneof(fc.constantFrom(...NASTY_STRINGS), fc.string({ maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.constantFrom(2_000, 70_000, 400_001).map((n) => 'x'.repeat(n)))
const nastyScalar: fc.Arbitrary<unknown> = fc.oneof(nastyString, fc.constantFrom<unknown>(...NASTY_NUMBERS, true, false, null), fc.double(), fc.integer())

/** Deeply nested arrays/objects, as JSON text (built as text: stringifying it would overflow here). */
const deep = fc.constantFrom(50, 500, 5000, 50_000).map((n) => {
  let open = ''
  let close = ''
  for (let i = 0; i < n; i++) {
    open += i % 2 ? '[' : '{"a":'
    close = (i % 2 ? ']' : '}') + close
  }
  return `${open}1${close}`
})

const protoKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf')

const junkValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    nastyScalar,
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(protoKeys, fc.string({ maxLength: 8 })), tie('v'), { maxKeys: 4 }),
  ),
})).v

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...(s.enum as string[]))
  switch (s.format) {
    case 'uuid':
      return fc.oneof(fc.uuid({ version: 4 }), fc.constant(ids.changeId), fc.constant(ids.cohortId), fc.constant(ids.findingId), fc.constant(ids.surveyId), fc.constant(ids.modelId))
    case 'date':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))
    case 'date-time':
      return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString())
    case 'email':
      return fc.constantFrom('dev@example.com', 'expert@example.com', 'nobody@example.com')
    case 'uri':
    case 'url':
      return fc.constantFrom('https://hooks.example.com/x', 'http://127.0.0.1:1/x', 'https://example.com/a?b=c')
  }
  const min = s.minLength ?? 0
  const max = Math.min(s.maxLength ?? 60, 200)
  return fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max) })
}

function numberFor(s: JsonSchema, integer: boolean): fc.Arbitrary<number> {
  const lo = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000)
  const hi = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 100_000)
  if (integer) return fc.integer({ min: Math.ceil(Math.max(lo, -2_000_000_000)), max: Math.floor(Math.min(hi, 2_000_000_000)) })
  return fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true })
}

/** A value the schema describes (valid-ish: formats and patterns are approximated). */
function fromSchema(raw: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(raw)
  if (depth > 6) return fc.constant(null)
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const alts = s.anyOf ?? s.oneOf
  if (alts?.length) return fc.oneof(...alts.map((x) => fromSchema(x, depth + 1)))
  if (s.allOf?.length) return fromSchema(s.allOf[0], depth + 1)
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') ?? 'null' : s.type ?? (s.properties ? 'object' : undefined)
  switch (type) {
    case 'string':
      return stringFor(s)
    case 'integer':
      return numberFor(s, true)
    case 'number':
      return numberFor(s, false)
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.array(fromSchema(s.items, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 6) })
    case 'object': {
      const props = s.properties ?? {}
      const required = new Set(s.required ?? [])
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, depth + 1)
      return fc.record(model, { requiredKeys: [...required].filter((k) => k in props) })
    }
    default:
      return junkValue
  }
}

/** Start from a valid-ish body and break one thing: a wrong type, a huge or hostile string, an extra prototype key. */
function mutated(s: JsonSchema | undefined): fc.Arbitrary<unknown> {
  return fc.tuple(fromSchema(s), fc.nat(), junkValue, protoKeys, fc.nat(3)).map(([body, pick, junk, proto, how]) => {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return junk
    const copy: Record<string, unknown> = { ...(body as Record<string, unknown>) }
    const keys = Object.keys(copy)
    if (how === 0 && keys.length) copy[keys[pick % keys.length]] = junk
    else if (how === 1) Object.defineProperty(copy, proto, { value: junk, enumerable: true, configurable: true, writable: true })
    else if (how === 2 && keys.length) delete copy[keys[pick % keys.length]]
    else copy[keys.length ? keys[pick % keys.length] : 'x'] = NASTY_STRINGS[pick % NASTY_STRINGS.length]
    return copy
  })
}

/** Raw request bodies that are not even JSON, or JSON a zod schema never sees the like of. */
const rawBodies = fc.oneof(
  fc.constantFrom('', '{', '[', 'null', '"x"', '1e309', '{"a":1,"a":2}', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\u0000', '\ud800', '[]', '{}', 'NaN'),
  deep,
  fc.string({ unit: 'binary', maxLength: 200 }),
)

const pathJunk = fc.oneof(
  fc.constantFrom('%', '%zz', '%E0%A4%A', '%C0%AF', '%00', '%2F', 'a%', '%%', '%u0041', '%ff%fe', ' ', "'", '%27%20OR%201%3D1', 'x'.repeat(3000), '-0', '1e309', 'NaN', '__proto__', 'constructor'),
  fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)),
  fc.uuid({ version: 4 }),
)

interface Case { op: Operation; path: string; query: string; body: { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } }

function caseFor(ops: Operation[]): fc.Arbitrary<Case> {
  return fc.nat(ops.length - 1).chain((i) => {
    const op = ops[i]
    const pathParams = op.params.filter((p) => p.in === 'path')
    const segments = fc.tuple(...pathParams.map((p) => fc.oneof({ weight: 2, arbitrary: pathJunk }, { weight: 1, arbitrary: fromSchema(p.schema).map((v) => encodeURIComponent(String(v))) }), ...[fc.constant('')]))
    const body = fc.oneof(
      { weight: 3, arbitrary: fromSchema(op.body).map((value) => ({ kind: 'json' as const, value })) },
      { weight: 3, arbitrary: mutated(op.body).map((value) => ({ kind: 'json' as const, value })) },
      { weight: 2, arbitrary: junkValue.map((value) => ({ kind: 'json' as const, value })) },
      { weight: 1, arbitrary: rawBodies.map((text) => ({ kind: 'raw' as const, text })) },
    )
    const query = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom('?%', '?a=%zz', '?cohortId=%E0%A4%A', '?__proto__[x]=1', '?days=1e309', '?limit=-1&limit=2') })
    return fc.tuple(segments, body, query).map(([segs, b, q]) => {
      let path = op.path
      pathParams.forEach((p, k) => (path = path.replace(`{${p.name}}`, segs[k] as string)))
      return { op, path, query: q, body: b }
    })
  })
}

// ---- the properties ----------------------------------------------------------------------------

interface Outcome { status: number; body: string; contentType: string }

async function send(api: APIRequestContext, c: Case): Promise<Outcome> {
  const data = c.body.kind === 'json' ? JSON.stringify(c.body.value) ?? 'null' : c.body.text
  const res = await api.fetch(c.path + c.query, { method: c.op.method, data, headers: { 'Content-Type': 'application/json' }, maxRedirects: 0, failOnStatusCode: false })
  return { status: res.status(), body: await res.text(), contentType: res.headers()['content-type'] ?? '' }
}

function errorShapeProblem(o: Outcome): string | null {
  if (!o.contentType.includes('application/json')) return `content-type ${o.contentType}`
  let parsed: unknown
  try {
    parsed = JSON.parse(o.body)
  } catch {
    return 'body is not JSON'
  }
  const err = (parsed as { error?: { code?: unknown; message?: unknown; fields?: unknown } }).error
  if (!err || typeof err.code !== 'string' || !/^[A-Z_]+$/.test(err.code) || typeof err.message !== 'string') return `not {"error":{"code","message"}}: ${o.body.slice(0, 200)}`
  if (err.fields !== undefined && (typeof err.fields !== 'object' || err.fields === null || Array.isArray(err.fields))) return 'fields is not an object'
  if (STACK_TRACE.test(o.body)) return 'a stack trace or server path in the body'
  return null
}

function describeCase(c: Case): string {
  const body = c.body.kind === 'json' ? JSON.stringify(c.body.value) ?? 'undefined' : `raw ${JSON.stringify(c.body.text)}`
  return `${c.op.method} ${c.path}${c.query} body=${body.length > 300 ? `${body.slice(0, 300)}… (${body.length} chars)` : body}`
}

test.describe('API fuzzing @alone', () => {
  test.beforeAll(async ({ playwright }) => {
    const anon = await playwright.request.newContext()
    doc = await (await anon.get('/api/v1/openapi.json')).json()
    await anon.dispose()
    ids = await demoIds()
    token = tokenFor('admin@example.com', '--name', 'fuzz-api')
  })

  test('every mutating operation: no 5xx, the documented error shape, no write when refused', async ({ playwright }) => {
    test.setTimeout(BUDGET_MS + 120_000)
    const ops = operations()
    expect(ops.length, 'mutating operations in the OpenAPI document').toBeGreaterThan(20)
    const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` }, timeout: 30_000 })
    const seen = new Map<string, number>()
    const statuses = new Map<number, number>()
    console.log(`fuzz-api: seed ${SEED} (FUZZ_SEED=${SEED} replays), ${ops.length} operations, budget ${BUDGET_MS} ms`)
    const db = new pg.Client({ connectionString: e2eDatabaseUrl() })
    await db.connect()
    const digest = await databaseDigester(db, EXCLUDED)
    const property = fc.asyncProperty(caseFor(ops), async (c) => {
      const before = await digest()
      const o = await send(api, c)
      statuses.set(o.status, (statuses.get(o.status) ?? 0) + 1)
      seen.set(`${c.op.method} ${c.op.path}`, (seen.get(`${c.op.method} ${c.op.path}`) ?? 0) + 1)
      if (o.status >= 500) throw new Error(`${o.status} for ${describeCase(c)}: ${o.body.slice(0, 300)}`)
      if (o.status >= 400) {
        const problem = errorShapeProblem(o)
        if (problem) throw new Error(`${o.status} with a bad error shape (${problem}) for ${describeCase(c)}`)
        const diff = digestDiff(before, await digest())
        if (diff.length) throw new Error(`refused (${o.status}) but the database changed (${diff.join('; ')}) for ${describeCase(c)}`)
      }
    })
    const started = Date.now()
    const result = await fc.check(property, { seed: SEED, numRuns: 100_000, interruptAfterTimeLimit: BUDGET_MS, markInterruptAsFailure: false, endOnFailure: true })
    await api.dispose()
    await db.end()
    const total = [...statuses.values()].reduce((a, b) => a + b, 0)
    console.log(`fuzz-api: ${total} requests in ${Date.now() - started} ms; statuses ${JSON.stringify(Object.fromEntries(statuses))}; operations hit ${seen.size}/${ops.length}`)
    if (result.failed) {
      throw new Error(`fuzz-api failed (seed ${result.seed}, path "${result.counterexamplePath}"): ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}`)
    }
    expect(seen.size, 'operations reached within the budget').toBe(ops.length)
  })

  test('malformed percent escapes in any dynamic segment or query: 4xx JSON, never a 500', async ({ playwright }) => {
    const ops = operations()
    const api = await playwright.request.newContext({ extraHTTPHeaders: { Authorization: `Bearer ${token}` } })
    const failures: string[] = []
    const dynamic = [...new Set(Object.keys(doc.paths).filter((p) => p.includes('{')))]
    for (const template of dynamic) {
      for (const bad of ['%', '%zz', '%E0%A4%A', 'a%2', '%C0%80']) {
        const path = template.replace(/\{[^}]+\}/g, bad)
        for (const method of ['GET', ...new Set(ops.filter((o) => o.path === template).map((o) => o.method))]) {
          const res = await api.fetch(path, { method, data: method === 'GET' ? undefined : '{}', headers: { 'Content-Type': 'application/json' }, maxRedirects: 0 })
          const o = { status: res.status(), body: await res.text(), contentType: res.headers()['content-type'] ?? '' }
          if (o.status >= 500) failures.push(`${method} ${path}: ${o.status}`)
          else if (o.status >= 400 && o.status !== 405) {
            const problem = errorShapeProblem(o)
            if (problem) failures.push(`${method} ${path}: ${o.status} ${problem}`)
          }
        }
      }
    }
    await api.dispose()
    expect(failures).toEqual([])
  })
})
