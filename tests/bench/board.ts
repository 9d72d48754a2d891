import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build, preview, type PreviewServer } from 'vite';
import { z } from 'zod';
import { createGraphClient } from '../../src/graph/client';
import { fieldEq } from '../../src/graph/odata';
import { provisionSite } from '../../src/graph/provision';
import { createPlanStore, type PlanStore } from '../../src/graph/store';
import { startLocalGraph, type LocalGraph } from '../../src/localgraph';
import { launchChromium } from '../e2e/support/browser';
import { writeLargePlan } from './fixtures';

/**
 * The board in headless Chromium against the built tab: time from navigation to
 * the first board painted with its cards, Graph requests before that paint, the
 * same time for a baseline page that fetches the same items in one `$batch` and
 * writes plain HTML (the floor), a keyboard rating change (repaint, and the
 * write confirmed after Save), and the gzip size of the JS loaded before the
 * first paint. Each page load is cold (a new browser context); medians of 5.
 */
const RUNS = 5;
const SESSION_KEY = 'wsoa.localSession';

export async function benchBoard(): Promise<Record<string, number>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'wsoa-bench-board-'));
  const graph = await startLocalGraph({ port: 0, dataDir, quiet: true });
  let server: PreviewServer | null = null;
  let browser: Browser | null = null;
  try {
    const store = storeAs(graph, 'officer');
    await provisionSite(store.ctx);
    const outDir = join(dataDir, 'dist');
    server = await buildAndServe(graph, outDir);
    const tabUrl = server.resolvedUrls?.local[0];
    if (!tabUrl) throw new Error('Vite preview did not report its address');
    browser = await launchChromium();
    const session = await sessionFor(graph, 'lead');
    const results: Record<string, number> = {};

    for (const size of [300, 20_000]) {
      const { planId, priorityIds } = await writeLargePlan(store, size);
      const priorityId = priorityIds[0] ?? '';
      const baselineFile = `board-baseline-${size}.html`;
      writeFileSync(join(outDir, baselineFile), baselineHtml(graph, store, planId, priorityId));
      const appUrl = new URL(`/plans/${planId}/priorities/${priorityId}`, tabUrl).toString();
      const baselineUrl = new URL(`/${baselineFile}`, tabUrl).toString();

      const app = await loads(browser, session, appUrl, graph.origin);
      const baseline = await loads(browser, session, baselineUrl, graph.origin);
      results[`board.timeToBoardMs.${size}`] = round(median(app.map((r) => r.paint)));
      results[`board.baselineMs.${size}`] = round(median(baseline.map((r) => r.paint)));
      if (size === 300) {
        results['board.roundTripsBeforePaint.300'] = Math.max(...app.map((r) => r.graphRequests));
        results['board.initialJsGzipKb'] = round(gzipKb(outDir, app[0]?.scripts ?? []));
        Object.assign(results, await rateChanges(browser, session, appUrl));
      }
    }
    return results;
  } finally {
    await browser?.close();
    if (server) {
      const httpServer = server.httpServer;
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function storeAs(graph: LocalGraph, alias: string): PlanStore {
  const client = createGraphClient({
    baseUrl: graph.graphBaseUrl,
    getToken: async () => graph.tokenFor(alias),
  });
  return createPlanStore({ client, siteId: 'root' });
}

async function buildAndServe(graph: LocalGraph, outDir: string): Promise<PreviewServer> {
  const configFile = new URL('../../vite.config.ts', import.meta.url).pathname;
  process.env.VITE_GRAPH_BASE_URL = graph.graphBaseUrl;
  await build({ configFile, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  return preview({
    configFile,
    logLevel: 'warn',
    build: { outDir },
    preview: { port: 0, strictPort: false },
  });
}

/** The stored local sign-in (src/auth/local-signin.ts), so the bench measures the board and not sign-in. */
async function sessionFor(graph: LocalGraph, alias: string): Promise<string> {
  const people = z
    .array(z.object({ alias: z.string() }).passthrough())
    .parse(await (await fetch(`${graph.origin}/_local/people`)).json());
  const person = people.find((p) => p.alias === alias);
  if (!person) throw new Error(`The local Graph has no ${alias}`);
  return JSON.stringify({ person, token: graph.tokenFor(alias) });
}

/** Marks the first frame painted after a card is in the DOM (the app's cards or the baseline's). */
const PAINT_PROBE = `
  window.__board = { paint: null, seen: false };
  new MutationObserver((_, observer) => {
    if (window.__board.seen || !document.querySelector('[data-card-id],[data-board-card]')) return;
    window.__board.seen = true;
    observer.disconnect();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__board.paint = performance.now(); };
      channel.port2.postMessage(0);
    });
  }).observe(document, { childList: true, subtree: true });
`;

const loadSchema = z.object({ paint: z.number(), graphRequests: z.number(), scripts: z.array(z.string()) });
type Load = z.infer<typeof loadSchema>;

async function loads(browser: Browser, session: string, url: string, graphOrigin: string): Promise<Load[]> {
  const results: Load[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), {
      key: SESSION_KEY,
      value: session,
    });
    await context.addInitScript(PAINT_PROBE);
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction('window.__board.paint !== null', undefined, { timeout: 60_000 });
    const load = loadSchema.parse(
      await page.evaluate(`(() => {
        const paint = window.__board.paint;
        const before = performance.getEntriesByType('resource').filter((e) => e.startTime < paint);
        return {
          paint,
          graphRequests: before.filter((e) => e.name.startsWith(${JSON.stringify(graphOrigin)})).length,
          scripts: before.map((e) => new URL(e.name).pathname).filter((p) => p.endsWith('.js')),
        };
      })()`),
    );
    if (run > 0) results.push(load); // the first load warms the servers up
    await context.close();
  }
  return results;
}

function gzipKb(outDir: string, scripts: readonly string[]): number {
  const bytes = [...new Set(scripts)].reduce(
    (sum, path) => sum + gzipSync(readFileSync(join(outDir, path))).length,
    0,
  );
  return bytes / 1024;
}

const moveSchema = z.object({
  key: z.number(),
  painted: z.number(),
  save: z.number(),
  confirmed: z.number(),
});

/** Alt+Right on a "Yet to start" card: until it is painted in the next column, and from Save to confirmed. */
async function rateChanges(browser: Browser, session: string, url: string): Promise<Record<string, number>> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  await context.addInitScript(({ key, value }) => sessionStorage.setItem(key, value), {
    key: SESSION_KEY,
    value: session,
  });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-card-id][draggable="true"]').first().waitFor();
  await page.waitForLoadState('networkidle');
  const repaints: number[] = [];
  const confirms: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const move = await moveOnce(page);
    if (run > 0) {
      repaints.push(move.painted - move.key);
      confirms.push(move.confirmed - move.save);
    }
  }
  await context.close();
  return {
    'board.rateChangeRepaintMs': round(median(repaints)),
    'board.rateChangeConfirmedMs': round(median(confirms)),
  };
}

