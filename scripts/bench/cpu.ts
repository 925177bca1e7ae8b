import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'

// CPU accounting from /proc (Linux; everything returns null elsewhere). Latency on a shared
// 2-core machine moves with whatever else runs; CPU time spent per request barely does, so the
// report shows both.

let ticksPerSecond: number | undefined
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
    } catch {
      ticksPerSecond = 100
    }
  }
  return ticksPerSecond
}

/** utime, stime, cutime, cstime and ppid of a process. */
function stat(pid: number): { ms: number; ppid: number } | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const rest = raw.slice(raw.lastIndexOf(')') + 2).split(' ') // from field 3 (state) on
    const ticks = Number(rest[11]) + Number(rest[12]) + Number(rest[13]) + Number(rest[14])
    return { ms: (ticks * 1000) / clockTicks(), ppid: Number(rest[1]) }
  } catch {
    return null
  }
}

/** CPU milliseconds used so far by a process and its reaped children. */
export function processCpuMs(pid: number | undefined): number | null {
  return pid ? (stat(pid)?.ms ?? null) : null
}

/** The pids of a process's direct children (the workers of a clustered server). */
export function childPids(pid: number): number[] {
  const out: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    if (stat(Number(name))?.ppid === pid) out.push(Number(name))
  }
  return out
}

/** CPU milliseconds of a process and its direct children (PostgreSQL: the postmaster and its backends). */
export function processTreeCpuMs(pid: number | null): number | null {
  if (!pid) return null
  const root = stat(pid)
  if (!root) return null
  let total = root.ms
  for (const child of childPids(pid)) total += stat(child)?.ms ?? 0
  return total
}

/** The postmaster of a PostgreSQL data folder on this machine, when it runs and is the server
 *  `url` points at (same local port); null otherwise (a remote server: its CPU is not ours to see). */
export function postmasterPid(pgDataDir: string, url: string): number | null {
  const file = path.join(pgDataDir, 'postmaster.pid')
  if (!existsSync(file)) return null
  const lines = readFileSync(file, 'utf8').split('\n')
  const pid = Number.parseInt(lines[0] ?? '', 10)
  const target = new URL(url)
  const local = ['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)
  if (!local || Number(target.port || 5432) !== Number.parseInt(lines[3] ?? '', 10)) return null
  return Number.isFinite(pid) && pid > 0 && stat(pid) ? pid : null
}

function machineTimes(): { busy: number; total: number } | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
    const total = fields.reduce((a, b) => a + b, 0)
    const idle = fields[3] + (fields[4] ?? 0) // idle + iowait
    return { busy: total - idle, total }
  } catch {
    return null
  }
}

/** Share of all CPUs busy during `ms`. Sampled while the bench itself is idle, it shows how much
 *  other work competes with the measurement. */
export async function cpuBusy(ms = 1_000): Promise<number | null> {
  const a = machineTimes()
  await new Promise((r) => setTimeout(r, ms))
  const b = machineTimes()
  if (!a || !b || b.total === a.total) return null
  return (b.busy - a.busy) / (b.total - a.total)
}
