/// <reference lib="dom" />
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page, Request } from 'playwright-core';
import { ADMIN_KEY, ServerProcess, startServer } from '../reliability/support/server-process';
import { apiClient } from './support/api-client';
import { seriousAccessibilityViolations } from './support/axe-check';
import { ChromiumProcess, launchChromium } from './support/board-browser';
import { eventually } from './support/eventually';

/**
 * A track's page on the board, for what domain model v2 and incidents added: the ceasefire in force
 * with its place, host and extensions; a claim's date range, note and stance; and reports linked as
 * one real-world event, shown once as that incident. The data goes in through the public API.
 */

const TRUCE = '/v1/talks/board-truce-2023';
const INCIDENTS = '/v1/talks/board-incidents';
const day = (occurredAt: string) => ({ occurredAt, precision: 'day' });
const sources = (...list: Array<Record<string, string>>) => ({ provenance: { sources: list, confidence: 'reported' } });
const desk = sources({ publisher: 'Board desk' });

describe('A track on the board: its ceasefire, its claims’ v2 facts, and incidents', () => {
  let directory: string;
  let server: ServerProcess;
  let chromium: ChromiumProcess;
  let context: BrowserContext;
  let page: Page;
  let viewerKey: string;
  /** The moment after the three reports were recorded and before they were linked (whole seconds: the control's grain). */
  let beforeTheLinks: string;
  const reports: Record<'idf' | 'reuters' | 'sabah', string> = { idf: '', reuters: '', sabah: '' };
  const requests: Request[] = [];
  const pageErrors: string[] = [];
  const cspViolations: string[] = [];
  const admin = () => apiClient(server.baseUrl, ADMIN_KEY);
  const claim = async (path: string, body: unknown): Promise<string> => (await admin().post(path, body)).events[0].id;
  const link = (eventId: string, sameAs: string) =>
    admin().post(`${INCIDENTS}/claims/${eventId}/same-as`, { sameAs, reason: 'The same release, reported three times', ...day('2023-11-26'), ...desk });

  const progress = () => [server.cpuTicks(), requests.length];
  const until = (what: string, check: () => Promise<boolean> | boolean) => eventually(what, check, progress);
  const textOf = async (locator: Locator) => (await locator.allTextContents()).join(' ');
  const fact = (term: string) => textOf(page.locator('.status dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]'));
  const entries = () => page.locator('.timeline > li');
  const claimOf = (text: string) => page.locator('.timeline > li.claim', { hasText: text });
  const openTrack = async (talksId: string) => {
    await page.goto(`${server.baseUrl}/board#/track/${talksId}`);
    await until(`the timeline of ${talksId}`, async () => (await entries().count()) > 0);
  };

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'parley-board-facts-'));
    server = await startServer(join(directory, 'parley.db'));
    viewerKey = (await admin().post('/v1/admin/keys', { name: 'board-viewer', role: 'viewer' })).key;
    for (const [id, name, kind] of [['isr', 'Israel', 'state'], ['hamas', 'Hamas', 'organisation'], ['qat', 'Qatar', 'state']]) {
      await admin().post('/v1/actors', { id, name, kind });
    }

    await admin().post('/v1/talks', { id: 'board-truce-2023', title: 'Board: a truce extended', subject: 'A four-day pause, extended', parties: ['isr', 'hamas'], mediators: ['qat'] });
    await admin().post(`${TRUCE}/ceasefires`, {
      ceasefireId: 'truce', parties: ['isr', 'hamas'], mediators: ['qat'], effectiveFrom: '2023-11-24', endsAt: '2023-11-28', terms: { summary: 'A four-day pause' },
      place: { country: 'QAT', city: 'Doha' }, hostedBy: 'qat', ...day('2023-11-22'), ...desk,
    });
    await admin().post(`${TRUCE}/ceasefires/truce/extensions`, { endsAt: '2023-11-30', terms: { summary: 'Two more days' }, ...day('2023-11-27'), ...desk });
    await admin().post(`${TRUCE}/hostage-releases`, {
      count: { best: 105 }, releasedBy: 'hamas', occurredAt: '2023-11-24', occurredUntil: '2023-11-30', precision: 'day',
      note: 'Released in groups on each day of the truce', ...desk,
    });
    await admin().post(`${TRUCE}/hostage-releases`, { count: { best: 2 }, releasedBy: 'hamas', ...day('2023-11-29'), note: 'Only one outlet ran this', ...sources({ publisher: 'Al-Aqsa TV', stance: 'denies' }) });
    await admin().post(`${TRUCE}/hostage-releases`, { count: { best: 1 }, releasedBy: 'hamas', ...day('2023-11-28'), ...sources({ publisher: 'Reuters' }, { publisher: 'TASS', stance: 'denies' }) });

    await admin().post('/v1/talks', { id: 'board-incidents', title: 'Board: one release, three reports', subject: 'Reports of one event', parties: ['isr', 'hamas'], mediators: ['qat'] });
    reports.idf = await claim(`${INCIDENTS}/hostage-releases`, { count: { best: 13 }, releasedBy: 'hamas', ...day('2023-11-25'), ...sources({ publisher: 'Times of Israel', originator: 'IDF' }) });
    reports.reuters = await claim(`${INCIDENTS}/hostage-releases`, { count: { best: 13, low: 13, high: 14 }, releasedBy: 'hamas', ...day('2023-11-25'), ...sources({ publisher: 'Reuters' }) });
    reports.sabah = await claim(`${INCIDENTS}/hostage-releases`, {
      count: { best: 13 }, releasedBy: 'hamas', ...day('2023-11-25'), note: 'A wire copy', ...sources({ publisher: 'Daily Sabah', syndicatedFrom: 'Reuters' }),
    });
    // Two reports of a later release that disagree on its day.
    const early = await claim(`${INCIDENTS}/hostage-releases`, { count: { best: 17 }, releasedBy: 'hamas', ...day('2023-12-05'), ...sources({ publisher: 'Al Jazeera' }) });
    const late = await claim(`${INCIDENTS}/hostage-releases`, { count: { best: 17 }, releasedBy: 'hamas', ...day('2023-12-07'), ...sources({ publisher: 'Haaretz' }) });
    // `Known at` takes whole seconds: the links go in once the clock has passed the next one.
    const next = Math.ceil((Date.now() + 1) / 1000) * 1000;
    beforeTheLinks = new Date(next).toISOString().slice(0, 19);
    await eventually('the clock past the moment before the links', () => Date.now() > next, () => Date.now());
    await link(reports.reuters, reports.idf);
    await link(reports.sabah, reports.idf);
    await admin().post(`${INCIDENTS}/claims/${late}/same-as`, { sameAs: early, reason: 'The same release, dated differently', ...day('2023-12-08'), ...desk });
    // A third report of it, on another track, linked from there.
    await admin().post('/v1/talks', { id: 'board-elsewhere', title: 'Board: another track', subject: 'The same release, seen from elsewhere', parties: ['isr', 'hamas'], mediators: [] });
    const elsewhere = await claim('/v1/talks/board-elsewhere/hostage-releases', { count: { best: 17 }, releasedBy: 'hamas', ...day('2023-12-06'), ...sources({ publisher: 'Anadolu' }) });
    await admin().post(`/v1/talks/board-elsewhere/claims/${elsewhere}/same-as`, { sameAs: early, sameAsTalksId: 'board-incidents', reason: 'The same release', ...day('2023-12-08'), ...desk });

    chromium = await launchChromium();
    context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, timezoneId: 'UTC' });
    context.setDefaultTimeout(0);
    await context.exposeFunction('reportCspViolation', (violation: string) => cspViolations.push(violation));
    await context.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (event) => (window as any).reportCspViolation(`${event.violatedDirective} ${event.blockedURI}`)),
    );
    context.on('request', (request) => requests.push(request));
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.baseUrl}/board`);
    await page.getByLabel('API key').fill(viewerKey);
    await page.getByRole('button', { name: 'Connect' }).click();
    await until('the tracks', async () => (await page.getByRole('article').count()) === 3);
  });

  afterAll(async () => {
    await context?.close();
    await chromium?.close();
    await server?.kill('SIGTERM');
    rmSync(directory, { recursive: true, force: true });
  });

  it('shows the ceasefire in force with its place, its host, and its extension from the extension’s own date', async () => {
    await openTrack('board-truce-2023');
    await until('the ceasefire’s facts', async () => (await fact('Hosted by')) === 'Qatar');
    expect(await fact('Where')).toBe('Doha, QAT');
    expect(await fact('Ends')).toBe('30 Nov 2023');
    expect(await fact('Extended')).toBe('once, last on 27 Nov 2023 (first due to end 28 Nov 2023)');

    await page.getByLabel('As of').fill('2023-11-26');
    await until('the ceasefire before its extension', async () => (await fact('Ends')) === '28 Nov 2023');
    expect(await page.locator('.status dt', { hasText: /^Extended$/ }).count()).toBe(0);
    expect(await fact('Where')).toBe('Doha, QAT');
    await page.getByRole('button', { name: 'Now' }).click();
    await until('the extension again', async () => (await fact('Ends')) === '30 Nov 2023');
  });

  it('shows a release over several days as one range, said once, with the analyst’s note', async () => {
    const release = claimOf('105 hostages');
    await until('the release', async () => (await release.count()) === 1);
    expect(await textOf(release.locator('.when'))).toMatch(/^24\s*–\s*30 Nov 2023 \(day\)$/);
    expect(await textOf(release.locator('.claim-note'))).toBe('Note: Released in groups on each day of the truce');
  });

  it('marks a claim every source denies as denied, and one some sources deny as disputed, saying which source denies it', async () => {
    const denied = claimOf('2 hostages');
    const disputed = claimOf('1 hostage');
    expect(await textOf(denied.locator('[data-stance]'))).toBe('Denied');
    expect(await textOf(denied.locator('.sources'))).toBe('Al-Aqsa TV denies it');
    expect(await textOf(disputed.locator('[data-stance]'))).toBe('Disputed');
    expect(await disputed.locator('.sources li').allTextContents()).toEqual(['Reuters', 'TASS denies it']);
    expect(await claimOf('105 hostages').locator('[data-stance]').count()).toBe(0);
  });

  it('shows three linked reports once, as one incident with each report’s publisher, its independent sources and the reconciled figures', async () => {
    await openTrack('board-incidents');
    const incident = page.locator(`.claim.incident[data-incident-id="${reports.idf}"]`);
    await until('the incident', async () => (await incident.count()) === 1);
    // Two incidents and the opening: the five reports do not stand as rows of their own.
    expect(await entries().count()).toBe(3);
    expect(await textOf(incident.locator('.incident-count'))).toBe('One incident · 3 reports · 2 independent sources');
    expect(await textOf(incident.locator('.reconciled'))).toBe('Reconciled: 25 Nov 2023 · 13 (13–14) hostages freed');
    const shown = incident.locator('.report');
    expect(await shown.evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.eventId))).toEqual([reports.idf, reports.reuters, reports.sabah]);
    expect(await textOf(shown.nth(0).locator('.sources'))).toBe('Times of Israel, from IDF');
    expect(await textOf(shown.nth(1).locator('.sources'))).toBe('Reuters');
    expect(await textOf(shown.nth(2).locator('.sources'))).toBe('Daily Sabah, reprinting Reuters');
    expect(await textOf(shown.nth(2).locator('.claim-note'))).toBe('Note: A wire copy');
    expect(await incident.locator('[data-conflicting]').count()).toBe(0);
    // The track counts the release once, its range the union of the reports'.
    expect(await fact('Hostages freed')).toBe('30 (30–31)');
  });

  it('marks an incident whose reports share no day as conflicting dates, showing each report’s date, the span, and a report of another track', async () => {
    const incident = page.locator('.claim.incident', { hasText: 'Al Jazeera' });
    expect(await textOf(incident.locator('[data-conflicting]'))).toBe('Conflicting dates');
    expect(await textOf(incident.locator('.incident-count'))).toBe('One incident · 3 reports · 3 independent sources');
    expect(await textOf(incident.locator('.reconciled'))).toMatch(/^Reconciled: 5\s*–\s*7 Dec 2023 · 17 hostages freed$/);
    expect(await incident.locator('.report time').allTextContents()).toEqual(['5 Dec 2023', '7 Dec 2023', '6 Dec 2023']);
    const elsewhere = incident.locator('.report').nth(2);
    expect(await textOf(elsewhere.locator('.sources'))).toBe('Anadolu');
    // Its own summary, as the incident tells it: the other track's claim is not on this page.
    expect(await textOf(elsewhere.locator('.claim-summary'))).toMatch(/released 17 hostages$/);
    await elsewhere.getByRole('link', { name: 'on track board-elsewhere' }).click();
    await until('the other track, with the same incident', async () => (await textOf(page.locator('h1'))) === 'Board: another track' && (await page.locator('.claim.incident').count()) === 1);
  });

  it('shows the reports as separate claims as known before they were linked', async () => {
    await openTrack('board-incidents');
    await page.getByLabel('Known at').fill(beforeTheLinks);
    await until('the opening and the five reports, each on its own', async () => (await page.locator('.timeline > li.claim:not(.incident)').count()) === 6);
    expect(await page.locator('.claim.incident').count()).toBe(0);
    await page.getByRole('button', { name: 'Now' }).click();
    await until('the incidents again', async () => (await page.locator('.claim.incident').count()) === 2);
  });

  it.each([1280, 390])('has no serious or critical accessibility violations on these tracks at %i px', async (width) => {
    await page.setViewportSize({ width, height: 900 });
    for (const talksId of ['board-incidents', 'board-truce-2023']) {
      await openTrack(talksId);
      await until(`the status of ${talksId}`, async () => (await page.locator('.status').count()) === 1);
      expect({ talksId, violations: await seriousAccessibilityViolations(page) }).toEqual({ talksId, violations: [] });
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });

  it('ran without a CSP refusal or a script error', () => {
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
