import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_TENANT } from '../../src/localgraph/tenant';
import { createPlanOnSite, storeForSite, type PlanChoice } from '../../src/plan/tab-setup';
import { graphStoreAs } from './support/board';
import { launchChromium } from './support/browser';
import { openInTeams, type TeamsHostPage } from './support/teams-host';

describe('the tab outside a Teams host', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('renders at once inside an iframe whose parent is not Teams (TeamsJS would wait 60 s)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<iframe title="tab" src="${inject('tabUrl')}" style="width:1200px;height:800px"></iframe>`,
    );
    const frame = page.frameLocator('iframe[title="tab"]');
    // Far below TeamsJS's 60 s: the first render must not wait for initialisation.
    await frame.getByRole('button', { name: /Sign in as Hannah Whitfield/ }).click({ timeout: 10_000 });
    await frame.getByRole('heading', { level: 1 }).waitFor({ timeout: 10_000 });
    expect(await frame.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Written Statement of Action',
    );
  });

  it('opens an action from a sub-entity deep link in the URL', async () => {
    const page = await browser.newPage();
    await page.goto(new URL('/?subEntityId=action:3', inject('tabUrl')).toString());
    await page.getByRole('button', { name: /Sign in as Hannah Whitfield/ }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/actions/3');
  });
});

/**
 * The tab inside the Teams host harness (tests/e2e/harness): TeamsJS and MSAL
 * talk to it as they would to the Teams web client.
 */
describe('the tab in a Teams host', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  /** The tab's current address, from its frame. */
  function tabPath(host: TeamsHostPage): string {
    const frame = host.page.frames().find((f) => f.parentFrame() !== null);
    if (!frame) throw new Error('The host page has no tab frame');
    return new URL(frame.url()).pathname;
  }

  it("takes the host's theme at start and follows it when the host changes theme", async () => {
    const host = await openInTeams(browser, { tab: inject('tabUrl'), theme: 'dark', person: 'lead' });
    // The tab's own URL names no theme: dark can only come from the host's context.
    const root = host.tab.locator('[data-theme]').first();
    await expect.poll(() => root.getAttribute('data-theme')).toBe('dark');
    const background = () => root.evaluate((element) => getComputedStyle(element).backgroundColor);
    const dark = await background();

    await host.setTheme('contrast');
    await expect.poll(() => root.getAttribute('data-theme')).toBe('contrast');
    const contrast = await background();
    await host.setTheme('default');
    await expect.poll(() => root.getAttribute('data-theme')).toBe('default');
    const light = await background();

    expect(new Set([dark, contrast, light]).size).toBe(3);
    expect((await host.state()).handlers).toContain('themeChange');
    const asked = (await host.log()).filter((m) => m.from === 'tab').map((m) => m.func);
    expect(asked.slice(0, 2)).toEqual(['initialize', 'getContext']);
  });

  it('opens the action a sub-entity deep link names, and tells the host it has loaded', async () => {
    const store = await graphStoreAs('lead');
    const action = await store.actions.get('12');
    const host = await openInTeams(browser, {
      tab: inject('tabUrl'),
      subEntityId: 'action:12',
      person: 'lead',
    });
    await host.tab.getByRole('button', { name: /Sign in as Hannah Whitfield/ }).click();
    await host.tab.getByRole('heading', { level: 1, name: `Action ${action.reference}` }).waitFor();
    expect(tabPath(host)).toBe('/actions/12');
    await expect.poll(async () => (await host.state()).appSucceeded).toBe(true);
    expect((await host.state()).appFailure).toBeNull();
  });

  describe('the channel tab’s configuration page', () => {
    const titles = ['Written Statement of Action 2025', 'Accelerated Progress Plan 2026'];
    let chosen: PlanChoice;

    beforeAll(async () => {
      // The team's own site (the config page finds it from the group id Teams gives) with two plans.
      const site = storeForSite(await graphStoreAs('officer'), DEMO_TENANT.groupSite.id);
      const plans = [];
      for (const title of titles)
        plans.push(await createPlanOnSite(site, { title, localArea: 'Leicestershire' }));
      const second = plans[1];
      if (!second) throw new Error('The second plan was not created');
      chosen = second;
    });

    it('saves the chosen plan on the team’s site when the host’s Save is selected', async () => {
      const host = await openInTeams(browser, {
        tab: new URL('/config', inject('tabUrl')).href,
        frameContext: 'settings',
        person: 'officer',
        teamRole: 'owner',
      });
      await host.tab.getByRole('button', { name: /Sign in as Priya Shah/ }).click();
      await host.tab.getByRole('heading', { level: 1, name: 'Set up the WSoA tab' }).waitFor();
      await host.tab.getByRole('radio', { name: new RegExp(`^${titles[1]} \\(`) }).check();
      await expect.poll(async () => (await host.state()).valid).toBe(true);
      expect((await host.state()).handlers).toContain('save');

      await host.page.getByRole('button', { name: 'Save' }).click();
      await expect.poll(async () => (await host.state()).save).toEqual({ result: 'success' });

      const saved = (await host.state()).settings.at(-1);
      if (!saved) throw new Error('The tab saved no settings');
      const content = new URL(saved.contentUrl);
      expect(content.origin).toBe(new URL(inject('tabUrl')).origin);
      expect(content.searchParams.get('plan')).toBe(chosen.id);
      expect(content.searchParams.get('site')).toBe(DEMO_TENANT.groupSite.id);
      expect(saved.entityId).toBe(`wsoa:${chosen.id}`);
      expect(saved.suggestedDisplayName).toBe(`WSoA: ${titles[1]}`);
    });
  });

  it('signs in through the host (nested app auth), with no sign-in page, in a build with Entra sign-in', async () => {
    const problem = inject('naaProblem');
    if (problem) throw new Error(problem);
    const clientId = inject('naaClientId');
    const host = await openInTeams(browser, {
      tab: inject('naaTabUrl'),
      person: 'lead',
      clientId,
    });
    // Whichever comes first: the plan (signed in through the host) or a sign-in page.
    const overview = host.tab.getByRole('heading', {
      level: 1,
      name: 'Leicestershire SEND Written Statement of Action',
    });
    const signIn = host.tab.getByRole('heading', { level: 1, name: 'Sign in' });
    await overview.or(signIn).first().waitFor();
    expect(await signIn.count()).toBe(0);
    await host.tab
      .getByRole('region', { name: 'Improvement priorities' })
      .getByRole('heading', { level: 2 })
      .first()
      .waitFor();
    await host.tab.getByText('Hannah Whitfield').first().waitFor();

    const naa = (await host.log()).flatMap((m) => (m.naa ? [{ from: m.from, ...m.naa }] : []));
    expect(naa.filter((m) => m.from === 'tab').map((m) => m.method)).toContain('GetInitContext');
    const tokenRequest = naa.find((m) => m.from === 'tab' && m.method === 'GetToken');
    expect(tokenRequest?.clientId).toBe(clientId);
    const tokenAnswer = naa.find((m) => m.from === 'host' && m.requestId === tokenRequest?.requestId);
    expect(tokenAnswer).toMatchObject({ success: true, username: 'hannah.whitfield@demo.localarea.example' });
    // Nothing went to Entra ID itself: the host brokered every token.
    expect(host.blocked.filter((url) => new URL(url).hostname === 'login.microsoftonline.com')).toEqual([]);
  });
});
