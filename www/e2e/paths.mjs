// Where the e2e suites find things (no browser driver imported here).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Screenshots of every e2e run (looked at by a person, not compared). */
export const SHOTS = path.join(ROOT, 'target', 'e2e-screenshots');
