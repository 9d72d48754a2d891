import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { DEMO_TENANT } from '../../../src/localgraph/tenant';
import type { FrameContext, HostState, HostTheme, LogEntry } from '../harness/api';
import { TEAMS_HOST } from '../harness/origin';

/**
 * Opening the tab inside the Teams host harness (tests/e2e/harness).
 *
 * TeamsJS only listens to a parent on a Teams origin (https, on its list of valid
 * origins) or the tab's own, so the browser is shown the harness as
 * https://teams.microsoft.com: every request to that origin is answered from the
 * harness's server, and every other https request is refused, so nothing leaves
 * the machine. The tab stays on its own local origin, a cross-site frame as in
 * Teams; Chromium's local network access check, which a public page framing a
 * loopback one meets, is granted to the host as a developer would in Teams.
 */
export const TEAMS_ORIGIN = `https://${TEAMS_HOST}`;

export interface TeamsHostOptions {
  /** The page the host loads (a full URL). */
  tab: string;
  frameContext?: FrameContext;
  theme?: HostTheme;
  subEntityId?: string;
  /** The Teams user: a local Graph demo person's alias. */
  person?: string;
  teamRole?: 'owner' | 'member' | 'guest';
  /** Nested app auth: on (the default) or a host without it. */
  naa?: 'on' | 'off';
  /** The client id nested app auth accepts; any when left out. */
  clientId?: string;
}

/** The demo tenant's team, as Teams' context names it: its internal id is its General channel's. */
const DEMO_TEAM = {
  tid: DEMO_TENANT.tenantId,
  teamId: DEMO_TENANT.channels[0].id,
  teamName: DEMO_TENANT.group.displayName,
  groupId: DEMO_TENANT.group.id,
  teamSiteUrl: DEMO_TENANT.groupSite.webUrl,
  channelId: DEMO_TENANT.channels[1].id,
  channelName: DEMO_TENANT.channels[1].displayName,
};

/** The host page's address for these options, in the demo team's channel. */
export function hostUrl(options: TeamsHostOptions): string {
  const { tab, ...rest } = options;
  const query = new URLSearchParams({ tab, ...DEMO_TEAM });
  for (const [key, value] of Object.entries(rest)) if (value !== undefined) query.set(key, value);
  return `${TEAMS_ORIGIN}/host.html?${query}`;
}

export interface TeamsHostPage {
  page: Page;
  /** The tab's frame. */
  tab: FrameLocator;
  state(): Promise<HostState>;
  log(): Promise<LogEntry[]>;
  /** The host's theme changes (TeamsJS `themeChange`). */
  setTheme(theme: HostTheme): Promise<void>;
  /** Addresses the browser was stopped from reaching (anything off this machine). */
  blocked: string[];
}

export async function openInTeams(browser: Browser, options: TeamsHostOptions): Promise<TeamsHostPage> {
  const blocked: string[] = [];
  const context = await teamsContext(browser, blocked);
  const page = await context.newPage();
  await page.goto(hostUrl(options));
  await page.waitForFunction(() => window.__harness !== undefined);
  return {
    page,
    tab: page.frameLocator('iframe[title="Tab"]'),
    // These run in the page (their source is sent there): the harness is there, waited for above.
    state: () => page.evaluate(() => window.__harness?.state ?? Promise.reject(new Error('No harness'))),
    log: () => page.evaluate(() => window.__harness?.log ?? Promise.reject(new Error('No harness'))),
    setTheme: (theme) =>
      page.evaluate((t) => {
        if (!window.__harness) throw new Error('No harness');
        window.__harness.setTheme(t);
      }, theme),
    blocked,
  };
}

async function teamsContext(browser: Browser, blocked: string[]): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    reducedMotion: 'reduce',
  });
  await context.grantPermissions(['local-network-access'], { origin: TEAMS_ORIGIN });
  const harnessUrl = inject('harnessUrl');
  await context.route(
    (url) => url.protocol === 'https:',
    async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== TEAMS_ORIGIN) {
        blocked.push(url.href);
        await route.abort('blockedbyclient');
        return;
      }
      const response = await route.fetch({ url: new URL(`${url.pathname}${url.search}`, harnessUrl).href });
      await route.fulfill({ response });
    },
  );
  return context;
}
