import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

// "Builds if needed": a fingerprint of everything that goes into `next build`. When it matches the
// one stored beside the last build, the build is reused.

const INPUTS = ['app', 'components', 'lib', 'public', 'next.config.ts', 'postcss.config.mjs', 'package-lock.json', 'tsconfig.json', 'prisma/schema.prisma']
const SKIP = new Set(['generated', 'node_modules'])

function walk(p: string, out: string[]) {
  if (!existsSync(p)) return
  const st = statSync(p)
  if (st.isDirectory()) {
    for (const name of readdirSync(p).sort()) if (!SKIP.has(name)) walk(path.join(p, name), out)
  } else {
    out.push(p)
  }
}

export function sourceFingerprint(root = process.cwd()): string {
  const files: string[] = []
  for (const input of INPUTS) walk(path.join(root, input), files)
  const hash = createHash('sha256')
  for (const f of files) {
    hash.update(path.relative(root, f))
    hash.update(readFileSync(f))
  }
  return hash.digest('hex')
}

/** Next's build folder (next.config.ts honours NEXT_DIST_DIR). */
export const DIST_DIR = process.env.NEXT_DIST_DIR || '.next'
export const STAMP_FILE = path.join(DIST_DIR, 'paceline-build-stamp')

export function buildIsCurrent(root = process.cwd()): boolean {
  const stampPath = path.join(root, STAMP_FILE)
  if (!existsSync(path.join(root, DIST_DIR, 'BUILD_ID')) || !existsSync(stampPath)) return false
  return readFileSync(stampPath, 'utf8').trim() === sourceFingerprint(root)
}
