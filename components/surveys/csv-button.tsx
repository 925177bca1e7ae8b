'use client'

import { csvFileName, toCsv, type CsvCell } from '@/lib/csv'
import { Button } from '@/components/ui/button'

/** Downloads rows as a CSV file (cells that a spreadsheet would run as formulas are neutralised). */
export function CsvButton({ header, rows, filename, label = 'Download CSV' }: { header: string[]; rows: CsvCell[][]; filename: string; label?: string }) {
  function download() {
    const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = csvFileName(filename)
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1000)
  }
  return (
    <Button size="sm" variant="secondary" onClick={download}>
      {label}
    </Button>
  )
}
