import { readFileSync } from 'node:fs'
import { TARGETS } from './config'
import { childPids } from './cpu'
import type { Measurement } from './load'
import { judge, verdict, type Skipped, type Verdict } from './report'

// Issue 8's part of the bench: every main page and API against the framework's floors, the
// server's peak memory, and Lighthouse scores of the five main pages.

/** The main pages and APIs issue 8 names, by scenario key (see bench.ts for their requests). */
export const MAIN_SCENARIOS = ['dash-cohort', 'search', 'page', 'rollout', 'models'] as const

/** A memory line of /proc/<pid>/status (Linux), in bytes; null when unknown. */
function statusBytes(pid: number | undefined, field: 'VmHWM' | 'VmRSS'): number | null {
  if (!pid) return null
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) * 1024 : null
  } catch {
    return null
  }
}

/** Peak resident memory so far (VmHWM) of a server: its process plus its workers when clustered
 *  (the sum of each process's peak, an upper bound of the whole's). */
export function peakMemoryBytes(pid: number | undefined): number | null {
  const own = statusBytes(pid, 'VmHWM')
  if (own === null || !pid) return own
  return childPids(pid).reduce((sum, child) => sum + (statusBytes(child, 'VmHWM') ?? 0), own)
}

/** p95 <= 60 ms and throughput >= 0.8x the no-database page, for each main page and API. */
export function platformVerdicts(results: Measurement[], skipped: Skipped[]): Verdict[] {
  const pageFloor = results.find((r) => r.key === 'page-floor')
  const out: Verdict[] = []
  for (const key of MAIN_SCENARIOS) {
    const m = results.find((r) => r.key === key)
    const name = m?.name ?? key
    out.push(judge(key, `${name}: p95 <= ${TARGETS.mainP95Ms} ms`, TARGETS.mainP95Ms, results, skipped))
    if (m && pageFloor) {
      const r = m.rps / pageFloor.rps
      const cpu = m.serverCpuMsPerRequest !== null && pageFloor.serverCpuMsPerRequest !== null
        ? `; app CPU per request ${m.serverCpuMsPerRequest.toFixed(2)} vs ${pageFloor.serverCpuMsPerRequest.toFixed(2)} ms`
        : ''
      out.push(verdict(`${name}: throughput >= ${TARGETS.dashboardVsFloor}x the no-database page`, name, r, r >= TARGETS.dashboardVsFloor,
        `${m.rps.toFixed(0)} / ${pageFloor.rps.toFixed(0)} req/s = ${r.toFixed(2)}x${cpu}`))
    } else {
      out.push(verdict(`${name}: throughput >= ${TARGETS.dashboardVsFloor}x the no-database page`, name, null, false, 'not measured'))
    }
  }
  return out
}

export interface LighthouseScore {
  page: string
  path: string
  performance: number | null
  accessibility: number | null
  error?: string
}

/**
 * Lighthouse (desktop preset) against the system Chromium for each page, signed in with the given
 * cookie. Scores are 0-100. Runs one page at a time, after the load, on a quiet server.
 */
export async function lighthouseScores(
  baseUrl: string,
  pages: Array<{ page: string; path: string; cookie: string | null }>,
  log: (m: string) => void,
): Promise<LighthouseScore[]> {
  const { default: lighthouse } = await import('lighthouse')
  const desktop = (await import('lighthouse/core/config/desktop-config.js')).default
  const chromeLauncher = await import('chrome-launcher')
  const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium'
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    logLevel: 'silent',
  })
  const scores: LighthouseScore[] = []
  try {
    for (const p of pages) {
      log(`lighthouse: ${p.page} (${p.path})`)
      try {
        const result = await lighthouse(`${baseUrl}${p.path}`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance', 'accessibility'],
          extraHeaders: p.cookie ? { cookie: p.cookie } : undefined,
        }, desktop)
        const lhr = result?.lhr
        const score = (c: string) => {
          const s = lhr?.categories[c]?.score
          return typeof s === 'number' ? Math.round(s * 100) : null
        }
        const finalPath = lhr ? new URL(lhr.finalDisplayedUrl).pathname : ''
        const redirected = lhr && finalPath !== new URL(`${baseUrl}${p.path}`).pathname
        scores.push({
          page: p.page,
          path: p.path,
          performance: score('performance'),
          accessibility: score('accessibility'),
          error: lhr?.runtimeError?.message ?? (redirected ? `ended on ${finalPath} (not signed in?)` : undefined),
        })
      } catch (err) {
        scores.push({ page: p.page, path: p.path, performance: null, accessibility: null, error: err instanceof Error ? err.message : String(err) })
      }
    }
  } finally {
    chrome.kill()
  }
  return scores
}
