// isMessage checks the whole shape of a message, per type and direction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  isMessage, ContentToBackground, BackgroundToContent, ReaderToBackground, AutoToBackground,
} from '../messages.js';

test('well-formed messages pass, for their own direction only', () => {
  const clean = { type: ContentToBackground.CLEAN_PAGE, html: '<p>x</p>', url: 'https://e.example/' };
  assert.ok(isMessage(clean, ContentToBackground));
  assert.ok(!isMessage(clean, ReaderToBackground), 'another direction');
  assert.ok(isMessage({ type: ReaderToBackground.SET_ALWAYS, on: false }, ReaderToBackground));
  assert.ok(isMessage({ type: ReaderToBackground.GET_MARKDOWN }, ReaderToBackground));
  assert.ok(isMessage({ type: BackgroundToContent.TOGGLE }, BackgroundToContent));
  assert.ok(isMessage({ type: AutoToBackground.OPEN }, AutoToBackground));
});

test('a missing, mistyped or extra field makes a message malformed', () => {
  const t = ContentToBackground.CLEAN_PAGE;
  assert.ok(!isMessage({ type: t, html: '<p>x</p>' }, ContentToBackground), 'url missing');
  assert.ok(!isMessage({ type: t, html: 42, url: 'u' }, ContentToBackground), 'html not a string');
  assert.ok(!isMessage({ type: t, html: 'h', url: 'u', extra: 1 }, ContentToBackground), 'extra field');
  assert.ok(!isMessage({ type: ReaderToBackground.SET_ALWAYS, on: 'yes' }, ReaderToBackground), 'on not a boolean');
  assert.ok(!isMessage({ type: ReaderToBackground.SET_ALWAYS }, ReaderToBackground), 'on missing');
  assert.ok(!isMessage({ type: BackgroundToContent.TOGGLE, now: true }, BackgroundToContent), 'payload on a bare type');
  for (const bad of [null, undefined, 'declutter:bg→content:toggle', [BackgroundToContent.TOGGLE], { type: 'other' }, {}]) {
    assert.ok(!isMessage(bad, BackgroundToContent), JSON.stringify(bad));
  }
});

test('every type of every direction has a declared shape', () => {
  for (const dir of [ContentToBackground, BackgroundToContent, ReaderToBackground, AutoToBackground]) {
    for (const type of Object.values(dir)) {
      // A bare message passes exactly when its type declares no payload.
      const bare = isMessage({ type }, dir);
      const withPayload = [{ type, html: 'h', url: 'u' }, { type, on: true }].some((m) => isMessage(m, dir));
      assert.ok(bare !== withPayload, `${type}: exactly one shape`);
    }
  }
});
