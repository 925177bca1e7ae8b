import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { argValue, log, run } from './cli'

// npm run import -- <kind> <file> [--format x] [--team-map f] [--create-missing-teams]
//   [--valid-only] [--debt-label x | --debt-type x] [--survey-title x] [--as <email>]
// Prints "N created, M updated" and exits 0, or prints the row errors, writes nothing and exits 1.
// See docs/import-formats.md.

const USAGE = 'usage: npm run import -- <incidents|tech-debt|throughput|budget|survey> <file> [--format <format>] [--team-map <csv>] [--create-missing-teams] [--valid-only] [--debt-label <label> | --debt-type <type>] [--survey-title <title>] [--as <email>]'
const VALUE_FLAGS = ['--format', '--team-map', '--debt-label', '--debt-type', '--as', '--survey-title']
const BOOL_FLAGS = ['--create-missing-teams', '--valid-only']

// The import code is server code (modules marked 'server-only'); run it under the react-server
// export condition like Next does. The parent only re-launches itself with that condition.
if (!process.env.PACELINE_IMPORT_CHILD) {
  const self = fileURLToPath(import.meta.url)
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', self, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, PACELINE_IMPORT_CHILD: '1' },
  })
  process.exit(r.status ?? 1)
} else {
  run(main)
}

function positionals(argv: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const name = a.split('=')[0]
    if (VALUE_FLAGS.includes(name)) {
      if (!a.includes('=')) {
        if (argv[i + 1] === undefined || argv[i + 1].startsWith('--')) throw new Error(`${name} needs a value\n${USAGE}`)
        i++
      }
    } else if (BOOL_FLAGS.includes(a)) continue
    else if (a.startsWith('--')) throw new Error(`unknown option "${a}"\n${USAGE}`)
    else out.push(a)
  }
  return out
}

async function main() {
  const argv = process.argv.slice(2)
  const [kind, file, ...rest] = positionals(argv)
  if (!kind || !file || rest.length) throw new Error(USAGE)
  const { IMPORT_KINDS, FORMATS } = await import('@/lib/intake/types')
  if (!(IMPORT_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown kind "${kind}": use one of ${IMPORT_KINDS.join(', ')}`)
  const format = argValue('format', argv)
  if (format && !(FORMATS as readonly string[]).includes(format)) throw new Error(`unknown --format "${format}": use one of ${FORMATS.join(', ')}`)
  if (argValue('debt-label', argv) && argValue('debt-type', argv)) throw new Error('give --debt-label or --debt-type, not both')
  let size: number
  try {
    size = statSync(file).size
  } catch {
    throw new Error(`cannot read ${file}: no such file`)
  }
  const { MAX_FILE_BYTES } = await import('@/lib/intake/types')
  if (size > MAX_FILE_BYTES) throw new Error(`${file} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB. Split it into smaller files (each is imported idempotently).`)
  const bytes = readFileSync(file)

  let teamMap: Array<{ alias: string; team: string; source: string | null }> | undefined
  const teamMapFile = argValue('team-map', argv)
  if (teamMapFile) {
    const { parseCsv } = await import('@/lib/intake/csv')
    const { parseTeamMap } = await import('@/lib/intake/team-rules')
    const { decodeFile } = await import('@/lib/intake/decode')
    let text: string
    try {
      text = decodeFile(readFileSync(teamMapFile))
    } catch (err) {
      throw new Error(`--team-map ${teamMapFile}: ${err instanceof Error ? err.message : String(err)}`)
    }
    const table = parseCsv(text)
    teamMap = parseTeamMap([table.header, ...table.rows.map((r) => r.cells)])
  }

  const { openDatabase } = await import('@/lib/database/open')
  const { applyMigrations } = await import('@/lib/database/migrate')
  const { resetEnvCache } = await import('@/lib/env')
  const opened = await openDatabase(log)
  process.env.DATABASE_URL = opened.url
  resetEnvCache()
  const { db, disconnectDb } = await import('@/lib/db')
  try {
    await applyMigrations(opened.url)
    let actor: { id: string | null; email: string; role: null | 'ADMIN' | 'LEADER' | 'EXPERT' | 'DEVELOPER' } = { id: null, email: 'cli', role: null }
    const as = argValue('as', argv)
    if (as) {
      const user = await db.user.findUnique({ where: { email: as.trim().toLowerCase() }, select: { id: true, email: true, role: true, active: true } })
      if (!user || !user.active) throw new Error(`no active user with email ${as}`)
      actor = { id: user.id, email: user.email, role: user.role }
    }
    const { runImport } = await import('@/lib/intake/import-job')
    const started = Date.now()
    const outcome = await runImport(actor, {
      bytes,
      kind: kind as never,
      format: format as never,
      validOnly: argv.includes('--valid-only'),
      debtLabel: argValue('debt-label', argv),
      debtType: argValue('debt-type', argv),
      surveyTitle: argValue('survey-title', argv),
      fileName: path.basename(file),
      teamMap,
      createMissingTeams: argv.includes('--create-missing-teams'),
    })
    const list = (max: number) => {
      for (const e of outcome.errors.slice(0, max)) log(`line ${e.line ?? '-'}${e.column ? `, column ${e.column}` : ''}: ${e.reason}`)
      if (outcome.errorCount > max) log(`... and ${outcome.errorCount - max} more`)
      if (outcome.unmatchedTeams.length) log(`unmatched team names: ${outcome.unmatchedTeams.map((u) => `"${u.name}" (${u.rows} rows)`).join(', ')}`)
    }
    if (outcome.status === 'INVALID') {
      log(`${outcome.errorCount} row error${outcome.errorCount === 1 ? '' : 's'} in ${file} (${outcome.format}):`)
      list(100)
      throw new Error(`${outcome.errorCount} invalid row${outcome.errorCount === 1 ? '' : 's'}; nothing was written (fix the file, or use --valid-only to import the valid rows)`)
    }
    if (outcome.errorCount) {
      log(`--valid-only: ${outcome.errorCount} invalid row${outcome.errorCount === 1 ? '' : 's'} left out:`)
      list(100)
    }
    if (outcome.createdTeams.length) log(`created teams: ${outcome.createdTeams.join(', ')}`)
    const secs = (Date.now() - started) / 1000
    log(`${outcome.format}: ${outcome.totalRows} rows in ${secs.toFixed(2)} s (${Math.round(outcome.totalRows / Math.max(secs, 0.001))} rows/s)${outcome.skipped ? `, ${outcome.skipped} skipped` : ''}`)
    process.stdout.write(`${outcome.created} created, ${outcome.updated} updated\n`)
  } finally {
    await disconnectDb()
    await opened.stop()
  }
}
