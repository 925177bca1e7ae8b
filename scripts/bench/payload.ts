import { signIn } from './fixtures'

// npx tsx scripts/bench/payload.ts <baseUrl> <email> <path>...: size of each page's HTML and of the
// RSC payload inlined in it, with the biggest payload rows (what to trim first).
async function main() {
  const [baseUrl, email, ...paths] = process.argv.slice(2)
  const cookie = await signIn(baseUrl, email)
  for (const p of paths) {
    const html = await (await fetch(`${baseUrl}${p}`, { headers: { cookie } })).text()
    const chunks = [...html.matchAll(/self\.__next_f\.push\(\[1,"((?:[^"\\]|\\.)*)"\]\)/g)].map((m) => JSON.parse(`"${m[1]}"`) as string)
    const payload = chunks.join('')
    const rows = payload.split('\n').filter(Boolean).map((r) => ({ id: r.slice(0, r.indexOf(':')), len: r.length, head: r.slice(0, 160) }))
    const elements = (payload.match(/\["\$","/g) ?? []).length
    const classChars = [...payload.matchAll(/"className":"([^"]*)"/g)].reduce((n, m) => n + m[1].length, 0)
    console.log(`\n${p}: HTML ${html.length} chars, RSC payload ${payload.length} chars in ${rows.length} rows: ${elements} elements, ${classChars} chars of class names`)
    for (const r of rows.sort((a, b) => b.len - a.len).slice(0, 12)) console.log(`  ${String(r.len).padStart(7)}  ${r.head}`)
  }
}
main().catch((e) => { console.error(e); process.exit(1) })
