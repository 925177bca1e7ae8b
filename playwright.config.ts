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
    { name: 'chromium', grepInvert: /no state change through GET/ },
    // The GET crawl compares the database before and after: it runs alone, after every other spec.
    { name: 'get-crawl', testMatch: /authz-matrix\.spec\.ts/, grep: /no state change through GET/, dependencies: ['chromium'] },
  ],
})
