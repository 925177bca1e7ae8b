'use client'

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartModel } from '@/lib/outcomes/chart-model'
import { BASELINE_COLOR, CONTROL_COLOR, GROUP_COLORS } from '@/components/charts/series-colors'

// The recharts part of a chart, loaded on demand (not in the page's first-load JavaScript).
export default function LineChartInner({ model }: { model: ChartModel }) {
  const data = model.rows.map((r) => ({ label: r.label, ...r.values }))
  let g = 0
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={data} margin={{ top: 24, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.15} />
        <XAxis dataKey="label" tick={{ fontSize: 12, fill: 'currentColor' }} stroke="currentColor" strokeOpacity={0.4} />
        <YAxis tick={{ fontSize: 12, fill: 'currentColor' }} stroke="currentColor" strokeOpacity={0.4} width={48} />
        <Tooltip contentStyle={{ background: 'var(--color-surface, #fff)', color: 'inherit', borderRadius: 8, fontSize: 13 }} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {model.phases.map((p) => (
          <ReferenceLine
            key={`${p.month}-${p.label}`}
            x={data.find((d) => d.label && model.rows.find((r) => r.month === p.month)?.label === d.label)?.label}
            stroke={BASELINE_COLOR}
            strokeDasharray="2 4"
            label={{ value: p.label.length > 28 ? `${p.label.slice(0, 27)}…` : p.label, position: 'insideTopLeft', fontSize: 11, fill: 'currentColor' }}
          />
        ))}
        {model.series.map((s) => {
          const color = s.kind === 'baseline' ? BASELINE_COLOR : s.kind === 'control' ? CONTROL_COLOR : GROUP_COLORS[g++ % GROUP_COLORS.length]
          return (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={color}
              strokeWidth={s.kind === 'group' ? 2 : 1.5}
              strokeDasharray={s.kind === 'baseline' ? '6 4' : s.kind === 'control' ? '2 3' : undefined}
              dot={s.kind === 'group' ? { r: 2 } : false}
              connectNulls={false}
              isAnimationActive={false}
            />
          )
        })}
      </LineChart>
    </ResponsiveContainer>
  )
}
