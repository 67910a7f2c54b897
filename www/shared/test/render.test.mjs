// The reader document builder (shared by the extension and the demo):
// metadata is escaped, the document forbids scripts, settings are clamped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  articleDocument, summarizeReport, normalizeSettings, escapeHtml, DEFAULT_SETTINGS, fileName, markdownDocument, stepIn,
  FONT_SIZES,
} from '../render.js';

const base = {
  title: 'T', byline: null, dir: null, lang: null, content: '<p>Body</p>', textContent: 'Body', length: 4,
  excerpt: null, siteName: null, publishedTime: null, leadImage: null, wordCount: 1, readingTimeMinutes: 1,
  report: { totals: [], removed: [] },
};

test('metadata fields are escaped, never markup', () => {
  const evil = '"><img src=x onerror=alert(1)><script>alert(2)</script>';
  const doc = articleDocument({ ...base, title: evil, byline: evil, siteName: evil, excerpt: evil, lang: evil, dir: evil, leadImage: evil }, {});
  assert.ok(!doc.includes('<img src=x'), doc);
  assert.ok(!doc.includes('<script>'), doc);
  assert.ok(doc.includes('&lt;img src=x onerror=alert(1)&gt;'));
  assert.ok(!/ dir="[^lr]/.test(doc), 'dir is only ltr/rtl');
});

test('the document forbids scripts and carries lang/dir', () => {
  const doc = articleDocument({ ...base, lang: 'he', dir: 'rtl' }, { theme: 'dark' });
  assert.match(doc, /Content-Security-Policy" content="default-src 'none'; script-src 'none'/);
  assert.match(doc, /<html lang="he" dir="rtl" data-theme="dark"/);
  assert.match(doc, /<article><p>Body<\/p><\/article>/);
});

test('the standfirst is shown only when the text does not already hold it', () => {
  const withDek = articleDocument({ ...base, excerpt: 'A subtitle that is not in the body text at all.' }, {});
  assert.match(withDek, /class="dek"/);
  const without = articleDocument({ ...base, excerpt: 'Body', textContent: 'Body and more' }, {});
  assert.doesNotMatch(without, /class="dek"/);
});

test('settings are clamped to the known values', () => {
  assert.deepEqual(normalizeSettings({ theme: 'neon', fontSize: 99, font: 'comic', width: 'huge', lineHeight: 9, letterSpacing: '1', junk: 1 }), DEFAULT_SETTINGS);
  assert.deepEqual(normalizeSettings({ lineHeight: 2, letterSpacing: 0.05 }), { ...DEFAULT_SETTINGS, lineHeight: 2, letterSpacing: 0.05 });
  assert.deepEqual(normalizeSettings('not an object'), DEFAULT_SETTINGS);
  assert.deepEqual(normalizeSettings({ theme: 'sepia', fontSize: 22 }), { ...DEFAULT_SETTINGS, theme: 'sepia', fontSize: 22 });
});

test('the removal summary counts junk, most first, in words', () => {
  const s = summarizeReport({ totals: [
    { category: 'ad', elements: 3, chars: 10 }, { category: 'cookie-banner', elements: 1, chars: 300 },
    { category: 'link-list', elements: 2, chars: 900 }, { category: 'non-content', elements: 14, chars: 0 },
  ], removed: [] });
  assert.equal(s, 'removed: 3 ads, 1 cookie banner, 2 link lists');
  assert.equal(summarizeReport({ totals: [], removed: [] }), 'removed: nothing notable');
  assert.equal(escapeHtml(`<a href="x">'&`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
});

test('line height and letter spacing reach the document root', () => {
  const doc = articleDocument(base, { lineHeight: 1.8, letterSpacing: 0.1, fontSize: 22, width: 'wide' });
  assert.match(doc, /style="--fs:22px;--width:48em;--lh:1.8;--ls:0.1em"/);
  assert.match(doc, /font: var\(--fs\)\/var\(--lh\) var\(--font\); letter-spacing: var\(--ls\)/);
});

test('stepIn moves through a list and stops at its ends', () => {
  assert.equal(stepIn(FONT_SIZES, 19, 1), 20);
  assert.equal(stepIn(FONT_SIZES, 28, 1), 28);
  assert.equal(stepIn(FONT_SIZES, 14, -1), 14);
  assert.equal(stepIn(FONT_SIZES, 999, 1), 15, 'unknown value: from the start');
});

test('a forum Article renders one block per post with its author; others render content', async () => {
  const forum = JSON.parse(await readFile(new URL('../../e2e/fixtures/forum-article.json', import.meta.url), 'utf8'));
  const doc = articleDocument({ ...forum, posts: [...forum.posts, { author: '<b>x</b>', publishedTime: null, content: '<p>Last</p>' }] }, {});
  const posts = doc.match(/<article class="post"/g) ?? [];
  assert.equal(posts.length, 4);
  for (const p of forum.posts) assert.ok(doc.includes(`>${p.author}</h2>`), p.author);
  assert.ok(doc.includes('&lt;b&gt;x&lt;/b&gt;'), 'author names are escaped');
  assert.ok(doc.includes('<time class="post-time" datetime="2024-03-02T10:02:00Z">'));
  assert.ok(!doc.includes(forum.content), 'the posts replace the flat content');
  // Not a forum (or no posts): the content as is.
  const plain = articleDocument({ ...forum, pageType: 'article' }, {});
  assert.ok(plain.includes(`<article>${forum.content}</article>`));
  assert.ok(!plain.includes('class="post"'));
  assert.ok(articleDocument({ ...forum, posts: [] }, {}).includes(`<article>${forum.content}</article>`));
});

test('file names come from the title, without characters file systems refuse', () => {
  assert.equal(fileName('Renzi-Jack Ma, incontro a Palazzo Chigi', 'md'), 'Renzi-Jack Ma, incontro a Palazzo Chigi.md');
  assert.equal(fileName('a/b\\c: d*e?f"g<h>i|j\u0007k', 'html'), 'a b c d e f g h i j k.html');
  assert.equal(fileName('  ...hidden  ', 'md'), 'hidden.md');
  assert.equal(fileName('', 'md'), 'article.md');
  assert.equal(fileName(null, 'html'), 'article.html');
  assert.equal(fileName('x'.repeat(300), 'md').length, 103);
});

test('the Markdown file: title heading, byline line, source, body', () => {
  const md = markdownDocument({ ...base, title: 'A\ntitle', byline: 'Ann', siteName: 'Site', publishedTime: null }, '\nBody text.\n\n', 'https://e.example/a');
  assert.equal(md, '# A title\n\n*Ann · Site*\n\nSource: <https://e.example/a>\n\nBody text.\n');
  assert.equal(markdownDocument(base, 'B', 'javascript:alert(1)'), '# T\n\nB\n', 'only http(s) sources');
});

test('the saved HTML links its source and still forbids scripts', () => {
  const doc = articleDocument(base, {}, { sourceUrl: 'https://e.example/"x' });
  assert.ok(doc.includes('Source: <a href="https://e.example/&quot;x">'));
  assert.ok(!articleDocument(base, {}, { sourceUrl: 'javascript:alert(1)' }).includes('Source:'));
  assert.match(doc, /script-src 'none'/);
});
