import { z } from 'zod'
import { parseCsv, type CsvTable } from '@/lib/intake/csv'
import { decodeFile } from '@/lib/intake/decode'
import { assertFormatFits, detectCsvFormat, detectJsonFormat, isJsonText } from '@/lib/intake/detect'
import { FileRejectedError } from '@/lib/intake/errors'
import { objectList, type FormatOutput } from '@/lib/intake/formats/common'
import { mapFormbricksCsv } from '@/lib/intake/formats/formbricks'
import { mapGenericCsv, mapGenericJson } from '@/lib/intake/formats/generic'
import { mapIncidentIoCsv, mapIncidentIoJson } from '@/lib/intake/formats/incidentio'
import { mapJiraCsv, type DebtFilter } from '@/lib/intake/formats/jira'
import { mapPagerDutyCsv, mapPagerDutyJson } from '@/lib/intake/formats/pagerduty'
import { validateRows } from '@/lib/intake/validate'
import { DEFAULT_MAPPINGS, type SeverityMappings } from '@/lib/intake/severity'
import type { ImportFormat, ImportKind, ParseResult } from '@/lib/intake/types'

// File bytes -> validated records and row errors. Pure: no database. Team names are resolved
// later (lib/intake/teams.ts) because that needs the alias table.

export interface ParseOptions {
  kind: ImportKind
  format?: ImportFormat
  mappings?: SeverityMappings
  debt?: DebtFilter
  surveyTitle?: string
}

export function parseImportFile(bytes: Uint8Array, options: ParseOptions): ParseResult {
  return parseImportText(decodeFile(bytes), options)
}

export function parseImportText(text: string, options: ParseOptions): ParseResult {
  return validateAll(stageImportText(text, options))
}

/**
 * A file read and mapped to the canonical columns, its rows validated on demand in slices, in
 * order: an import validates one slice while the database writes the one before.
 */
export interface StagedParse {
  head: Omit<ParseResult, 'records' | 'errors' | 'skipped'>
  /** Validates rows [from, to); duplicates are found against every slice validated before. */
  validate: (from: number, to: number) => Pick<ParseResult, 'records' | 'errors' | 'skipped'>
}

/** Every row of a staged file validated at once: the whole ParseResult. */
export function validateAll(staged: StagedParse): ParseResult {
  return { ...staged.head, ...staged.validate(0, staged.head.totalRows) }
}

export function stageImportFile(bytes: Uint8Array, options: ParseOptions): StagedParse {
  return stageImportText(decodeFile(bytes), options)
}

function stageImportText(text: string, options: ParseOptions): StagedParse {
  const mappings = options.mappings ?? DEFAULT_MAPPINGS
  const { kind } = options
  let format: ImportFormat
  let out: FormatOutput
  if (isJsonText(text) && (!options.format || options.format.endsWith('-json'))) {
    let value: unknown
    try {
      value = JSON.parse(text)
    } catch (err) {
      throw new FileRejectedError(`The file is not valid JSON: ${(err as Error).message}`)
    }
    format = options.format ?? detectJsonFormat(value)
    assertFormatFits(kind, format)
    if (format === 'pagerduty-json') out = mapPagerDutyJson(objectList(value, ['data', 'incidents'], 'incidents'), mappings.pagerduty)
    else if (format === 'incidentio-json') out = mapIncidentIoJson(objectList(value, ['incidents'], 'incidents'), mappings.incidentio)
    else {
      if (kind === 'survey') throw new FileRejectedError('Survey answers are imported from a Formbricks responses CSV.')
      out = mapGenericJson(kind, objectList(value, ['items', 'records', 'data'], 'records'))
    }
  } else {
    if (options.format?.endsWith('-json')) throw new FileRejectedError('The file is not JSON (it does not start with [ or {).')
    const table: CsvTable = parseCsv(text)
    if (table.rows.length === 0) throw new FileRejectedError('The file has a header row but no data rows.')
    format = options.format ?? detectCsvFormat(table.header)
    assertFormatFits(kind, format)
    switch (format) {
      case 'pagerduty-csv': out = mapPagerDutyCsv(table, mappings.pagerduty); break
      case 'incidentio-csv': out = mapIncidentIoCsv(table, mappings.incidentio); break
      case 'jira-csv': out = mapJiraCsv(table, options.debt ?? {}); break
      case 'formbricks-csv': out = mapFormbricksCsv(table, options.surveyTitle); break
      default:
        if (kind === 'survey') throw new FileRejectedError('Survey answers are imported from a Formbricks responses CSV.')
        out = mapGenericCsv(kind, table)
    }
  }
  const seen = new Map<string, number | null>()
  return {
    head: {
      kind,
      format,
      source: out.source,
      columns: out.columns,
      ignoredColumns: out.ignored,
      dropped: out.dropped,
      totalRows: out.rows.length,
      ...(out.survey ? { survey: out.survey } : {}),
    },
    validate: (from, to) => validateRows(kind, out, { from, to, seen }),
  }
}

export type { z }
