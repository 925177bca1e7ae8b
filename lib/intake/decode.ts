import { FileRejectedError } from '@/lib/intake/errors'
import { MAX_FILE_BYTES } from '@/lib/intake/types'

// Bytes -> text. Accepted: UTF-8 (with or without BOM), UTF-16 LE/BE with a BOM. Anything else is
// refused with a message that says how to fix it; we never guess a legacy code page, because a
// wrong guess silently corrupts team names and titles.

export function decodeFile(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new FileRejectedError(`The file is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB. Split it into smaller files (each is imported idempotently).`)
  }
  if (bytes.byteLength === 0) throw new FileRejectedError('The file is empty.')
  let text: string
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = strictUtf8(bytes.subarray(3))
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2))
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2))
  } else {
    if (looksLikeUtf16WithoutBom(bytes)) {
      throw new FileRejectedError('The file looks like UTF-16 without a byte-order mark. Save it as UTF-8 (in Excel: "CSV UTF-8").')
    }
    text = strictUtf8(bytes)
  }
  if (text.includes('\u0000')) throw new FileRejectedError('The file contains NUL bytes: it is not a text (CSV or JSON) file.')
  if (text.trim() === '') throw new FileRejectedError('The file is empty.')
  return text
}

function strictUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    const at = firstInvalidUtf8(bytes)
    const line = at === -1 ? null : countLines(bytes, at)
    throw new FileRejectedError(
      `The file is not valid UTF-8${line ? ` (first invalid byte on line ${line})` : ''}. It was probably saved in a legacy encoding such as Windows-1252: save it as UTF-8 (in Excel: "CSV UTF-8") and import it again.`,
    )
  }
}

function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.byteLength, 200)
  if (n < 4) return false
  let zeros = 0
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros++
  return zeros >= n / 4
}

function countLines(bytes: Uint8Array, end: number): number {
  let line = 1
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++
  return line
}

/** Offset of the first byte that breaks UTF-8, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0
  while (i < b.length) {
    const c = b[i]
    let need = 0
    if (c < 0x80) { i++; continue }
    else if (c >= 0xc2 && c <= 0xdf) need = 1
    else if (c >= 0xe0 && c <= 0xef) need = 2
    else if (c >= 0xf0 && c <= 0xf4) need = 3
    else return i
    for (let k = 1; k <= need; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i
    i += need + 1
  }
  return -1
}
