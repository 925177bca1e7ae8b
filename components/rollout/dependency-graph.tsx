import type { TeamView } from '@/lib/rollout/queries'

const STAGE_FILL: Record<string, string> = { EXPERTS: 'var(--color-accent)', PILOT: 'var(--warn-fg)', BROAD: 'var(--done-fg)' }

/**
 * The team dependency graph, drawn in a circle (arrow: depends on). Edges inside a cycle are dashed
 * in the danger colour. The table below it carries the same information for screen readers.
 */
export function DependencyGraph({ teams, cycles }: { teams: TeamView[]; cycles: string[][] }) {
  if (teams.length === 0 || teams.length > 60) return null
  // Wider than tall: labels sit left and right of the circle.
  const width = 760
  const height = 500
  const r = height / 2 - 40
  const pos = new Map(teams.map((t, i) => {
    const a = (2 * Math.PI * i) / teams.length - Math.PI / 2
    return [t.id, { x: width / 2 + r * Math.cos(a), y: height / 2 + r * Math.sin(a), a }]
  }))
  const inCycle = new Set(cycles.flat())
  const edges = teams.flatMap((t) => t.dependsOn.filter((d) => pos.has(d.teamId)).map((d) => ({ from: t, to: teams.find((x) => x.id === d.teamId)!, weight: d.weight })))
  return (
    <figure className="mx-auto max-w-2xl">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`Dependency graph of ${teams.length} teams, ${edges.length} dependencies${cycles.length ? `, ${cycles.length} circular group${cycles.length === 1 ? '' : 's'}` : ''}. The table below lists every dependency.`} className="h-auto w-full">
        <defs>
          <marker id="dep-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M 0 0 L 10 5 L 0 10 z" fill="var(--color-fg-muted)" />
          </marker>
        </defs>
        {edges.map((e) => {
          const a = pos.get(e.from.id)!
          const b = pos.get(e.to.id)!
          const dx = b.x - a.x
          const dy = b.y - a.y
          const len = Math.hypot(dx, dy) || 1
          const cyc = inCycle.has(e.from.name) && inCycle.has(e.to.name)
          return (
            <line key={`${e.from.id}-${e.to.id}`} x1={a.x + (dx / len) * 10} y1={a.y + (dy / len) * 10} x2={b.x - (dx / len) * 12} y2={b.y - (dy / len) * 12}
              stroke={cyc ? 'var(--color-danger)' : 'var(--color-fg-muted)'} strokeOpacity={cyc ? 0.9 : 0.5} strokeWidth={0.8 + e.weight * 0.6} strokeDasharray={cyc ? '5 3' : undefined} markerEnd="url(#dep-arrow)" />
          )
        })}
        {teams.map((t) => {
          const p = pos.get(t.id)!
          const right = Math.cos(p.a) >= 0
          return (
            <g key={t.id}>
              <circle cx={p.x} cy={p.y} r={8} fill={t.stage ? STAGE_FILL[t.stage] : 'var(--color-surface)'} stroke="var(--color-fg)" strokeWidth={1} />
              <text x={p.x + (right ? 12 : -12)} y={p.y + 4} textAnchor={right ? 'start' : 'end'} fontSize="12" fill="var(--color-fg)">{t.name}</text>
            </g>
          )
        })}
      </svg>
      <figcaption className="mt-2 text-xs text-fg-muted">
        Arrows point from a team to the team it depends on; thicker is stronger. Filled dots: in the rollout (blue-green experts, amber pilot, green broad); empty: not yet. Dashed red: a circular dependency.
      </figcaption>
    </figure>
  )
}
