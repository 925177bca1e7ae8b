import { diffLines, diffWordsWithSpace } from 'diff'

// Readable "what changed" between two module versions (or a draft and the copy someone else saved).
// Pure and serialisable: pages, API routes and conflict messages render the same structure.

/** Unchanged lines kept around each change; longer unchanged runs are collapsed. */
export const DIFF_CONTEXT_LINES = 3
// jsdiff is O(N·D): two unrelated 200 kB bodies could take seconds. Past this many edited lines
// the middle of the body (between common first and last lines) is shown as replaced instead.
const MAX_EDIT_LINES = 2_000
// Word-level marking of very long lines (a pasted table row, minified code), or of a replaced
// block bigger than a few pages, is not worth its cost: those show as removed + added lines.
const WORD_DIFF_MAX_CHARS = 4_000
const PAIRING_MAX_CHARS = 60_000
// Below this share of common text a "changed" pair reads better as a removal plus an addition.
const MIN_SIMILARITY = 0.5

export interface DiffLine {
  /** 1-based line number in the old text (null for added lines). */
  oldNumber: number | null
  /** 1-based line number in the new text (null for removed lines). */
  newNumber: number | null
  text: string
}

export interface DiffSegment {
  text: string
  /** True for words removed from (in `before`) or added to (in `after`) the line. */
  changed: boolean
}

export interface ChangedLine {
  oldNumber: number
  newNumber: number
  before: DiffSegment[]
  after: DiffSegment[]
}

export type DiffBlock =
  | { kind: 'same'; lines: DiffLine[] }
  | { kind: 'added'; lines: DiffLine[] }
  | { kind: 'removed'; lines: DiffLine[] }
  | { kind: 'changed'; lines: ChangedLine[] }
  /** A collapsed run of unchanged lines: `count` lines starting at these line numbers. */
  | { kind: 'hidden'; count: number; oldStart: number; newStart: number }

export interface DiffStats {
  added: number
  removed: number
}

function normalise(text: string): string {
  const lf = text.replace(/\r\n?/g, '\n')
  return lf === '' || lf.endsWith('\n') ? lf : `${lf}\n`
}

function splitLines(value: string): string[] {
  const lines = value.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines
}

function wordSegments(before: string, after: string): { before: DiffSegment[]; after: DiffSegment[]; similarity: number } {
  if (before.length + after.length > WORD_DIFF_MAX_CHARS) {
    return { before: [{ text: before, changed: true }], after: [{ text: after, changed: true }], similarity: 0 }
  }
  const parts = diffWordsWithSpace(before, after)
  const b: DiffSegment[] = []
  const a: DiffSegment[] = []
  let common = 0
  const push = (list: DiffSegment[], text: string, changed: boolean) => {
    const last = list[list.length - 1]
    if (last && last.changed === changed) last.text += text
    else list.push({ text, changed })
  }
  for (const part of parts) {
    if (!part.added) push(b, part.value, part.removed)
    if (!part.removed) push(a, part.value, part.added)
    if (!part.added && !part.removed) common += part.value.trim().length
  }
  // Measured against the shorter line, so a sentence extended at its end still reads as an edit.
  const shorter = Math.min(before.trim().length, after.trim().length)
  return { before: wholeWords(b), after: wholeWords(a), similarity: shorter === 0 ? 0 : Math.min(1, common / shorter) }
}

/**
 * jsdiff splits "4.1" into "4", ".", "1"; a reader wants "4.1 -> 4.5", not ".1 -> .5". Widen each
 * change to the whitespace around it.
 */
function wholeWords(segments: DiffSegment[]): DiffSegment[] {
  const s = segments.map((x) => ({ ...x }))
  for (let i = 0; i < s.length; i++) {
    if (!s[i].changed) continue
    const prev = s[i - 1]
    const next = s[i + 1]
    // Only a change that starts or ends mid-word grows; "updated " inserted before "module" does not.
    const head = prev && !prev.changed && /^\S/.test(s[i].text) ? (/\S+$/.exec(prev.text)?.[0] ?? '') : ''
    const tail = next && !next.changed && /\S$/.test(s[i].text) ? (/^\S+/.exec(next.text)?.[0] ?? '') : ''
    if (head) prev.text = prev.text.slice(0, -head.length)
    if (tail) next.text = next.text.slice(tail.length)
    s[i].text = head + s[i].text + tail
  }
  const out: DiffSegment[] = []
  for (const seg of s) {
    if (seg.text === '') continue
    const last = out[out.length - 1]
    if (last && last.changed === seg.changed) last.text += seg.text
    else out.push(seg)
  }
  return out
}

