import { describe, expect, it } from 'vitest'
import { MARKDOWN_MAX_BYTES, VIDEO_EMBED_ORIGINS, markdownToPlainText, renderMarkdown } from '@/lib/training/markdown'
import { XSS_CORPUS } from './xss-corpus'

// ---------------------------------------------------------------------------------------------
// A small HTML tokenizer following the browser's data-state rules closely enough to see what a
// browser would see: every `<` that starts a tag, comment or declaration is found, and attribute
// values are entity-decoded the way the browser decodes them.

interface Tag {
  name: string
  end: boolean
  attrs: Array<{ name: string; value: string }>
}

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0',
  sol: '/', lpar: '(', rpar: ')', semi: ';', equals: '=', period: '.', comma: ',', num: '#', excl: '!',
}

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd'
    }
    return NAMED[ref.toLowerCase()] ?? whole
  })
}

function tokenize(html: string): { tags: Tag[]; declarations: string[] } {
  const tags: Tag[] = []
  const declarations: string[] = []
  let i = 0
  while (i < html.length) {
    const lt = html.indexOf('<', i)
    if (lt < 0) break
    const next = html[lt + 1] ?? ''
    if (next === '!' || next === '?') {
      const close = html.indexOf('>', lt)
      declarations.push(html.slice(lt, close < 0 ? html.length : close + 1))
      i = close < 0 ? html.length : close + 1
      continue
    }
    const end = next === '/'
    const nameStart = end ? lt + 2 : lt + 1
    if (!/[a-z]/i.test(html[nameStart] ?? '')) {
      i = lt + 1
      continue
    }
    let j = nameStart
    while (j < html.length && !/[\s/>]/.test(html[j])) j++
    const tag: Tag = { name: html.slice(nameStart, j).toLowerCase(), end, attrs: [] }
    // attributes
    while (j < html.length && html[j] !== '>') {
      if (/[\s/]/.test(html[j])) {
        j++
        continue
      }
      const attrStart = j
      while (j < html.length && !/[\s/>=]/.test(html[j])) j++
      const name = html.slice(attrStart, j === attrStart ? ++j : j).toLowerCase()
      while (/\s/.test(html[j] ?? '')) j++
      let value = ''
      if (html[j] === '=') {
        j++
        while (/\s/.test(html[j] ?? '')) j++
        const quote = html[j]
        if (quote === '"' || quote === "'") {
          const close = html.indexOf(quote, j + 1)
          value = html.slice(j + 1, close < 0 ? html.length : close)
          j = close < 0 ? html.length : close + 1
        } else {
          const start = j
          while (j < html.length && !/[\s>]/.test(html[j])) j++
          value = html.slice(start, j)
        }
      }
      tag.attrs.push({ name, value: decodeEntities(value) })
    }
    tags.push(tag)
    i = j + 1
  }
  return { tags, declarations }
}

// ---------------------------------------------------------------------------------------------
// The allow-list the rendered HTML must satisfy.

