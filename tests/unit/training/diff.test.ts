import { describe, expect, it } from 'vitest'
import { DIFF_CONTEXT_LINES, diffFields, diffStats, diffVersions, type DiffBlock } from '@/lib/training/diff'

const lines = (n: number, prefix = 'line') => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`)
const text = (ls: string[]) => `${ls.join('\n')}\n`
const kinds = (blocks: DiffBlock[]) => blocks.map((b) => b.kind)

describe('diffVersions', () => {
  it('reports nothing for identical bodies', () => {
    const body = '# Title\n\nSome text.\n'
    expect(diffVersions(body, body)).toEqual([])
    expect(diffStats(diffVersions(body, body))).toEqual({ added: 0, removed: 0 })
    expect(diffVersions('', '')).toEqual([])
  })

  it('treats CRLF and LF, and a missing final newline, as the same text', () => {
    expect(diffVersions('# Title\r\n\r\nBody\r\n', '# Title\n\nBody\n')).toEqual([])
    expect(diffVersions('# Title\n\nBody', '# Title\n\nBody\n')).toEqual([])
    expect(diffVersions('a\rb\r', 'a\nb\n')).toEqual([])
  })

  it('shows an added paragraph as added lines with their new line numbers', () => {
    const before = '# Review\n\nRead the diff.\n'
    const after = '# Review\n\nRead the diff.\n\nRun the tests before approving.\n'
    const blocks = diffVersions(before, after)
    expect(blocks).toEqual([
      {
        kind: 'same',
        lines: [
          { oldNumber: 1, newNumber: 1, text: '# Review' },
          { oldNumber: 2, newNumber: 2, text: '' },
          { oldNumber: 3, newNumber: 3, text: 'Read the diff.' },
        ],
      },
      {
        kind: 'added',
        lines: [
          { oldNumber: null, newNumber: 4, text: '' },
          { oldNumber: null, newNumber: 5, text: 'Run the tests before approving.' },
        ],
      },
    ])
    expect(diffStats(blocks)).toEqual({ added: 2, removed: 0 })
  })

  it('shows a removed line as removed', () => {
    const blocks = diffVersions('a\nb\nc\n', 'a\nc\n')
    expect(kinds(blocks)).toEqual(['same', 'removed', 'same'])
    expect(blocks[1]).toEqual({ kind: 'removed', lines: [{ oldNumber: 2, newNumber: null, text: 'b' }] })
    expect(diffStats(blocks)).toEqual({ added: 0, removed: 1 })
  })

  it('marks the changed word inside an edited line', () => {
    const blocks = diffVersions('Validated with model 4.1 last week.\n', 'Validated with model 4.5 last week.\n')
    expect(blocks).toEqual([
      {
        kind: 'changed',
        lines: [
          {
            oldNumber: 1,
            newNumber: 1,
            before: [
              { text: 'Validated with model ', changed: false },
              { text: '4.1', changed: true },
              { text: ' last week.', changed: false },
            ],
            after: [
              { text: 'Validated with model ', changed: false },
              { text: '4.5', changed: true },
              { text: ' last week.', changed: false },
            ],
          },
        ],
      },
    ])
    expect(diffStats(blocks)).toEqual({ added: 1, removed: 1 })
  })

  it('marks an inserted word alone, not its neighbours', () => {
    const [block] = diffVersions('Line 15 of the module body.', 'Line 15 of the updated module body.')
    expect(block).toMatchObject({
      kind: 'changed',
      lines: [
        {
          before: [{ text: 'Line 15 of the module body.', changed: false }],
          after: [
            { text: 'Line 15 of the ', changed: false },
            { text: 'updated ', changed: true },
            { text: 'module body.', changed: false },
          ],
        },
      ],
    })
  })

  it('rebuilds both texts exactly from the segments of a changed line', () => {
    const before = 'Ask for one small change, then review it.'
    const after = 'Ask the assistant for one change,  then review it twice.'
    const [block] = diffVersions(before, after)
    expect(block.kind).toBe('changed')
    if (block.kind !== 'changed') return
    expect(block.lines[0].before.map((s) => s.text).join('')).toBe(before)
    expect(block.lines[0].after.map((s) => s.text).join('')).toBe(after)
  })

  it('shows a sentence extended at its end as a changed line', () => {
    const blocks = diffVersions('Review the diff.\n', 'Review the diff, then run the whole suite twice before you approve.\n')
    expect(kinds(blocks)).toEqual(['changed'])
  })

  it('shows an unrelated rewrite as removed then added, not as a changed pair', () => {
    const blocks = diffVersions('Intro\nalpha beta gamma\nOutro\n', 'Intro\nsomething else entirely different\nOutro\n')
    expect(kinds(blocks)).toEqual(['same', 'removed', 'added', 'same'])
  })

  it('pairs what it can and reports the rest of a replacement as added', () => {
    const blocks = diffVersions('keep\nstep one: write tests\nend\n', 'keep\nstep one: write the tests\nstep two: run them\nend\n')
    expect(kinds(blocks)).toEqual(['same', 'changed', 'added', 'same'])
    expect(diffStats(blocks)).toEqual({ added: 2, removed: 1 })
  })

  it(`collapses long unchanged runs, keeping ${DIFF_CONTEXT_LINES} lines of context and counting the hidden ones`, () => {
    const base = lines(100)
    const edited = [...base]
    edited[49] = 'line 50 (edited)'
    const blocks = diffVersions(text(base), text(edited))
    expect(kinds(blocks)).toEqual(['hidden', 'same', 'changed', 'same', 'hidden'])
    expect(blocks[0]).toEqual({ kind: 'hidden', count: 46, oldStart: 1, newStart: 1 })
    expect(blocks[1]).toMatchObject({ kind: 'same', lines: [{ text: 'line 47' }, { text: 'line 48' }, { text: 'line 49' }] })
    expect(blocks[3]).toMatchObject({ kind: 'same', lines: [{ text: 'line 51' }, { text: 'line 52' }, { text: 'line 53' }] })
    expect(blocks[4]).toEqual({ kind: 'hidden', count: 47, oldStart: 54, newStart: 54 })
    const shown = blocks.reduce((n, b) => n + (b.kind === 'hidden' ? b.count : b.lines.length), 0)
    expect(shown).toBe(100)
  })

  it('collapses the run between two distant changes but keeps context on both sides', () => {
    const base = lines(40)
    const edited = [...base]
    edited[4] = 'changed early'
    edited[34] = 'changed late'
    const blocks = diffVersions(text(base), text(edited))
    const hidden = blocks.filter((b) => b.kind === 'hidden')
    expect(hidden).toEqual([
      { kind: 'hidden', count: 23, oldStart: 9, newStart: 9 },
      { kind: 'hidden', count: 2, oldStart: 39, newStart: 39 },
    ])
    expect(kinds(blocks)).toEqual(['same', 'removed', 'added', 'same', 'hidden', 'same', 'removed', 'added', 'same', 'hidden'])
  })

  it('does not hide a single line: the marker would take as much room', () => {
    const base = lines(9)
    const edited = [...base]
    edited[0] = 'first changed entirely'
    edited[8] = 'last changed entirely'
    const blocks = diffVersions(text(base), text(edited))
    expect(blocks.some((b) => b.kind === 'hidden')).toBe(false)
  })

  it('handles a body written from nothing and a body deleted entirely', () => {
    expect(diffStats(diffVersions('', 'a\nb\n'))).toEqual({ added: 2, removed: 0 })
    expect(diffStats(diffVersions('a\nb\n', ''))).toEqual({ added: 0, removed: 2 })
  })

  it('is serialisable', () => {
    const blocks = diffVersions(text(lines(30)), text([...lines(15), 'new', ...lines(15).map((l) => `${l}!`)]))
    expect(JSON.parse(JSON.stringify(blocks))).toEqual(blocks)
  })

  it('gives up line matching on a rewrite of thousands of lines, keeping the common start and end', () => {
    const a = text(['# Same title', ...Array.from({ length: 4_000 }, (_, i) => `alpha ${i}`), 'same ending'])
    const b = text(['# Same title', ...Array.from({ length: 4_000 }, (_, i) => `omega ${i * 7}`), 'same ending'])
    const blocks = diffVersions(a, b)
    expect(kinds(blocks)).toEqual(['same', 'removed', 'added', 'same'])
    expect(diffStats(blocks)).toEqual({ added: 4_000, removed: 4_000 })
  })
})

describe('diffFields', () => {
  const v1 = {
    title: 'Write tests first',
    summary: 'How to ask for tests.',
    kind: 'TASK_WALKTHROUGH',
    tags: ['write tests', 'vitest'],
    stage: 'PILOT',
    estimatedMinutes: 10,
  }

  it('finds no change between equal records, or tags in another order', () => {
    expect(diffFields(v1, { ...v1 })).toEqual([])
    expect(diffFields(v1, { ...v1, tags: ['vitest', 'write tests'] })).toEqual([])
    expect(diffFields({ summary: 'a\r\nb' }, { summary: 'a\nb' })).toEqual([])
  })

  it('lists changed fields in display order with labels and before/after values', () => {
    const v2 = { ...v1, estimatedMinutes: 15, title: 'Write tests before code', stage: 'BROAD' }
    expect(diffFields(v1, v2)).toEqual([
      { field: 'title', label: 'Title', before: 'Write tests first', after: 'Write tests before code' },
      { field: 'stage', label: 'Audience', before: 'PILOT', after: 'BROAD' },
      { field: 'estimatedMinutes', label: 'Estimated minutes', before: 10, after: 15 },
    ])
  })

  it('reports which tags were added and removed', () => {
    const [change] = diffFields(v1, { ...v1, tags: ['vitest', 'code review', 'refactor'] })
    expect(change).toMatchObject({ field: 'tags', label: 'Tags', addedItems: ['code review', 'refactor'], removedItems: ['write tests'] })
  })

  it('counts a field present on one side only as changed', () => {
    expect(diffFields({ title: 'A' }, { title: 'A', audience: 'EVERYONE' })).toEqual([
      { field: 'audience', label: 'Audience', before: undefined, after: 'EVERYONE' },
    ])
  })

  it('compares only the fields asked for', () => {
    const v2 = { ...v1, title: 'Other', summary: 'Other summary.' }
    expect(diffFields(v1, v2, ['summary']).map((c) => c.field)).toEqual(['summary'])
  })

  it('labels unknown fields readably', () => {
    expect(diffFields({ reviewDueAt: 'a' }, { reviewDueAt: 'b' })[0].label).toBe('Review due at')
  })
})