type Run = { kind: 'same' | 'added' | 'removed'; lines: string[] }

function lineRuns(before: string, after: string): Run[] {
  const changes = diffLines(before, after, { maxEditLength: MAX_EDIT_LINES })
  if (changes) return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', lines: splitLines(c.value) }))
  const a = splitLines(before)
  const b = splitLines(after)
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const runs: Run[] = [
    { kind: 'same', lines: a.slice(0, head) },
    { kind: 'removed', lines: a.slice(head, a.length - tail) },
    { kind: 'added', lines: b.slice(head, b.length - tail) },
    { kind: 'same', lines: a.slice(a.length - tail) },
  ]
  return runs.filter((r) => r.lines.length > 0)
}

/**
 * Line diff of two Markdown bodies with changed words marked inside edited lines. Line endings
 * (CRLF/LF) and a missing final newline do not count as changes. Identical bodies give `[]`.
 */
export function diffVersions(before: string, after: string): DiffBlock[] {
  const oldText = normalise(before)
  const newText = normalise(after)
  if (oldText === newText) return []

  const full: DiffBlock[] = []
  let oldNo = 1
  let newNo = 1
  const runs = lineRuns(oldText, newText)
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]
    if (run.kind === 'same') {
      full.push({ kind: 'same', lines: run.lines.map((text) => ({ oldNumber: oldNo++, newNumber: newNo++, text })) })
      continue
    }
    // jsdiff reports a replacement as removed lines followed by added lines: pair them up.
    const next = runs[i + 1]
    const size = (ls: string[]) => ls.reduce((n, l) => n + l.length, 0)
    if (run.kind === 'removed' && next?.kind === 'added' && size(run.lines) + size(next.lines) <= PAIRING_MAX_CHARS) {
      i++
      const pairs = Math.min(run.lines.length, next.lines.length)
      const words = Array.from({ length: pairs }, (_, k) => wordSegments(run.lines[k], next.lines[k]))
      const similar = pairs > 0 && words.reduce((sum, w) => sum + w.similarity, 0) / pairs >= MIN_SIMILARITY
      if (similar) {
        full.push({
          kind: 'changed',
          lines: words.map((w, k) => ({ oldNumber: oldNo + k, newNumber: newNo + k, before: w.before, after: w.after })),
        })
        oldNo += pairs
        newNo += pairs
        if (run.lines.length > pairs) full.push({ kind: 'removed', lines: run.lines.slice(pairs).map((text) => ({ oldNumber: oldNo++, newNumber: null, text })) })
        if (next.lines.length > pairs) full.push({ kind: 'added', lines: next.lines.slice(pairs).map((text) => ({ oldNumber: null, newNumber: newNo++, text })) })
      } else {
        full.push({ kind: 'removed', lines: run.lines.map((text) => ({ oldNumber: oldNo++, newNumber: null, text })) })
        full.push({ kind: 'added', lines: next.lines.map((text) => ({ oldNumber: null, newNumber: newNo++, text })) })
      }
      continue
    }
    if (run.kind === 'removed') full.push({ kind: 'removed', lines: run.lines.map((text) => ({ oldNumber: oldNo++, newNumber: null, text })) })
    else full.push({ kind: 'added', lines: run.lines.map((text) => ({ oldNumber: null, newNumber: newNo++, text })) })
  }
  return collapse(full)
}