const ALLOWED: Record<string, readonly string[]> = {
  a: ['href', 'title', 'rel', 'id', 'aria-describedby', 'aria-label', 'data-footnote-ref', 'data-footnote-backref'],
  img: ['src', 'alt', 'title', 'loading', 'decoding', 'referrerpolicy'],
  code: ['class'],
  span: ['class'],
  input: ['type', 'disabled', 'checked'],
  ol: ['start'],
  li: ['id'],
  td: ['align'],
  th: ['align'],
  section: ['data-footnotes'],
  h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
  figure: ['class'],
  iframe: ['src', 'title', 'loading', 'allow', 'allowfullscreen', 'referrerpolicy', 'sandbox'],
  figcaption: [],
  blockquote: [], br: [], del: [], em: [], hr: [], p: [], pre: [], strong: [], sup: [], table: [], tbody: [], thead: [], tr: [], ul: [],
}
const FORBIDDEN_TAGS = ['script', 'style', 'object', 'embed', 'form', 'iframe', 'svg', 'math', 'link', 'meta', 'base', 'template', 'textarea', 'button']
const CLASS_OK: Record<string, RegExp> = {
  code: /^(hljs|language-[\w+#.-]+)$/,
  span: /^(hljs-[\w-]+|[a-z]+_+)$/,
  figure: /^video-embed$/,
}
const VIDEO_SRC = [
  /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/,
  /^https:\/\/player\.vimeo\.com\/video\/\d+$/,
  /^https:\/\/www\.loom\.com\/embed\/[0-9a-f]{32}$/,
]

/** What a browser does to a URL before reading its scheme. */
function browserUrl(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '')
}

function schemeOf(value: string): string | null {
  try {
    return new URL(browserUrl(value), 'https://paceline.test/').protocol
  } catch {
    return null
  }
}

/** Every reason `html` is unsafe; empty when it passes. */
function violations(html: string): string[] {
  const problems: string[] = []
  const { tags, declarations } = tokenize(html)
  for (const d of declarations) problems.push(`comment or declaration ${d}`)
  for (const tag of tags) {
    if (tag.end) continue
    const allowed = ALLOWED[tag.name]
    if (!allowed) problems.push(`<${tag.name}> is not allowed`)
    if (tag.name === 'iframe') {
      const src = tag.attrs.find((a) => a.name === 'src')?.value ?? ''
      if (!VIDEO_SRC.some((re) => re.test(src))) problems.push(`iframe with src ${src}`)
      if (!VIDEO_EMBED_ORIGINS.some((o) => src.startsWith(`${o}/`))) problems.push(`iframe origin ${src}`)
      if (!tag.attrs.some((a) => a.name === 'sandbox')) problems.push('iframe without sandbox')
    } else if (FORBIDDEN_TAGS.includes(tag.name)) {
      problems.push(`forbidden <${tag.name}>`)
    }
    for (const { name, value } of tag.attrs) {
      if (name.startsWith('on')) problems.push(`event handler ${name} on <${tag.name}>`)
      if (name === 'style') problems.push(`style attribute on <${tag.name}>`)
      if (allowed && !allowed.includes(name)) problems.push(`attribute ${name} on <${tag.name}>`)
      if (name === 'class') {
        for (const cls of value.split(/\s+/).filter(Boolean)) {
          if (!CLASS_OK[tag.name]?.test(cls)) problems.push(`class ${cls} on <${tag.name}>`)
        }
      }
      const plain = browserUrl(value).toLowerCase()
      if (/javascript:|vbscript:/.test(plain)) problems.push(`script scheme in ${name}="${value}"`)
      if (/&[a-z]+;/i.test(value) && (name === 'href' || name === 'src')) problems.push(`undecoded entity in ${name}`)
      if (name === 'href') {
        const scheme = schemeOf(value)
        if (!scheme || !['http:', 'https:', 'mailto:'].includes(scheme)) problems.push(`href scheme ${scheme} in ${value}`)
      }
      if (name === 'src') {
        const scheme = schemeOf(value)
        if (!/^https?:\/\/[^/\\]/i.test(value) || !['http:', 'https:'].includes(scheme ?? '')) problems.push(`src ${value}`)
      }
    }
  }
  return problems
}

describe('the safety checker itself', () => {
  it.each([
    ['<script>alert(1)</script>', 'forbidden <script>'],
    ['<img src="https://a.example/x.png" onerror="x">', 'event handler'],
    ['<p style="color:red">x</p>', 'style attribute'],
    ['<a href="jav&#x09;ascript:alert(1)">x</a>', 'script scheme'],
    ['<a href="JaVaScRiPt&colon;alert(1)">x</a>', 'script scheme'],
    ['<a href="data:text/html,x">x</a>', 'href scheme'],
    ['<img src="//evil.example/x.png">', 'src'],
    ['<iframe src="https://evil.example/embed/x"></iframe>', 'iframe'],
    ['<!-- x -->', 'comment'],
    ['<span class="evil">x</span>', 'class evil'],
    ['<div>x</div>', '<div> is not allowed'],
  ])('flags %s', (html, reason) => {
    expect(violations(html).join('\n')).toContain(reason)
  })

  it('accepts what the renderer is meant to produce', () => {
    expect(violations('<p><a href="https://example.com" rel="noopener noreferrer nofollow ugc">x</a> <a href="#user-content-a">a</a> <a href="mailto:a@example.com">m</a></p>')).toEqual([])
  })
})

describe('renderMarkdown: XSS corpus', () => {
  it('has at least 60 payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(60)
    expect(new Set(XSS_CORPUS.map((c) => c.name)).size).toBe(XSS_CORPUS.length)
  })

  it.each(XSS_CORPUS.map((c) => [c.name, c.markdown] as const))('neutralises: %s', (_name, markdown) => {
    const html = renderMarkdown(markdown)
    expect(violations(html)).toEqual([])
    expect(html).not.toMatch(/<iframe/i)
  })

  it('shows raw HTML as text instead of dropping or running it', () => {
    expect(renderMarkdown('<script>alert(1)</script>')).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>')
    expect(renderMarkdown('Hi <b onclick="x()">there</b>')).toContain('&#x3C;b onclick="x()">there&#x3C;/b>')
  })

  it('keeps the text of links whose URL is refused', () => {
    expect(renderMarkdown('[click me](javascript:alert(1))')).toBe('<p><a>click me</a></p>')
    expect(renderMarkdown('![diagram](data:image/png;base64,AAAA)')).toBe('<p>diagram</p>')
  })

  it('keeps attribute-breaking titles inside the attribute', () => {
    const html = renderMarkdown('[x](https://example.com "a\\" onmouseover=\\"alert(1)")')
    const a = tokenize(html).tags.find((t) => t.name === 'a')
    expect(a?.attrs.map((x) => x.name)).toEqual(['href', 'title', 'rel'])
    expect(a?.attrs.find((x) => x.name === 'title')?.value).toBe('a" onmouseover="alert(1)')
  })

  it('never puts a fenced code body outside its <code>', () => {
    const html = renderMarkdown('```\n</code></pre><script>alert(1)</script>\n```')
    expect(html).toBe('<pre><code>&#x3C;/code>&#x3C;/pre>&#x3C;script>alert(1)&#x3C;/script>\n</code></pre>')
  })
})

