import { describe, expect, it } from 'vitest'
import { withClient } from '@/lib/database/pool'
import { RENDERER_VERSION, renderMarkdown } from '@/lib/training/markdown'
import { seed } from '@/prisma/seed'

// The seed stores each version's sanitised rendering, as publishing does, so the first read of a
// seeded module does not render Markdown inside the request (issue 4's module page target).

const url = process.env.DATABASE_URL!

describe('seeded versions carry their rendering', () => {
  it('fills html and htmlRenderer for every version, equal to a fresh rendering', async () => {
    const sizes = { developers: 200, teams: 12, months: 12, experts: 5, leaders: 3, pilotTeams: 3, batchSize: 500, trainingModules: 80, trainingVersions: 300 }
    await seed(url, { scale: 'large', sizes, replace: true, progress: false })
    const rows = await withClient(url, async (c) =>
      (await c.query<{ body: string; html: string | null; htmlRenderer: number | null }>(`SELECT body, html, "htmlRenderer" FROM "TrainingModuleVersion"`)).rows,
    )
    expect(rows).toHaveLength(300)
    expect(rows.filter((r) => r.html === null || r.htmlRenderer !== RENDERER_VERSION)).toEqual([])
    for (const r of rows.slice(0, 40)) expect(r.html).toBe(renderMarkdown(r.body))
  })
})
