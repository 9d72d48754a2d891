import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { signedInPage, type ThemeName } from './support/session';

describe('the plan at a glance', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser.close());

  it('signs in as the action lead and shows each priority with its actions per rating', async () => {
    const page = await signedInPage(browser, 'Hannah Whitfield');
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
    await expect
      .poll(() => page.getByText(/^\d+ (actions? overdue|overdue milestones?)$/).count())
      .toBeGreaterThanOrEqual(4);
  });

  it('opens the board of a priority from its card', async () => {
    const page = await signedInPage(browser, 'Margaret Ellison');
    await page.getByRole('link', { name: 'Area 2: Quality of EHC plans' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/plans\/[^/]+\/priorities\/[^/]+$/);
  });

  it.each(['light', 'dark', 'contrast'] as ThemeName[])(
    'is accessible and screenshotted in the %s theme',
    async (theme) => {
      const page = await signedInPage(browser, 'Margaret Ellison', '/', theme);
      await page
        .getByRole('region', { name: 'Improvement priorities' })
        .getByRole('heading', { level: 2 })
        .first()
        .waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/overview-${theme}.png`, fullPage: true });
    },
  );

  it('the sign-in page is accessible', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(inject('tabUrl'));
    await page.getByRole('list', { name: 'Ways to sign in' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