describe('renderMarkdown: GFM', () => {
  it('gives headings stable, unique, prefixed ids and rewrites in-page links to them', () => {
    const html = renderMarkdown('# Getting started\n\n## Getting started\n\n### Café & tea?\n\n[jump](#getting-started) [second](#getting-started-1) [gone](#nowhere)')
    expect(html).toContain('<h1 id="user-content-getting-started">Getting started</h1>')
    expect(html).toContain('<h2 id="user-content-getting-started-1">Getting started</h2>')
    expect(html).toContain('<h3 id="user-content-café-tea">')
    expect(html).toContain('<a href="#user-content-getting-started">jump</a>')
    expect(html).toContain('<a href="#user-content-getting-started-1">second</a>')
    expect(html).toContain('<a href="#nowhere">gone</a>')
    // Same input, same ids: links shared between readers keep working.
    expect(renderMarkdown('# Getting started')).toBe(renderMarkdown('# Getting started'))
  })

  it('cannot collide with the ids of the page around it', () => {
    expect(renderMarkdown('# Main')).toBe('<h1 id="user-content-main">Main</h1>')
  })

  it('renders lists, task lists, emphasis and strikethrough', () => {
    const html = renderMarkdown('- one\n- **two**\n\n1. first\n2. ~~second~~\n\n- [x] done\n- [ ] todo')
    expect(html).toContain('<ul>\n<li>one</li>\n<li><strong>two</strong></li>\n</ul>')
    expect(html).toContain('<ol>\n<li>first</li>\n<li><del>second</del></li>\n</ol>')
    expect(html).toContain('<li><input type="checkbox" checked disabled> done</li>')
    expect(html).toContain('<li><input type="checkbox" disabled> todo</li>')
  })

  it('renders tables with alignment', () => {
    const html = renderMarkdown('| Task | Minutes |\n|:--|--:|\n| Write tests | 15 |')
    expect(html).toContain('<table>')
    expect(html).toContain('<th align="left">Task</th>')
    expect(html).toContain('<td align="right">15</td>')
  })

  it('highlights fenced code with highlight.js classes, and leaves unknown languages plain', () => {
    const ts = renderMarkdown('```ts\nconst answer: number = 42 // why\n```')
    expect(ts).toContain('<code class="hljs language-ts">')
    expect(ts).toContain('<span class="hljs-keyword">const</span>')
    expect(ts).toContain('<span class="hljs-comment">// why</span>')
    const unknown = renderMarkdown('```klingon\nqapla <b>\n```')
    expect(unknown).toBe('<pre><code class="hljs language-klingon">qapla &#x3C;b>\n</code></pre>')
    // No guessing: a block without a language is not highlighted.
    expect(renderMarkdown('```\nconst a = 1\n```')).toBe('<pre><code>const a = 1\n</code></pre>')
  })

  it('renders images by absolute http(s) URL, lazily and without leaking the referrer', () => {
    expect(renderMarkdown('![Flow](https://example.com/flow.png "The flow")')).toBe(
      '<p><img src="https://example.com/flow.png" alt="Flow" title="The flow" loading="lazy" decoding="async" referrerpolicy="no-referrer"></p>',
    )
    expect(renderMarkdown('![Flow](/local.png)')).toBe('<p>Flow</p>')
  })

  it('marks links to other origins rel="noopener noreferrer nofollow ugc" and leaves internal links alone', () => {
    const html = renderMarkdown('[ext](https://example.com/a) [rel](/training/x) [up](../y) [mail](mailto:a@example.com) www.example.org')
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer nofollow ugc">ext</a>')
    expect(html).toContain('<a href="/training/x">rel</a>')
    expect(html).toContain('<a href="../y">up</a>')
    expect(html).toContain('<a href="mailto:a@example.com">mail</a>')
    expect(html).toContain('<a href="http://www.example.org" rel="noopener noreferrer nofollow ugc">www.example.org</a>')
    expect(html).not.toContain('target=')
  })

  it('links footnotes to their prefixed ids', () => {
    const html = renderMarkdown('Claim[^1].\n\n[^1]: Source.')
    expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"')
    expect(html).toContain('<li id="user-content-fn-1">')
    expect(html).toContain('href="#user-content-fnref-1"')
  })
})

