import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActionDetail } from '../../src/plan/action-detail';
import { seriousViolations } from './support/axe';
import { graphStoreAs } from './support/board';
import { launchChromium } from './support/browser';
import { signedInPage, type ThemeName } from './support/session';

describe('My work', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser.close());

  it('shows the lead what is theirs by when it is due, and a quick update sticks after a reload', async () => {
    const page = await signedInPage(browser, 'Hannah Whitfield');
    await page.getByRole('tab', { name: 'My work' }).click();
    for (const name of [/^Overdue \(\d+\)$/, /^Due in the next 14 days \(\d+\)$/, /^Later \(\d+\)$/])
      await page.getByRole('heading', { level: 2, name }).waitFor();

    // The last item of "Later": the board's tests start from the first cards of their columns.
    const later = page.getByRole('region', { name: /^Later/ });
    const row = later.getByRole('listitem').last();
    const href = (await row.getByRole('link').getAttribute('href')) ?? '';
    const actionId = decodeURIComponent(href.split('/').pop() ?? '');
    await row.getByRole('button', { name: /^Update / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Minor delays' }).check();
    await dialog
      .getByRole('textbox', { name: /Progress note/ })
      .fill('Venue booked; invitations out next week');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => row.textContent()).toContain('Minor delays');
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);

    await page.reload();
    await page.getByRole('heading', { level: 2, name: /^Later/ }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: /^Later/ })
          .getByRole('listitem')
          .last()
          .textContent(),
      )
      .toContain('Minor delays');
    const detail = await loadActionDetail(await graphStoreAs('lead'), actionId);
    expect(detail.action.status).toBe('amber');
    expect(detail.updates[0]).toMatchObject({
      toRating: 'amber',
      note: 'Venue booked; invitations out next week',
    });
  });

  it.each(['light', 'dark', 'contrast'] as ThemeName[])(
    'is accessible and screenshotted in the %s theme',
    async (theme) => {
      const page = await signedInPage(browser, 'Hannah Whitfield', '/my-work', theme);
      await page.getByRole('heading', { level: 2, name: /^Overdue/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/my-work-${theme}.png` });
    },
  );
});
