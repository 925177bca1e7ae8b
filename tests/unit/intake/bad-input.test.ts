import { describe, expect, it } from 'vitest'
import { parseImportFile } from '@/lib/intake/parse-file'
import { firstInvalidUtf8 } from '@/lib/intake/decode'
import { parseDate } from '@/lib/intake/dates'
import { MAX_FILE_BYTES } from '@/lib/intake/types'

const HEADER = 'id,title,severity,team,started_at,resolved_at\n'
const ROW = 'A-1,Checkout down,SEV1,Checkout,2025-03-01T10:00:00Z,2025-03-01T11:00:00Z\n'
const incidents = (bytes: Uint8Array | string) => parseImportFile(typeof bytes === 'string' ? Buffer.from(bytes) : bytes, { kind: 'incidents' })

function utf16(text: string, be: boolean): Uint8Array {
  const le = Buffer.from(text, 'utf16le')
  if (be) for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]]
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), le])
}

describe('encodings', () => {
  it('accepts UTF-8 with and without BOM and UTF-16 LE/BE with BOM, keeping non-ASCII text', () => {
    const text = HEADER + 'A-1,Zahlungsausfall — Überweisung,SEV1,Checkout,2025-03-01T10:00:00Z,\n'
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), utf16(text, false), utf16(text, true)]) {
      const r = incidents(bytes)
      expect(r.errors).toEqual([])
      expect(r.records).toMatchObject([{ externalId: 'A-1', title: 'Zahlungsausfall — Überweisung' }])
    }
  })

  it('refuses invalid UTF-8 (e.g. Windows-1252) with the line and how to fix it', () => {
    const bytes = Buffer.concat([Buffer.from(HEADER + 'A-1,Caf'), Buffer.from([0xe9]), Buffer.from(',SEV1,Checkout,2025-03-01T10:00:00Z,\n')])
    expect(() => incidents(bytes)).toThrow(/not valid UTF-8 \(first invalid byte on line 2\).*UTF-8/)
    expect(firstInvalidUtf8(bytes)).toBe(HEADER.length + 7)
  })

  it('refuses UTF-16 without a BOM and binary files', () => {
    expect(() => incidents(Buffer.from(HEADER + ROW, 'utf16le'))).toThrow(/UTF-16 without a byte-order mark/)
  })
})

describe('file-level problems', () => {
  it('empty file, whitespace only, BOM only, header only', () => {
    expect(() => incidents('')).toThrow('The file is empty.')
    expect(() => incidents('  \n\n')).toThrow('The file is empty.')
    expect(() => incidents(Buffer.from([0xef, 0xbb, 0xbf]))).toThrow('The file is empty.')
    expect(() => incidents(HEADER)).toThrow('The file has a header row but no data rows.')
  })

  it('files over 50 MB are refused before they are read', () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1)
    expect(() => incidents(big)).toThrow(/limit is 50 MB/)
  })

  it('a missing required column names it', () => {
    expect(() => incidents('id,title,team\nA,B,C\n')).toThrow(/no "severity", "started_at" columns/)
  })

  it('an unclosed quote is a clear error', () => {
    expect(() => incidents(HEADER + 'A-1,"Checkout down,SEV1,Checkout,2025-03-01T10:00:00Z,\n')).toThrow(/quoted cell is never closed/)
  })

  it('invalid JSON and JSON that is not a list', () => {
    expect(() => incidents('[{"id": 1,}]')).toThrow(/not valid JSON/)
    expect(() => incidents('{"hello": "world"}')).toThrow(/no list of records/)
    expect(() => incidents('[]')).toThrow(/no records/)
  })

  it('a file of another kind is refused with what it is', () => {
    expect(() => parseImportFile(Buffer.from('Summary,Issue key,Issue Type,Created\nA,B-1,Task,6/1/2025 10:00\n'), { kind: 'incidents' })).toThrow(/Jira Cloud export.*holds tech debt/)
  })
})

