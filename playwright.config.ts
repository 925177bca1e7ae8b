import { existsSync } from 'node:fs'
import { chromium, defineConfig } from '@playwright/test'

// End-to-end: the real app (`npm start`'s path: embedded PostgreSQL, migrations, demo seed, build,
// server) driven by a real Chromium. Debian's /usr/bin/chromium unless Playwright has its own.
export const E2E_PORT = Number(process.env.PACELINE_E2E_PORT ?? 3210)
export const E2E_URL = `http://127.0.0.1:${E2E_PORT}`

function chromiumPath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined // Playwright's own browser
  } catch {}
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium'
  throw new Error('No Chromium found: install Debian\'s chromium (apt-get install -y chromium) or run `npx playwright install chromium`.')
}

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  outputDir: 'test-results/playwright',
  use: {
    baseURL: E2E_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath(),
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
  projects: [
    { name: 'chromium', grepInvert: /no state change through GET|@alone/ },
    // The GET crawl, the server-action matrix and the API fuzzing compare the whole database before
    // and after, and the XSS corpus leaves hostile rows other specs' axe checks would see: they run
    // alone (one worker), after every other spec. Tests tagged @alone go here.
    { name: 'get-crawl', testMatch: /(authz-matrix|fuzz.*|xss.*)\.spec\.ts/, grep: /no state change through GET|@alone/, dependencies: ['chromium'], workers: 1 },
    // The global "second factor required" policy flips here, after everything else (other specs sign in as demo leaders).
    { name: 'second-factor-policy', testMatch: /totp-enforcement\.spec\.ts/, dependencies: ['get-crawl'], workers: 1 },
  ],
})