describe('renderMarkdown: video links', () => {
  const embedded = (html: string) => tokenize(html).tags.find((t) => t.name === 'iframe' && !t.end)

  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://youtu.be/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://www.youtube.com/shorts/dQw4w9WgXcQ', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['https://vimeo.com/76979871', 'https://player.vimeo.com/video/76979871'],
    ['https://www.loom.com/share/0123456789abcdef0123456789abcdef', 'https://www.loom.com/embed/0123456789abcdef0123456789abcdef'],
    ['<https://youtu.be/dQw4w9WgXcQ>', 'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ'],
    ['[Pairing on a refactor](https://vimeo.com/76979871)', 'https://player.vimeo.com/video/76979871'],
  ])('embeds %s', (markdown, src) => {
    const html = renderMarkdown(markdown)
    expect(violations(html)).toEqual([])
    const frame = embedded(html)
    const attr = (n: string) => frame?.attrs.find((a) => a.name === n)?.value
    expect(attr('src')).toBe(src)
    expect(attr('loading')).toBe('lazy')
    expect(attr('allow')).toBe('fullscreen; picture-in-picture')
    expect(attr('referrerpolicy')).toBe('strict-origin-when-cross-origin')
    expect(attr('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation')
    expect(attr('title')).toMatch(/^Video: /)
    expect(html).toMatch(/^<figure class="video-embed"><iframe [^>]+><\/iframe><figcaption><a href="https?:\/\/[^"]+" rel="noopener noreferrer nofollow ugc">[^<]+<\/a><\/figcaption><\/figure>$/)
    expect(VIDEO_EMBED_ORIGINS.some((o) => src.startsWith(o))).toBe(true)
  })

  it('titles the frame after the link text, or the host for a bare URL', () => {
    expect(renderMarkdown('[Pairing on a refactor](https://vimeo.com/76979871)')).toContain('title="Video: Pairing on a refactor"')
    expect(renderMarkdown('https://youtu.be/dQw4w9WgXcQ')).toContain('title="Video: YouTube"')
  })

  it.each([
    'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ',
    'https://youtu.be.evil/dQw4w9WgXcQ',
    'https://evil.example/youtu.be/dQw4w9WgXcQ',
    'https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ',
    '<https://youtu.be@evil.example/dQw4w9WgXcQ>',
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ"x',
    'https://youtu.be/dQw4w9WgXcQ/extra',
    'https://www.youtube.com/embed/dQw4w9WgXcQ?autoplay=1&v=x',
    'https://vimeo.com/channels/staffpicks',
    'https://notvimeo.com/76979871',
    'https://www.loom.com/share/not-a-loom-id',
    'https://loom.com.evil.example/share/0123456789abcdef0123456789abcdef',
    'https://youtube.com:8443/watch?v=dQw4w9WgXcQ',
    'ftp://youtu.be/dQw4w9WgXcQ',
  ])('keeps %s a plain link', (markdown) => {
    const html = renderMarkdown(markdown)
    expect(violations(html)).toEqual([])
    expect(embedded(html)).toBeUndefined()
  })

  it('embeds only a link that is alone in its paragraph', () => {
    expect(embedded(renderMarkdown('Watch https://youtu.be/dQw4w9WgXcQ first.'))).toBeUndefined()
    expect(embedded(renderMarkdown('- https://youtu.be/dQw4w9WgXcQ'))).toBeUndefined()
  })

  it('exports the three embed origins for the CSP', () => {
    expect([...VIDEO_EMBED_ORIGINS].sort()).toEqual(['https://player.vimeo.com', 'https://www.loom.com', 'https://www.youtube-nocookie.com'])
  })
})

