import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortcutAction, SHORTCUTS } from '../shortcuts.js';

test('keys map to actions; modified keys and typing in a field do not', () => {
  assert.equal(shortcutAction({ key: '+' }), 'larger');
  assert.equal(shortcutAction({ key: '=' }), 'larger');
  assert.equal(shortcutAction({ key: '-' }), 'smaller');
  assert.equal(shortcutAction({ key: 't' }), 'theme');
  assert.equal(shortcutAction({ key: 'r' }), 'speak');
  assert.equal(shortcutAction({ key: '?' }), 'help');
  assert.equal(shortcutAction({ key: 'Escape' }), 'close');
  assert.equal(shortcutAction({ key: 'x' }), null);
  assert.equal(shortcutAction({ key: '+', ctrlKey: true }), null, 'Ctrl + is the browser zoom');
  assert.equal(shortcutAction({ key: 't', metaKey: true }), null);
  assert.equal(shortcutAction({ key: 't', target: /** @type {any} */ ({ tagName: 'INPUT' }) }), null);
  assert.equal(shortcutAction({ key: 'Escape', target: /** @type {any} */ ({ tagName: 'SELECT' }) }), 'close');
});

test('every action has one help entry', () => {
  const actions = SHORTCUTS.map((s) => s.action);
  assert.equal(new Set(actions).size, actions.length);
  for (const s of SHORTCUTS) assert.ok(s.description && s.label && s.keys.length);
});
