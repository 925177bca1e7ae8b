import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { STAMP_FILE, buildIsCurrent, sourceFingerprint } from './build-stamp'

/** Runs `next build` unless the last build is of the same sources. */
export function buildIfNeeded(log: (m: string) => void, force = false): void {
  if (!force && buildIsCurrent()) {
    log('build is up to date')
    return
  }
  log('building the app (next build)')
  const fingerprint = sourceFingerprint()
  const r = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
  })
  if (r.status !== 0) throw new Error('next build failed (see the output above)')
  writeFileSync(STAMP_FILE, fingerprint)
}
