import { mkdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { signedInPage, type ThemeName } from './support/session';

function priorityCards(page: Page) {
  return page.getByRole('region', { name: 'Improvement priorities' }).locator('> *');
}

/** The references of a priority's actions the board view lists as exceptions for a reason. */
async function exceptionsOf(page: Page, area: RegExp, reason: RegExp): Promise<string[]> {
  const exceptions = page.getByRole('region', { name: /^Exceptions/ });
  const group = exceptions.getByRole('listitem').filter({ has: page.getByRole('heading', { name: area }) });
  const lines = group.getByRole('listitem').filter({ hasText: reason });
  return (await lines.allTextContents()).map((text) => text.split(' ')[0] ?? '').sort();
}

describe('the board view, as a board chair and a programme officer use it', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser.close());

  it('lands the chair on the whole plan, and an overdue figure opens exactly those actions on the board', async () => {
    const page = await signedInPage(browser, 'Margaret Ellison');
    await page.getByRole('region', { name: /^Exceptions \(\d+\)$/ }).waitFor();
    // The demo has two past cycles: the live plan is compared with the last one.
    expect(await page.getByText(/^The plan as it stands today, compared with 6-weekly board, /).count()).toBe(
      1,
    );
    const area1 = priorityCards(page).filter({ hasText: 'Area 1:' });
    expect(await area1.getByText(/^↑ Improved|^→ No change|^↓ Worse/).count()).toBe(1);

    const figure = area1.getByRole('link', { name: /^\d+ actions? overdue$/ });
    const count = Number((await figure.textContent())?.split(' ')[0]);
    const listed = await exceptionsOf(page, /^Area 1:/, /Overdue/);
    expect(count).toBeGreaterThan(0);
    await figure.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('1');
    await page.getByText(new RegExp(`^Showing ${count} of \\d+ actions$`)).waitFor();
    const cards = await page.locator('[data-card-id]').allTextContents();
    const references = cards.map((text) => /\d+(\.\d+)+/.exec(text)?.[0] ?? '').sort();
    expect(references).toHaveLength(count);
    expect(references).toEqual(listed);
  });

  it('shows the chair no way to change anything', async () => {
    const page = await signedInPage(browser, 'Margaret Ellison');
    await page.getByRole('region', { name: /^Exceptions/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Import a plan' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Reporting cycles and report packs' }).click();
    await page.getByRole('heading', { name: 'Reporting cycles', level: 1 }).waitFor();
    expect(await page.getByRole('button', { name: 'Take the snapshot' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Add a reporting cycle' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Read the narrative' }).first().click();
    await page.getByText('Improvement headline').first().waitFor();
    expect(await page.getByRole('textbox').count()).toBe(0);
  });

  it.each(['light', 'dark', 'contrast'] as ThemeName[])('is accessible in the %s theme', async (theme) => {
    const page = await signedInPage(browser, 'Margaret Ellison', '/', theme);
    await page.getByRole('region', { name: /^Top risks/ }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/board-view-${theme}.png`, fullPage: true });
  });

  it('prints without the navigation, each priority card whole', async () => {
    const page = await signedInPage(browser, 'Margaret Ellison');
    await page.getByRole('region', { name: /^Top risks/ }).waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print' }).isVisible()).toBe(false);
    expect(
      await priorityCards(page)
        .first()
        .evaluate((card) => getComputedStyle(card).breakInside),
    ).toBe('avoid');
    await page.screenshot({ path: 'test-results/board-view-print.png', fullPage: true });
    const pdf = await page.pdf({ path: 'test-results/board-view.pdf', format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lets the programme officer run a cycle: narrative, a reading, the snapshot and the report pack', async () => {
    const page = await signedInPage(browser, 'Priya Shah', '/');
    await page.getByRole('link', { name: 'Reporting cycles and report packs' }).click();
    await page.getByRole('heading', { name: /^Narratives for 6-weekly board, / }).waitFor();
    await page.getByRole('link', { name: 'Write the narrative' }).first().click();
    const headline = 'Strategy signed by every partner; first pooled budget agreed.';
    await page.getByRole('textbox', { name: 'Improvement headline' }).fill(headline);
    await page.getByRole('button', { name: 'Save the narrative' }).click();
    await page.getByText('Narrative saved.').waitFor();

    await page.goto(new URL('/', page.url()).toString());
    await page.getByRole('link', { name: 'Measures', exact: true }).click();
    await page
      .getByRole('button', { name: /^Add a reading: / })
      .first()
      .click();
    await page.getByRole('textbox', { name: /^Value/ }).fill('66');
    await page.getByRole('button', { name: 'Add reading' }).click();
    await page.getByText(/66%/).first().waitFor();

    await page.goto(new URL('/', page.url()).toString());
    await page.getByRole('link', { name: 'Reporting cycles and report packs' }).click();
    await page.getByRole('button', { name: 'Take the snapshot' }).click();
    await page.getByRole('button', { name: 'Take the snapshot' }).last().click();
    const packButton = page.getByRole('button', { name: 'Report pack (.docx)' }).first();
    await expect.poll(() => page.getByRole('button', { name: 'Report pack (.docx)' }).count()).toBe(3);
    const [download] = await Promise.all([page.waitForEvent('download'), packButton.click()]);
    expect(download.suggestedFilename()).toMatch(/^Report pack - 6-weekly board, .+\.docx$/);
    const zip = await JSZip.loadAsync(readFileSync(await download.path()));
    const document = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(document).toContain(headline);
  });
});
