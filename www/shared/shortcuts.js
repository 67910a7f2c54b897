// @ts-check
// The reader view's keyboard shortcuts: one table, read both by the key
// handler and by the help overlay that lists them, so the two cannot drift.

/**
 * @typedef {'larger' | 'smaller' | 'theme' | 'speak' | 'help' | 'close'} Action
 * @typedef {{ action: Action, keys: string[], label: string, description: string }} Shortcut
 */

/** @type {readonly Shortcut[]} */
export const SHORTCUTS = Object.freeze([
  { action: 'larger', keys: ['+', '='], label: '+', description: 'Larger text' },
  { action: 'smaller', keys: ['-', '_'], label: '−', description: 'Smaller text' },
  { action: 'theme', keys: ['t', 'T'], label: 'T', description: 'Next theme (auto, light, sepia, dark)' },
  { action: 'speak', keys: ['r', 'R'], label: 'R', description: 'Read aloud: play / pause' },
  { action: 'help', keys: ['?'], label: '?', description: 'Show these shortcuts' },
  { action: 'close', keys: ['Escape'], label: 'Esc', description: 'Close the help, or the reader view' },
]);

/**
 * The action a key press asks for, or null. Presses with Ctrl, Alt or Meta
 * (the browser's own shortcuts) and presses while typing in a form control
 * are never taken, except Escape.
 * @param {{ key: string, ctrlKey?: boolean, altKey?: boolean, metaKey?: boolean, target?: EventTarget | null }} e
 * @returns {Action | null}
 */
export function shortcutAction(e) {
  if (e.ctrlKey || e.altKey || e.metaKey) return null;
  const target = /** @type {any} */ (e.target);
  const typing = target && (target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName ?? ''));
  if (typing && e.key !== 'Escape') return null;
  return SHORTCUTS.find((s) => s.keys.includes(e.key))?.action ?? null;
}
