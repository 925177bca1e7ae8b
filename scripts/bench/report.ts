import { mkdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { BenchConfig } from './config'
import type { Dataset } from './database'
import type { Measurement } from './load'

// The printed table, the PASS/FAIL lines and bench-results/latest.json.

export interface Skipped {
  key: string
  name: string
  reason: string
}

export interface Verdict {
  target: string
  scenario: string
  limitMs: number
  p95Ms: number | null
  status: 'PASS' | 'FAIL' | 'NOT MEASURED'
  detail: string
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(x < 10 ? 2 : 1) : '-')
const cpuMs = (x: number | null) => (x === null ? '-' : x.toFixed(2))
const ratio = (x: number, floor: number) => (Number.isFinite(x) && floor > 0 ? `${(x / floor).toFixed(1)}x` : '-')

function table(header: string[], rows: string[][], leftColumns = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
  const line = (cells: string[]) => cells.map((c, i) => (i < leftColumns ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

export function resultsTable(results: Measurement[], floor: Measurement | undefined): string {
  const header = ['scenario', 'conns', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'p50/floor', 'p95/floor', 'cpu app', 'cpu db']
  const rows = results.map((m) => [
    m.name, String(m.connections), String(m.count), m.rps.toFixed(0), ms(m.p50), ms(m.p95), ms(m.p99), ms(m.max),
    String(m.errors), String(m.non2xx), ratio(m.p50, floor?.p50 ?? 0), ratio(m.p95, floor?.p95 ?? 0),
    cpuMs(m.serverCpuMsPerRequest), cpuMs(m.dbCpuMsPerRequest),
  ])
  return table(header, rows)
}

/** The slowest paths of a scenario under load, with their single-connection time beside them. */
export function pathTable(loaded: Measurement, single: Measurement | undefined, top = 8): string {
  const alone = new Map(single?.byPath.map((p) => [p.path, p]) ?? [])
  const rows = [...loaded.byPath]
    .filter((p) => p.count > 0)
    .sort((a, b) => b.p95 - a.p95)
    .slice(0, top)
    .map((p) => [decodeURIComponent(p.path), String(p.count), ms(p.p50), ms(p.p95), ms(alone.get(p.path)?.p50 ?? Number.NaN)])
  return table(['path (slowest first)', 'n', 'p50 ms', 'p95 ms', '1-conn p50 ms'], rows)
}

function non2xxCodes(m: Measurement): string {
  const codes = Object.entries(m.statusCodes).filter(([c]) => !c.startsWith('2'))
  return codes.length ? ` (${codes.map(([c, n]) => `${n}x HTTP ${c}`).join(', ')})` : ''
}

export function judge(key: string, target: string, limitMs: number, results: Measurement[], skipped: Skipped[]): Verdict {
  const m = results.find((r) => r.key === key)
  if (!m) {
    const why = skipped.find((s) => s.key === key)?.reason ?? 'not run'
    return { target, scenario: key, limitMs, p95Ms: null, status: 'NOT MEASURED', detail: why }
  }
  const failures = m.errors + m.non2xx
  const fast = m.p95 <= limitMs
  const status = fast && failures === 0 ? 'PASS' : 'FAIL'
  const detail =
    `p95 ${ms(m.p95)} ms ${fast ? '<=' : '>'} ${limitMs} ms (p50 ${ms(m.p50)}, p99 ${ms(m.p99)}, ${m.rps.toFixed(0)} req/s at ${m.connections} connections)` +
    (failures ? `; ${m.errors} connection errors, ${m.non2xx} non-2xx responses${non2xxCodes(m)} (see the server log)` : '')
  return { target, scenario: m.name, limitMs, p95Ms: m.p95, status, detail }
}

/** A target that is not a p95: a ratio, a rate, a size. `value` null: not measured. */
export function verdict(target: string, scenario: string, value: number | null, pass: boolean, detail: string): Verdict {
  return { target, scenario, limitMs: Number.NaN, p95Ms: value, status: value === null || !Number.isFinite(value) ? 'NOT MEASURED' : pass ? 'PASS' : 'FAIL', detail }
}

export function verdictLine(v: Verdict): string {
  return `${v.status.padEnd(12)} ${v.target}: ${v.detail}`
}

export function writeResults(cfg: BenchConfig, data: {
  dataset: Dataset
  results: Measurement[]
  singleConnection: Measurement[]
  skipped: Skipped[]
  verdicts: Verdict[]
  notes: string[]
  startedAt: Date
  extra?: Record<string, unknown>
}): string {
  mkdirSync(cfg.resultsDir, { recursive: true })
  const file = path.join(cfg.resultsDir, 'latest.json')
  const cpus = os.cpus()
  const floor = data.results.find((r) => r.key === 'floor')
  const body = {
    date: new Date().toISOString(),
    startedAt: data.startedAt.toISOString(),
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    settings: { connections: cfg.connections, seconds: cfg.seconds, warmupSeconds: cfg.warmupSeconds, profileSeconds: cfg.profileSeconds },
    dataset: data.dataset,
    results: data.results.map((m) => ({ ...m, p50VsFloor: floor ? m.p50 / floor.p50 : null, p95VsFloor: floor ? m.p95 / floor.p95 : null })),
    singleConnection: data.singleConnection,
    skipped: data.skipped,
    targets: data.verdicts,
    notes: data.notes,
    ...data.extra,
  }
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`)
  return file
}