describe('renderMarkdown: size and robustness', () => {
  /** A long module as experts write them: prose, lists, some code and tables (ASCII: length = bytes). */
  function largeBody(): string {
    const prose =
      'When you ask the assistant to change a legacy module, pin its behaviour with tests first, then ask for **one** ' +
      'small change at a time. Read every line of the diff it proposes; a change you cannot explain is a change you ' +
      'do not merge. Link the [team conventions](https://example.com/conventions) instead of pasting them into the prompt.'
    const parts: string[] = []
    let size = 0
    for (let i = 0; size < MARKDOWN_MAX_BYTES - 2_000; i++) {
      let section = `## Step ${i}: refactor in small steps\n\n${prose}\n\n${prose}\n\n- run the suite before and after\n- compare coverage\n- commit each step\n\n`
      if (i % 3 === 0) section += '```ts\nexport function total(items: Item[]): number {\n  return items.reduce((sum, i) => sum + i.price, 0)\n}\n```\n\n'
      if (i % 10 === 0) section += '| Model | Result |\n|---|---|\n| A | ok |\n| B | flaky |\n\n'
      parts.push(section)
      size += section.length
    }
    return parts.join('')
  }

  // No speed assertion (speed lives in the bench): super-linear rendering takes minutes at this size
  // and fails on the generous timeout; a busy machine does not.
  it('renders a body at the 200 kB limit completely', { timeout: 60_000 }, () => {
    const md = largeBody()
    expect(new TextEncoder().encode(md).length).toBeGreaterThan(MARKDOWN_MAX_BYTES - 3_000)
    const html = renderMarkdown(md)
    const steps = md.match(/^## /gm)?.length ?? 0
    expect(html.match(/<h2 id=/g)?.length).toBe(steps)
  })

  it('does not throw on pathological nesting: shows the body as escaped text instead', () => {
    const html = renderMarkdown(`${'>'.repeat(10_000)} <script>x</script>`)
    expect(violations(html)).toEqual([])
    expect(html).toContain('&lt;script&gt;')
  })

  it('handles empty and whitespace-only bodies', () => {
    expect(renderMarkdown('')).toBe('')
    expect(renderMarkdown(' \n\n ')).toBe('')
  })
})

describe('markdownToPlainText', () => {
  it('strips Markdown syntax and keeps the words', () => {
    const md = '# Write tests first\n\nUse **small** prompts and `vitest`; see [the guide](https://example.com).\n\n- one\n- two\n\n![diagram of the loop](https://example.com/a.png)\n\n<div>raw</div>\n\n| a | b |\n|---|---|\n| c | d |'
    expect(markdownToPlainText(md)).toBe('Write tests first Use small prompts and vitest; see the guide. one two diagram of the loop a b c d')
  })

  it('keeps code text but not fences or language names', () => {
    expect(markdownToPlainText('Run:\n\n```bash\nnpm test\n```')).toBe('Run: npm test')
  })

  it('cuts at a word boundary and marks the cut', () => {
    const text = markdownToPlainText('Refactoring a legacy module with an assistant takes patience and tests.', 30)
    expect(text.length).toBeLessThanOrEqual(30)
    expect(text).toBe('Refactoring a legacy module…')
    expect(markdownToPlainText('short', 30)).toBe('short')
  })

  it('drops raw HTML tags (the result is text: callers still escape it, as React does)', () => {
    expect(markdownToPlainText('Hello <b onclick="x()">there</b>\n\n<script>alert(1)</script>')).toBe('Hello there')
  })
})
