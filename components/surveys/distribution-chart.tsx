'use client'

import { useId, useState } from 'react'
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { scaleLabels } from '@/lib/surveys/rules'
import { Button } from '@/components/ui/button'
import { DownloadCsvButton } from '@/components/charts/download-csv'

export interface QuestionFigures {
  key: string
  prompt: string
  mean: number | null
  distribution: number[]
  answered: number
}

/**
 * One question's answers as bars (how many people chose 1, 2, 3, 4, 5), with the mean, a table
 * view of the same figures and a CSV export. Only ever rendered for groups that passed the
 * anonymity guard on the server.
 */
export function DistributionChart({ question, filename }: { question: QuestionFigures; filename: string }) {
  const [table, setTable] = useState(false)
  const headingId = useId()
  const labels = scaleLabels(question.key)
  const data = question.distribution.map((count, i) => ({
    score: String(i + 1),
    label: labels[i],
    count,
    share: question.answered ? Math.round((count / question.answered) * 100) : 0,
  }))
  const header = ['Question', 'Answer', 'Label', 'People', 'Share (%)']
  const rows = data.map((d) => [question.prompt, Number(d.score), d.label, d.count, d.share])
  return (
    <section aria-labelledby={headingId} className="flex flex-col rounded-xl border border-line bg-surface p-4 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="max-w-prose text-sm font-semibold text-fg">
          {question.prompt}
        </h3>
        <p className="text-sm text-fg-muted">
          Mean <span className="text-lg font-semibold text-fg tabular-nums">{question.mean === null ? '–' : question.mean.toFixed(2)}</span> / 5
        </p>
      </div>
      {table ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Answers to “{question.prompt}”</caption>
            <thead>
              <tr className="text-left text-xs text-fg-muted">
                <th scope="col" className="py-1.5 pr-3 font-medium">Answer</th>
                <th scope="col" className="py-1.5 pr-3 text-right font-medium">People</th>
                <th scope="col" className="py-1.5 text-right font-medium">Share</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.score} className="border-t border-line">
                  <th scope="row" className="py-1.5 pr-3 text-left font-normal text-fg">
                    {d.score} · {d.label}
                  </th>
                  <td className="py-1.5 pr-3 text-right text-fg tabular-nums">{d.count}</td>
                  <td className="py-1.5 text-right text-fg-muted tabular-nums">{d.share} %</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <figure className="mt-3">
          {/* The bars are drawn for the eye; screen readers get the caption (and the table view). */}
          <div className="h-44 w-full" aria-hidden="true">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: -24 }}>
                <CartesianGrid vertical={false} stroke="var(--line)" />
                <XAxis dataKey="score" tickLine={false} axisLine={{ stroke: 'var(--line-strong)' }} tick={{ fill: 'var(--fg-muted)', fontSize: 12 }} />
                <YAxis allowDecimals={false} tickLine={false} axisLine={false} tick={{ fill: 'var(--fg-muted)', fontSize: 12 }} />
                <Tooltip
                  cursor={{ fill: 'var(--surface-muted)' }}
                  contentStyle={{ background: 'var(--surface)', border: '1px solid var(--line)', color: 'var(--fg)', borderRadius: 8, fontSize: 12 }}
                  formatter={(value) => [`${value} people`, 'Answered']}
                  labelFormatter={(score) => `${score} · ${labels[Number(score) - 1]}`}
                />
                <Bar dataKey="count" fill="var(--accent)" radius={[4, 4, 0, 0]} isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          <figcaption className="sr-only">
            {data.map((d) => `${d.label}: ${d.count}`).join(', ')}. Mean {question.mean ?? 'none'} of 5, {question.answered} answers.
          </figcaption>
        </figure>
      )}
      <p className="mt-2 text-xs text-fg-muted">
        Bars: how many people chose each answer, from 1 ({labels[0].toLowerCase()}) to 5 ({labels[4].toLowerCase()}). {question.answered} answers.
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" variant="ghost" aria-pressed={table} onClick={() => setTable((t) => !t)}>
          {table ? 'Show chart' : 'Show table'}
        </Button>
        <DownloadCsvButton header={header} rows={rows} name={`${filename}-${question.key}`} label="Download CSV" />
      </div>
    </section>
  )
}