describe('row-level problems (line, column, reason)', () => {
  it('extra and missing cells', () => {
    const r = incidents(HEADER + ROW + 'A-2,Too many,SEV2,Checkout,2025-03-01T10:00:00Z,,surprise\nA-3,Too few,SEV2\n')
    expect(r.records).toHaveLength(1)
    expect(r.errors).toEqual([
      { line: 3, column: null, reason: expect.stringContaining('7 cells but the header has 6') },
      { line: 4, column: null, reason: expect.stringContaining('missing columns') },
    ])
  })

  it('unknown severity, dates in the future, before 2000, unreadable, resolved before started', () => {
    const r = incidents(
      HEADER +
        'A-1,x,SEV9,Checkout,2025-03-01T10:00:00Z,\n' +
        'A-2,x,SEV1,Checkout,2999-01-01T00:00:00Z,\n' +
        'A-3,x,SEV1,Checkout,1999-12-31T23:59:59Z,\n' +
        'A-4,x,SEV1,Checkout,yesterday,\n' +
        'A-5,x,SEV1,Checkout,2025-03-02T10:00:00Z,2025-03-01T10:00:00Z\n',
    )
    expect(r.records).toHaveLength(0)
    expect(r.errors).toEqual([
      { line: 2, column: 'severity', reason: 'unknown severity "SEV9" (expected SEV1, SEV2, SEV3 or SEV4)' },
      { line: 3, column: 'started_at', reason: 'startedAt 2999-01-01 is in the future' },
      { line: 4, column: 'started_at', reason: 'startedAt 1999-12-31 is before 2000-01-01' },
      { line: 5, column: 'started_at', reason: expect.stringContaining('"yesterday" is not a date') },
      { line: 6, column: 'resolved_at', reason: 'resolvedAt is before startedAt' },
    ])
  })

  it('duplicate ids within a file', () => {
    const r = incidents(HEADER + ROW + ROW.replace('Checkout down', 'Again'))
    expect(r.records).toHaveLength(1)
    expect(r.errors).toEqual([{ line: 3, column: 'id', reason: 'duplicate id "A-1" (first on line 2)' }])
  })

  it('quoted newlines do not shift line numbers of later rows', () => {
    const r = incidents(HEADER + 'A-1,"two\nlines",SEV1,Checkout,2025-03-01T10:00:00Z,\nA-2,x,SEV5,Checkout,2025-03-01T10:00:00Z,\n')
    expect(r.errors).toEqual([{ line: 4, column: 'severity', reason: expect.stringContaining('SEV5') }])
  })

  it('duplicate team+month in throughput', () => {
    const r = parseImportFile(Buffer.from('team,month,features_shipped\nBilling,2025-01,3\nbilling,2025-01-15,4\n'), { kind: 'throughput' })
    expect(r.errors).toEqual([{ line: 3, column: 'month', reason: expect.stringContaining('duplicate team and month') }])
  })
})

describe('dates', () => {
  it.each([
    ['11/May/24 03:26 PM', '2024-05-11T15:26:00.000Z'],
    ['11/May/24 12:05 AM', '2024-05-11T00:05:00.000Z'],
    ['6/21/2025 16:14', '2025-06-21T16:14:00.000Z'],
    ['21/06/2025 16:14', '2025-06-21T16:14:00.000Z'],
    ['2025-06-21T16:14:00+02:00', '2025-06-21T14:14:00.000Z'],
    ['2025-06-21 16:14:05', '2025-06-21T16:14:05.000Z'],
    ['2025-06', '2025-06-01T00:00:00.000Z'],
    ['Sat Jun 15 2024', '2024-06-15T00:00:00.000Z'],
  ])('%s', (raw, iso) => expect(parseDate(raw)?.toISOString()).toBe(iso))

  it('refuses impossible dates', () => {
    expect(parseDate('31/Feb/24')).toBeNull()
    expect(parseDate('2025-13-01')).toBeNull()
    expect(parseDate('13/13/2025')).toBeNull()
  })
})
