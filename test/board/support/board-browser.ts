import { Browser, chromium } from 'playwright-core';
import { recordChild } from '../../support/processes/child-registry';

/**
 * Debian's Chromium (playwright's own download does not work here; `.ci/run` installs it).
 * Playwright gives each launch a fresh temporary profile and removes it on close.
 */
export const CHROMIUM = process.env.PARLEY_CHROMIUM ?? '/usr/bin/chromium';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export type ChromiumProcess = Readonly<{ browser: Browser; pid: number; close: () => Promise<void> }>;

/**
 * Headless Chromium, recorded like every child of the suite so that a leftover fails the run.
 * Launched as a server and connected to, because only a browser server tells its process.
 */
export async function launchChromium(): Promise<ChromiumProcess> {
  const server = await chromium.launchServer({ executablePath: CHROMIUM, args: ARGS, headless: true });
  const pid = server.process().pid!;
  recordChild(pid);
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    return {
      browser,
      pid,
      close: async () => {
        await browser.close();
        await server.close();
      },
    };
  } catch (error) {
    await server.kill();
    throw error;
  }
}
