import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

// npm test: the whole suite — unit and integration (vitest; integration on the embedded
// PostgreSQL, or on TEST_DATABASE_URL when set) then end-to-end (Playwright + Chromium).
// `npm test -- --no-e2e` skips the browser part; `--only-integration` runs just that project
// (CI's second pass against the machine's PostgreSQL).

const args = process.argv.slice(2)
const onlyIntegration = args.includes('--only-integration')
const skipE2e = args.includes('--no-e2e') || onlyIntegration

rmSync('test-results', { recursive: true, force: true })
mkdirSync('test-results', { recursive: true })

function run(cmd: string, cmdArgs: string[]): number {
  const r = spawnSync(process.execPath, [cmd, ...cmdArgs], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  return r.status ?? 1
}

const results: Array<{ name: string; passed: number; failed: number; skipped: number; code: number }> = []

const vitestArgs = ['run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json']
if (onlyIntegration) vitestArgs.push('--project', 'integration')
const vitestCode = run('node_modules/vitest/vitest.mjs', vitestArgs)
{
  let passed = 0, failed = 0, skipped = 0
  if (existsSync('test-results/vitest.json')) {
    const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'))
    passed = report.numPassedTests ?? 0
    // A file that failed to load has no failed test; the runner's exit code covers it below.
    failed = report.numFailedTests ?? 0
    skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
  }
  results.push({ name: onlyIntegration ? 'integration' : 'unit + integration', passed, failed, skipped, code: vitestCode })
}

if (!skipE2e) {
  const code = run('node_modules/@playwright/test/cli.js', ['test'])
  let passed = 0, failed = 0, skipped = 0
  if (existsSync('test-results/playwright.json')) {
    const stats = JSON.parse(readFileSync('test-results/playwright.json', 'utf8')).stats ?? {}
    passed = (stats.expected ?? 0) + (stats.flaky ?? 0)
    failed = stats.unexpected ?? 0
    skipped = stats.skipped ?? 0
  }
  results.push({ name: 'end-to-end', passed, failed, skipped, code })
}

let passed = 0, failed = 0, skipped = 0
for (const r of results) {
  // A runner that failed without reporting a failed test (a crash, a setup error) still fails the run.
  const runnerFailed = r.code !== 0 && r.failed === 0 ? 1 : 0
  console.log(`${r.name}: ${r.passed} passed, ${r.failed + runnerFailed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`)
  passed += r.passed
  failed += r.failed + runnerFailed
  skipped += r.skipped
}
if (passed === 0 && failed === 0) failed = 1 // ran nothing: that is a failure, not a pass
writeFileSync('test-results/totals.json', JSON.stringify({ passed, failed, skipped }))
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 ? 1 : 0)