/** Keeps DIFF_CONTEXT_LINES unchanged lines next to each change and hides the rest of a run. */
function collapse(blocks: DiffBlock[]): DiffBlock[] {
  const out: DiffBlock[] = []
  const c = DIFF_CONTEXT_LINES
  blocks.forEach((block, i) => {
    if (block.kind !== 'same') {
      out.push(block)
      return
    }
    const keepHead = i > 0 ? c : 0
    const keepTail = i < blocks.length - 1 ? c : 0
    const hidden = block.lines.length - keepHead - keepTail
    // Hiding a single line saves no room: the "1 line hidden" row would take its place.
    if (hidden < 2) {
      out.push(block)
      return
    }
    const head = block.lines.slice(0, keepHead)
    const tail = block.lines.slice(block.lines.length - keepTail)
    const first = block.lines[keepHead]
    if (head.length) out.push({ kind: 'same', lines: head })
    out.push({ kind: 'hidden', count: hidden, oldStart: first.oldNumber ?? 0, newStart: first.newNumber ?? 0 })
    if (tail.length) out.push({ kind: 'same', lines: tail })
  })
  return out
}

/** Lines added and removed; an edited line counts once on each side, as in `git diff --stat`. */
export function diffStats(blocks: readonly DiffBlock[]): DiffStats {
  let added = 0
  let removed = 0
  for (const b of blocks) {
    if (b.kind === 'added') added += b.lines.length
    else if (b.kind === 'removed') removed += b.lines.length
    else if (b.kind === 'changed') {
      added += b.lines.length
      removed += b.lines.length
    }
  }
  return { added, removed }
}

// ---------------------------------------------------------------------------------------------
// Metadata fields

export type FieldValue = string | readonly string[] | number | boolean | null | undefined

export interface FieldChange {
  field: string
  label: string
  before: FieldValue
  after: FieldValue
  /** For list fields (tags, model versions): items only in `after` / only in `before`. */
  addedItems?: string[]
  removedItems?: string[]
}

/** Display order and labels; fields not listed here follow in alphabetical order. */
const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  kind: 'Kind',
  tags: 'Tags',
  stage: 'Audience',
  audience: 'Audience',
  ownerId: 'Owner',
  estimatedMinutes: 'Estimated minutes',
  validatedModelIds: 'Validated model versions',
  changelog: 'Changelog',
  body: 'Body',
}
const FIELD_ORDER = Object.keys(FIELD_LABELS)

function humanise(field: string): string {
  const words = field.replace(/([a-z\d])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function sameValue(a: FieldValue, b: FieldValue): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    // Lists are sets here: reordering tags is not a change worth reporting.
    const x = new Set(Array.isArray(a) ? a : [])
    const y = new Set(Array.isArray(b) ? b : [])
    return x.size === y.size && [...x].every((v) => y.has(v))
  }
  if (typeof a === 'string' && typeof b === 'string') return a.replace(/\r\n?/g, '\n') === b.replace(/\r\n?/g, '\n')
  return (a ?? null) === (b ?? null)
}

/**
 * Which metadata fields differ between two versions (or two saves of a draft), in display order,
 * with before/after values. `fields` limits the comparison; by default every key of either side.
 */
export function diffFields(
  before: Readonly<Record<string, FieldValue>>,
  after: Readonly<Record<string, FieldValue>>,
  fields?: readonly string[],
): FieldChange[] {
  const keys = fields ?? [...new Set([...Object.keys(before), ...Object.keys(after)])]
  const rank = (k: string) => (FIELD_ORDER.includes(k) ? FIELD_ORDER.indexOf(k) : FIELD_ORDER.length)
  const ordered = [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
  const changes: FieldChange[] = []
  for (const field of ordered) {
    const b = before[field]
    const a = after[field]
    if (sameValue(b, a)) continue
    const change: FieldChange = { field, label: FIELD_LABELS[field] ?? humanise(field), before: b, after: a }
    if (Array.isArray(b) || Array.isArray(a)) {
      const oldItems: readonly string[] = Array.isArray(b) ? b : []
      const newItems: readonly string[] = Array.isArray(a) ? a : []
      change.addedItems = newItems.filter((v) => !oldItems.includes(v))
      change.removedItems = oldItems.filter((v) => !newItems.includes(v))
    }
    changes.push(change)
  }
  return changes
}
