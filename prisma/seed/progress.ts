// Progress for long seeds: a redrawn bar on a terminal, a log line every tenth otherwise (CI logs
// and piped output must not fill with carriage returns).

export interface Progress {
  start(total: number): void
  add(label: string, rows: number): void
  finish(): void
}

export const silentProgress: Progress = { start() {}, add() {}, finish() {} }

const WIDTH = 28

function formatCount(n: number): string {
  return n.toLocaleString('en-US')
}

function formatElapsed(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`
}

export function createProgress(options: { bar: boolean; log: (m: string) => void; stream?: NodeJS.WriteStream }): Progress {
  const stream = options.stream ?? process.stderr
  let total = 0
  let done = 0
  let startedAt = 0
  let lastDraw = 0
  let nextLogAt = 0.1
  let label = ''

  const draw = (force: boolean) => {
    const now = Date.now()
    if (!force && now - lastDraw < 100) return
    lastDraw = now
    const share = total ? Math.min(1, done / total) : 1
    const filled = Math.round(share * WIDTH)
    const line =
      `seeding [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(Math.floor(share * 100)).padStart(3)}% ` +
      `${formatCount(done)}/${formatCount(total)} rows  ${label.padEnd(20)} ${formatElapsed(now - startedAt)}`
    stream.write(`\r${line}`)
  }

  return {
    start(n) {
      total = n
      done = 0
      startedAt = Date.now()
      if (options.bar) draw(true)
      else options.log(`seeding ${formatCount(total)} rows`)
    },
    add(what, rows) {
      done += rows
      label = what
      if (options.bar) {
        draw(false)
        return
      }
      const share = total ? done / total : 1
      if (share >= nextLogAt) {
        options.log(`${Math.floor(share * 100)}% (${formatCount(done)}/${formatCount(total)} rows, ${what}) after ${formatElapsed(Date.now() - startedAt)}`)
        while (nextLogAt <= share) nextLogAt += 0.1
      }
    },
    finish() {
      if (options.bar) {
        draw(true)
        stream.write('\n')
      }
    },
  }
}
