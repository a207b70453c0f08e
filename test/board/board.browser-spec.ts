/// <reference lib="dom" />
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { BrowserContext, Download, Page, Request } from 'playwright-core';
import { ADMIN_KEY, ServerProcess, startServer } from '../reliability/support/server-process';
import { apiClient, daysAgo, provenance } from './support/api-client';
import { seriousAccessibilityViolations } from './support/axe-check';
import { ChromiumProcess, launchChromium } from './support/board-browser';
import { eventually } from './support/eventually';
import { recordTheDemo } from './support/seed-story';

/** `PARLEY_BOARD_SCREENSHOT=docs/board.png npx jest test/board --selectProjects browser` retakes the README's picture. */
const SCREENSHOT = process.env.PARLEY_BOARD_SCREENSHOT;

const GAZA = 'Israel–Hamas hostage and ceasefire talks';
const US_RUSSIA = 'US–Russia talks to end the war in Ukraine';
const WATCH = 'Board watch: a ceasefire in effect';

describe('The board at /board, in headless Chromium', () => {
  let directory: string;
  let server: ServerProcess;
  let chromium: ChromiumProcess;
  let context: BrowserContext;
  let page: Page;
  let viewerKey: string;
  let beforeTheDemo: Date;
  const requests: Request[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const admin = () => apiClient(server.baseUrl, ADMIN_KEY);

  // The server's CPU time and the requests the page makes (a reconnect is one); not the
  // browser's CPU time, which the polling of these waits would keep moving by itself.
  const progress = () => [server.cpuTicks(), requests.length];
  const until = (what: string, check: () => Promise<boolean> | boolean) => eventually(what, check, progress);
  const card = (title: string) => page.getByRole('article', { name: title });
  const textOf = async (locator: ReturnType<Page['locator']>) => (await locator.allTextContents()).join(' ');
  const ceasefireOf = (title: string) => textOf(card(title).locator('[data-ceasefire]'));
  const trackCeasefire = () => textOf(page.locator('.status [data-ceasefire]'));
  const connection = () => textOf(page.locator('#connection'));
  const board = (hash = '') => `${server.baseUrl}/board${hash}`;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-board-'));
    server = await startServer(join(directory, 'parley.db'));
    beforeTheDemo = new Date();
    await recordTheDemo(server.baseUrl, ADMIN_KEY);
    viewerKey = (await admin().post('/v1/admin/keys', { name: 'board-viewer', role: 'viewer' })).key;
    // A ceasefire in effect today, which the test can see violated.
    await admin().post('/v1/talks', {
      id: 'board-watch', title: WATCH, subject: 'A truce the board keeps an eye on', parties: ['isr', 'hamas'], mediators: ['qat'],
      occurredAt: daysAgo(40), precision: 'day', provenance: provenance('Board test wire'),
    });
    await admin().post('/v1/talks/board-watch/ceasefires', {
      ceasefireId: 'board-truce', parties: ['isr', 'hamas'], mediators: ['qat'], effectiveFrom: daysAgo(30),
      terms: { summary: 'An open-ended truce' }, occurredAt: daysAgo(31), precision: 'day', provenance: provenance('Board test wire'),
    });
    chromium = await launchChromium();
    context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC', acceptDownloads: true });
    // Every wait of these tests is on a condition (bounded by progress, above), not on the clock.
    context.setDefaultTimeout(0);
    // Every CSP refusal of every document is reported to the test, from before its first script runs.
    await context.exposeFunction('reportCspViolation', (violation: string) => cspViolations.push(violation));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) => (window as any).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`)),
    );
    context.on('request', (request) => requests.push(request));
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await context?.close();
    await chromium?.close();
    await server?.kill('SIGTERM');
    rmSync(directory, { recursive: true, force: true });
  });

  it('is served with a strict CSP of its own: no inline script or style, reads only from this origin', async () => {
    const response = await page.goto(board());
    const policy = response!.headers()['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
  });

  it('asks for an API key once, keeps it for the session, and shows the demo’s tracks live', async () => {
    await page.getByLabel('API key').fill(viewerKey);
    await page.getByRole('button', { name: 'Connect' }).click();
    await until('five tracks on the board', async () => (await page.getByRole('article').count()) === 5);
    await until('the connection to be live', async () => (await connection()) === 'Live');
    expect(await page.evaluate(() => sessionStorage.getItem('parley.apiKey'))).toBe(viewerKey);

    await page.reload();
    await until('the tracks again, without asking for the key', async () => (await page.getByRole('article').count()) === 5);
    expect(await page.getByLabel('API key').count()).toBe(0);
  });

  it('shows each track’s badges, parties and mediators by name, counts as ranges, last activity and next meeting', async () => {
    const gaza = card(GAZA);
    expect(await ceasefireOf(GAZA)).toBe('Ceasefire: Ended');
    expect(await textOf(gaza.locator('[data-lifecycle]'))).toBe('Talks: Active');
    const facts = await textOf(gaza.locator('dl'));
    expect(facts).toContain('Israel, Hamas');
    expect(facts).toContain('United States, Qatar, Egypt');
    expect(facts).toContain('1,900 (1,800–2,000)');
    expect(facts).toContain('1 Feb 2025');
    expect(await textOf(card(US_RUSSIA).locator('dl'))).toContain('none scheduled');
    expect(await ceasefireOf(WATCH)).toBe('Ceasefire: In effect');
  });

  it('filters the tracks by ceasefire, talks status and text', async () => {
    await page.getByLabel('Ceasefire', { exact: true }).selectOption('ended');
    // The demo's November 2023 truce collapsed: only the 2025 Gaza ceasefire is `ended`.
    await until('only the ended ceasefire', async () => (await page.getByRole('article').count()) === 1);
    expect(await card(GAZA).count()).toBe(1);
    await page.getByLabel('Ceasefire', { exact: true }).selectOption('');
    await page.getByLabel('Search').fill('qatar');
    await until('the tracks Qatar mediates', async () => (await page.getByRole('article').count()) === 3);
    await page.getByLabel('Search').fill('');
    await until('every track again', async () => (await page.getByRole('article').count()) === 5);
  });

  it('turns a ceasefire’s badge to Violated when a violation is recorded through the API, without a reload', async () => {
    await page.evaluate(() => ((window as any).sameDocument = true));
    await admin().post('/v1/talks/board-watch/ceasefires/board-truce/violations', {
      allegedBy: 'isr', against: 'hamas', description: 'Shelling reported at the crossing', occurredAt: daysAgo(1), precision: 'day', provenance: provenance('Board test wire'),
    });
    await until('the badge to say Violated', async () => (await ceasefireOf(WATCH)) === 'Ceasefire: Violated');
    expect(await page.evaluate(() => (window as any).sameDocument)).toBe(true);
  });

  it('opens a track with the keyboard alone', async () => {
    await page.locator('body').focus();
    let presses = 0;
    const focusedText = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    while ((await focusedText()) !== GAZA) {
      expect(++presses).toBeLessThan(40);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('Enter');
    await until('the track’s own page, its heading focused', async () => (await page.evaluate(() => document.activeElement?.tagName)) === 'H1');
    expect(await textOf(page.locator('h1'))).toBe(GAZA);
    await until('the track’s status', async () => (await trackCeasefire()) === 'Ceasefire: Ended');
  });

  it('redraws the status and the timeline when the asOf control moves', async () => {
    const claims = () => page.locator('.timeline > li').count();
    await until('the whole timeline', async () => (await claims()) === 5);
    await page.getByLabel('As of').fill('2025-01-16');
    await until('the ceasefire as agreed on 16 January 2025', async () => (await trackCeasefire()) === 'Ceasefire: Agreed');
    expect(await claims()).toBe(4);
    await page.getByLabel('As of').fill('2025-01-20');
    await until('the ceasefire in effect on 20 January 2025', async () => (await trackCeasefire()) === 'Ceasefire: In effect');
    await page.getByRole('button', { name: 'Now' }).click();
    await until('the status today', async () => (await trackCeasefire()) === 'Ceasefire: Ended' && (await claims()) === 5);
  });

  it('redraws when the knownAt control moves: before the demo was recorded, the track had not been opened', async () => {
    await page.getByLabel('Known at').fill(beforeTheDemo.toISOString().slice(0, 19));
    await until('the track unknown at that moment', async () => /had been opened/.test(await textOf(page.locator('.status-slot'))));
    await page.getByRole('button', { name: 'Now' }).click();
    await until('the status known now', async () => (await trackCeasefire()) === 'Ceasefire: Ended');
  });

  it('shows each claim’s sources, confidence, precision and corrections, and a retraction recorded while it is open', async () => {
    await page.goto(board('#/track/us-russia-ukraine'));
    const visit = page.locator('.claim', { hasText: 'Talks on ending the war in Ukraine; may push' });
    await until('the corrected visit', async () => (await visit.count()) === 1);
    const text = await textOf(visit);
    expect(text).toContain('Corrected ×1');
    expect(text).toContain('Confirmed');
    expect(text).toContain('(day)');
    expect(text).toContain('from Dmitry Peskov, Kremlin spokesperson');
    expect(text).toContain('The Kremlin confirmed the visit');

    const history = await admin().get('/v1/talks/us-russia-ukraine/history?limit=100');
    const scheduled = history.events.find((event: { type: string }) => event.type === 'MeetingScheduled');
    await admin().post(`/v1/talks/us-russia-ukraine/claims/${scheduled.id}/retraction`, {
      reason: 'The third meeting did not take place then', occurredAt: '2025-04-12', precision: 'day', provenance: provenance('Board test wire'),
    });
    const retracted = page.locator('.claim.retracted');
    await until('the retraction on the timeline', async () => (await retracted.count()) === 1);
    expect(await textOf(retracted)).toContain('The third meeting did not take place then');
  });

  it('draws the claims over time by type, and names the types', async () => {
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(3);
    expect(await textOf(page.locator('.legend'))).toContain('Meeting held');
  });

  it('downloads the CSV and JSON Lines exports with the key, never putting it in a URL', async () => {
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toBe('us-russia-ukraine.csv');
    const saved = async (download: Download, name: string) => {
      await download.saveAs(join(directory, name));
      return readFileSync(join(directory, name), 'utf8');
    };
    expect((await saved(csv, 'export.csv')).split('\n')[0]).toMatch(/^eventId,talksId,type,occurredAt/);
    const [lines] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON Lines' }).click()]);
    const claims = (await saved(lines, 'export.ndjson')).trim().split('\n').map((line) => JSON.parse(line));
    expect(claims.length).toBeGreaterThan(5);
    expect(claims.every((claim) => claim.talksId === 'us-russia-ukraine')).toBe(true);

    expect(requests.filter((request) => request.url().includes(viewerKey))).toEqual([]);
    const apiRequests = requests.filter((request) => new URL(request.url()).pathname.startsWith('/v1/'));
    expect(apiRequests.length).toBeGreaterThan(10);
    expect(apiRequests.filter((request) => request.headers().authorization !== `Bearer ${viewerKey}`).map((request) => request.url())).toEqual([]);
  });

  it('shows a dropped connection, resumes with Last-Event-ID when the server is back, and catches up', async () => {
    await page.goto(board('#/'));
    await until('the connection to be live', async () => (await connection()) === 'Live');
    const streamsBefore = requests.filter((request) => request.url().endsWith('/v1/subscriptions/talks')).length;
    const port = Number(new URL(server.baseUrl).port);
    await server.kill('SIGTERM');
    await until('the board to say the connection is lost', async () => /reconnect/i.test(await connection()));

    server = await startServer(join(directory, 'parley.db'), { port });
    // Recorded while the board may still be away: it must arrive through the resumed stream.
    await admin().post('/v1/talks/board-watch/stall', {
      reason: 'Talks paused after the violation', occurredAt: daysAgo(0), precision: 'day', provenance: provenance('Board test wire'),
    });
    await until('the stalled track, live again', async () => (await connection()) === 'Live' && (await textOf(card(WATCH).locator('[data-lifecycle]'))) === 'Talks: Stalled');
    const resumed = requests.filter((request) => request.url().endsWith('/v1/subscriptions/talks')).slice(streamsBefore);
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed.every((request) => /^\d+$/.test(request.headers()['last-event-id'] ?? ''))).toBe(true);
  });

  it.each([1280, 390])('has no serious or critical accessibility violations at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    for (const hash of ['#/', '#/track/israel-hamas-hostages']) {
      await page.goto(board(hash));
      await until(`the view ${hash}`, async () => (await page.locator('article, .timeline').count()) > 0 && (await connection()) === 'Live');
      if (SCREENSHOT && width === 1280 && hash === '#/') {
        mkdirSync(dirname(SCREENSHOT), { recursive: true });
        await page.screenshot({ path: SCREENSHOT, fullPage: true });
      }
      expect({ hash, violations: await seriousAccessibilityViolations(page) }).toEqual({ hash, violations: [] });
      // Nothing wider than the window: no sideways scrolling on a phone.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });

  it('shows an undated, unsourced opening as undated, and a release over several days as its range', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await admin().post('/v1/talks', { id: 'board-under-way', title: 'Board watch: talks already under way', subject: 'Followed from the middle', parties: ['isr', 'hamas'], mediators: [] });
    await admin().post('/v1/talks/board-under-way/hostage-releases', {
      count: { best: 4 }, releasedBy: 'hamas', occurredAt: '2025-11-25', occurredUntil: '2025-11-30', precision: 'day', provenance: provenance('Board test wire'),
    });
    await page.goto(board('#/track/board-under-way'));
    const claims = page.locator('.timeline > li');
    await until('both claims on the timeline', async () => (await claims.count()) === 2);
    expect(await textOf(claims.nth(0).locator('.when'))).toBe('Undated');
    expect(await textOf(claims.nth(1).locator('.when'))).toMatch(/^25\s*–\s*30 Nov 2025 \(day\)$/);
    expect(await page.locator('svg.chart rect').count()).toBeGreaterThan(0);
  });

  it('lists the people freed as of the date and as known at the moment the controls name', async () => {
    const freed = () => textOf(page.locator('[aria-labelledby="releases-title"]'));
    await until('the unnamed release lists no one by name', async () => (await freed()).includes('No one freed by name'));
    // The control takes whole seconds: the track was opened before the second `knownBefore` starts, the release after it.
    const nextSecond = async () => {
      const second = Math.floor(Date.now() / 1000);
      while (Math.floor(Date.now() / 1000) === second) await new Promise((resolve) => setImmediate(resolve));
    };
    await nextSecond();
    const knownBefore = new Date();
    await nextSecond();
    await admin().post('/v1/talks/board-under-way/hostage-releases', {
      count: { best: 1 }, names: ['Board Test Hostage'], releasedBy: 'hamas', occurredAt: '2025-11-27', precision: 'day', provenance: provenance('Board test wire'),
    });
    await until('the hostage just named, live', async () => (await freed()).includes('Board Test Hostage'));
    await page.getByLabel('As of').fill('2025-11-26');
    await until('not yet freed on 26 November', async () => (await freed()).includes('No one freed by name'));
    await page.getByRole('button', { name: 'Now' }).click();
    await until('freed, as known now', async () => (await freed()).includes('Board Test Hostage'));
    await page.getByLabel('Known at').fill(knownBefore.toISOString().slice(0, 19));
    await until('not yet known a moment before it was recorded', async () => (await freed()).includes('No one freed by name'));
    await page.getByRole('button', { name: 'Now' }).click();
    await until('known again now', async () => (await freed()).includes('Board Test Hostage'));
  });

  it('ran without a CSP refusal or a script error', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
