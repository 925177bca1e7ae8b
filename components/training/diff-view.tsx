import type { ReactNode } from 'react'
import type { DiffBlock, DiffSegment } from '@/lib/training/diff'
import { AUDIENCE_LABELS, KIND_LABELS, type Audience, type TrainingKind } from '@/lib/training/schemas'

// A readable "what changed" between two versions, in the markup components/training/markdown.css
// styles (.diff, .diff-fields). Changed rows carry a +/− marker (with alt text) and changed words are
// underlined or struck through, so nothing relies on colour alone.

export type MetaChange = { field: string; before: unknown; after: unknown }

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  kind: 'Kind',
  audience: 'Who it is for',
  tags: 'Tags',
  estimatedMinutes: 'Estimated minutes',
}

function show(field: string, value: unknown): string {
  if (field === 'kind') return KIND_LABELS[value as TrainingKind] ?? String(value)
  if (field === 'audience') return AUDIENCE_LABELS[value as Audience] ?? String(value)
  if (field === 'estimatedMinutes') return `${value} min`
  if (Array.isArray(value)) return value.length ? value.join(', ') : '(none)'
  return value === null || value === undefined || value === '' ? '(empty)' : String(value)
}

export function MetaChanges({ changes }: { changes: MetaChange[] }) {
  if (changes.length === 0) return <p className="text-sm text-fg-muted">Title, summary, kind, audience, tags and time are the same in both versions.</p>
  return (
    <dl className="diff-fields">
      {changes.map((c) => (
        <div key={c.field}>
          <dt>{FIELD_LABELS[c.field] ?? c.field}</dt>
          <dd>
            <del className="diff-before">
              <span className="sr-only">was: </span>
              {show(c.field, c.before)}
            </del>{' '}
            <ins className="diff-after">{show(c.field, c.after)}</ins>
          </dd>
        </div>
      ))}
    </dl>
  )
}

function Segments({ segments, as }: { segments: DiffSegment[]; as: 'ins' | 'del' }) {
  const Tag = as
  return (
    <>
      {segments.map((s, i) =>
        s.changed ? (
          <Tag key={i} className="diff-word">
            {s.text}
          </Tag>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </>
  )
}

function Row({ kind, oldNo, newNo, children }: { kind: 'same' | 'added' | 'removed'; oldNo: number | null; newNo: number | null; children: ReactNode }) {
  return (
    <li className={`diff-line diff-line-${kind}`}>
      <span className="diff-num">{oldNo ?? ''}</span>
      <span className="diff-num">{newNo ?? ''}</span>
      <span className="diff-text">{children}</span>
    </li>
  )
}

export function BodyDiff({ blocks, label }: { blocks: DiffBlock[]; label: string }) {
  if (blocks.length === 0) return <p className="text-sm text-fg-muted">The body text is the same in both versions.</p>
  const rows: ReactNode[] = []
  blocks.forEach((block, b) => {
    switch (block.kind) {
      case 'hidden':
        rows.push(
          <li key={`h${b}`} className="diff-hidden">
            … {block.count} unchanged lines …
          </li>,
        )
        break
      case 'changed':
        block.lines.forEach((line, i) => {
          rows.push(
            <Row key={`c${b}-${i}-r`} kind="removed" oldNo={line.oldNumber} newNo={null}>
              <Segments segments={line.before} as="del" />
            </Row>,
            <Row key={`c${b}-${i}-a`} kind="added" oldNo={null} newNo={line.newNumber}>
              <Segments segments={line.after} as="ins" />
            </Row>,
          )
        })
        break
      default:
        block.lines.forEach((line, i) => {
          rows.push(
            <Row key={`${block.kind[0]}${b}-${i}`} kind={block.kind} oldNo={line.oldNumber} newNo={line.newNumber}>
              {line.text}
            </Row>,
          )
        })
    }
  })
  return (
    <ol className="diff" aria-label={label}>
      {rows}
    </ol>
  )
}