async function moveOnce(page: Page): Promise<z.infer<typeof moveSchema>> {
  const link = page.locator('[data-column="purple"] [data-card-link]').first();
  const id = await link.evaluate((el) => el.closest('[data-card-id]')?.getAttribute('data-card-id') ?? '');
  const moved = `[data-column="red"] [data-card-id="${id}"]`;
  await page.evaluate(`(() => {
    const t = {};
    window.__move = t;
    document.addEventListener('keydown', (e) => { t.key = e.timeStamp; }, { capture: true, once: true });
    document.addEventListener('click', (e) => { t.save = e.timeStamp; }, { capture: true, once: true });
    let busy = false;
    const observer = new MutationObserver(() => {
      const card = document.querySelector(${JSON.stringify(moved)});
      if (!card) return;
      if (t.painted === undefined && t.paintAsked === undefined) {
        t.paintAsked = true;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { t.painted = performance.now(); };
          channel.port2.postMessage(0);
        });
      }
      if (card.getAttribute('aria-busy') === 'true') busy = true;
      else if (busy && t.confirmed === undefined) { t.confirmed = performance.now(); observer.disconnect(); }
    });
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-busy'] });
  })()`);
  await link.focus();
  await page.keyboard.press('Alt+ArrowRight');
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Progress note/ }).fill('Bench: moved by keyboard');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await page.waitForFunction('window.__move.confirmed !== undefined && window.__move.painted !== undefined');
  return moveSchema.parse(await page.evaluate('window.__move'));
}

/**
 * The floor: one `$batch` of the board's five reads (the requests loadPriorityBoard
 * sends), then the cards as plain HTML in one column per rating.
 */
function baselineHtml(graph: LocalGraph, store: PlanStore, planId: string, priorityId: string): string {
  const inPriority = fieldEq('PriorityId', priorityId);
  const requests = [
    store.plans.getRequest(planId),
    store.priorities.queryRequest({ filter: fieldEq('PlanId', planId), orderBy: 'fields/Number' }),
    store.focusAreas.queryRequest({ filter: inPriority, orderBy: 'fields/SortKey' }),
    store.actions.queryRequest({ filter: inPriority, orderBy: 'fields/SortKey' }),
    store.milestones.queryRequest({ filter: inPriority }),
  ].map((r, i) => ({ id: String(i + 1), method: r.method, url: r.path }));
  const config = JSON.stringify({ batchUrl: `${graph.graphBaseUrl}/$batch`, requests, key: SESSION_KEY });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Board baseline</title>
<style>main{display:flex;gap:8px}section{flex:1}div{border:1px solid #ccc;margin:4px;padding:4px}</style></head>
<body><main id="board"></main><script>
(async () => {
  const config = ${config};
  const { token } = JSON.parse(sessionStorage.getItem(config.key));
  const response = await fetch(config.batchUrl, {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
    body: JSON.stringify({ requests: config.requests }),
  });
  const batch = await response.json();
  const actions = batch.responses.find((r) => r.id === '4').body.value;
  const escape = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const columns = {};
  for (const a of actions) (columns[a.fields.Status] ??= []).push(
    '<div data-board-card>' + escape(a.fields.Reference) + ' ' + escape(a.fields.ActionText) + '</div>');
  document.getElementById('board').innerHTML = ['purple', 'red', 'amber', 'green', 'blue']
    .map((k) => '<section><h2>' + k + '</h2>' + (columns[k] ?? []).join('') + '</section>').join('');
})();
</script></body></html>`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
