// The reader document builder (shared by the extension and the demo):
// metadata is escaped, the document forbids scripts, settings are clamped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { articleDocument, summarizeReport, normalizeSettings, escapeHtml, DEFAULT_SETTINGS } from '../render.js';

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
  assert.deepEqual(normalizeSettings({ theme: 'neon', fontSize: 99, font: 'comic', width: 'huge' }), DEFAULT_SETTINGS);
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
