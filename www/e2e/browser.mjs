// Shared Playwright setup: Debian's Chromium through playwright-core, no
// network (every request outside 127.0.0.1 is aborted), screenshots in
// target/e2e-screenshots/.
import { chromium } from 'playwright-core';
import { mkdtemp, rm, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, SHOTS } from './paths.mjs';

export { ROOT, SHOTS };
const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

async function offline(ctx) {
  await ctx.route((url) => url.hostname !== '127.0.0.1' && url.protocol.startsWith('http'), (route) => route.abort());
}

/** A persistent context with the unpacked extension loaded. */
export async function withExtension(extDir) {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'declutter-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE, headless: true, viewport: { width: 1100, height: 900 },
    args: [...ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
  await offline(ctx);
  await mkdir(SHOTS, { recursive: true });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  return { ctx, sw, close: async () => { await ctx.close(); await rm(profile, { recursive: true, force: true }); } };
}

/** A plain browser context. */
export async function plain() {
  const browser = await chromium.launch({ executablePath: EXECUTABLE, headless: true, args: ARGS });
  const ctx = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  await offline(ctx);
  await mkdir(SHOTS, { recursive: true });
  return { ctx, close: () => browser.close() };
}
