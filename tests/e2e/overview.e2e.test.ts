import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from './support/browser';

describe('the plan at a glance', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('signs in as the action lead and shows each priority with its actions per rating', async () => {
    page = await browser.newPage();
    await page.goto(inject('tabUrl'));
    await page.getByRole('button', { name: /Sign in as Hannah Whitfield/ }).click();

    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Leicestershire SEND Written Statement of Action');
    const priorities = page.getByRole('region', { name: 'Improvement priorities' });
    await expect
      .poll(() => priorities.getByRole('heading', { level: 2 }).allTextContents())
      .toEqual([
        'Area 1: Joint commissioning strategy for 0 to 25 SEND provision',
        'Area 2: Quality of EHC plans',
      ]);
    const chart = await page
      .getByRole('img', { name: /actions by rating/ })
      .first()
      .getAttribute('aria-label');
    expect(chart).toMatch(
      /^25 actions by rating: Yet to start: \d+, Little or no progress: \d+, Minor delays: \d+, Good progress: \d+, Completed: \d+$/,
    );
  });
});
