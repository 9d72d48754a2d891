import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './support/browser';

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
