'use client'

import { csvFileName, toCsv, type CsvCell } from '@/lib/csv'
import { buttonClasses } from '@/components/ui/button'

/** Builds the CSV in the browser from data already on the page (cells neutralised by lib/csv). */
export function DownloadCsvButton({ name, header, rows, label = 'Export CSV' }: { name: string; header: string[]; rows: CsvCell[][]; label?: string }) {
  const download = () => {
    const blob = new Blob(['\uFEFF', toCsv(header, rows)], { type: 'text/csv;charset=utf-8' })
    const url = URL.createObjectURL(blob)
    const a = document.createElement('a')
    a.href = url
    a.download = csvFileName(name)
    document.body.append(a)
    a.click()
    a.remove()
    setTimeout(() => URL.revokeObjectURL(url), 1_000)
  }
  return (
    <button type="button" onClick={download} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
      {label}
    </button>
  )
}
