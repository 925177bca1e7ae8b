import autocannon from 'autocannon'

// Closed-loop load with autocannon: N connections, each sending its next request as soon as the
// previous answer arrives, the paths taken in turn from a rotating list. Every response time is
// kept, so percentiles are exact (autocannon's own histogram has no p95).

export interface Scenario {
  key: string
  name: string
  paths: string[]
  headers: Record<string, string>
}

export interface LatencyStats {
  count: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export interface Measurement extends LatencyStats {
  key: string
  name: string
  connections: number
  seconds: number
  /** Completed responses per second. */
  rps: number
  errors: number
  timeouts: number
  non2xx: number
  statusCodes: Record<string, number>
  /** The same figures per path (a search term, a module). */
  byPath: Array<{ path: string } & LatencyStats>
  /** Share of the machine's CPUs busy with other work just before this measurement (null: unknown). */
  otherCpuBefore: number | null
  /** CPU milliseconds per completed request: the app server's Node process, and PostgreSQL (null: unknown). */
  serverCpuMsPerRequest: number | null
  dbCpuMsPerRequest: number | null
}

/** CPU counters sampled around a measurement (see cpu.ts). */
export interface CpuProbes {
  server: () => number | null
  db: () => number | null
}

let running: autocannon.Instance | null = null

/** Stops the load in progress (Ctrl+C); its promise then settles with what was measured. */
export function stopLoad(): void {
  running?.stop()
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1]
}

export function latencyStats(samples: number[]): LatencyStats {
  const sorted = [...samples].sort((a, b) => a - b)
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    mean: sorted.length ? sum / sorted.length : Number.NaN,
  }
}

type Context = { pathIndex?: number }

export async function measure(
  baseUrl: string,
  scenario: Scenario,
  connections: number,
  seconds: number,
  extra: { otherCpuBefore?: number | null; cpu?: CpuProbes } = {},
): Promise<Measurement> {
  let next = 0
  const samples: number[] = []
  const perPath: number[][] = scenario.paths.map(() => [])
  const instance = autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    headers: scenario.headers,
    requests: [
      {
        method: 'GET',
        // One shared counter: the connections together walk the list in turn.
        setupRequest: (request, context) => {
          const i = next++ % scenario.paths.length
          ;(context as Context).pathIndex = i
          return { ...request, path: scenario.paths[i] }
        },
      },
    ],
  })
  running = instance
  instance.on('response', (client, _status, _bytes, ms) => {
    samples.push(ms)
    // The client's context still describes the request just answered (the next one is set up after this event).
    const i = (client as { requestIterator?: { context?: Context } }).requestIterator?.context?.pathIndex
    if (i !== undefined) perPath[i].push(ms)
  })
  const serverBefore = extra.cpu?.server() ?? null
  const dbBefore = extra.cpu?.db() ?? null
  const started = Date.now()
  let result
  try {
    result = await instance
  } finally {
    running = null
  }
  const elapsed = (Date.now() - started) / 1000
  const perRequest = (before: number | null, after: number | null | undefined) =>
    before !== null && after !== null && after !== undefined && samples.length ? (after - before) / samples.length : null
  const serverCpu = perRequest(serverBefore, extra.cpu?.server())
  const dbCpu = perRequest(dbBefore, extra.cpu?.db())
  const statusCodes: Record<string, number> = {}
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = Number(count)
  return {
    key: scenario.key,
    name: scenario.name,
    connections,
    seconds: elapsed,
    rps: samples.length / elapsed,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    ...latencyStats(samples),
    // Per path only for a short, named rotation (not for thousands of one-off queries).
    byPath: scenario.paths.length <= 100 ? scenario.paths.map((path, i) => ({ path, ...latencyStats(perPath[i]) })) : [],
    otherCpuBefore: extra.otherCpuBefore ?? null,
    serverCpuMsPerRequest: serverCpu,
    dbCpuMsPerRequest: dbCpu,
  }
}

/** One request per path before the load: the status codes say whether the scenario can run at all. */
export async function probe(baseUrl: string, scenario: Scenario, max = 100): Promise<Record<string, number>> {
  const codes: Record<string, number> = {}
  for (const path of scenario.paths.slice(0, max)) {
    const res = await fetch(`${baseUrl}${path}`, { headers: scenario.headers, redirect: 'manual' })
    await res.arrayBuffer()
    codes[res.status] = (codes[res.status] ?? 0) + 1
  }
  return codes
}
