import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fieldEq } from '../../src/graph/odata';
import { buildDocx, type DocBlock } from '../unit/import-readers/fixtures';
import { LEICESTERSHIRE_DOCUMENT } from '../unit/import-readers/word-document';
import { seriousViolations } from './support/axe';
import { boardColumn, cardLinks, graphStoreAs } from './support/board';
import { launchChromium } from './support/browser';
import { signedInPage } from './support/session';

/**
 * Leicestershire's Section 2 as a Word document (a title row merged across the
 * table, the area merged down, a page break that splits the table and repeats its
 * heading row, a glossary after it), with one mistake a person makes: a date that
 * does not exist, in action 1.1.2's Timescale.
 */
async function wordDocumentWithAMistake(): Promise<Buffer> {
  const blocks = JSON.parse(JSON.stringify(LEICESTERSHIRE_DOCUMENT).replace('31/03/2021', '31/02/2021'));
  return Buffer.from(await buildDocx(blocks as DocBlock[]));
}

/** The programme officer's new plan, made in the tab, then its page at a glance. */
async function createPlan(page: Page, title: string): Promise<void> {
  await page.getByRole('region', { name: 'Improvement priorities' }).waitFor();
  await page.getByRole('link', { name: 'New plan' }).click();
  await page.getByRole('textbox', { name: 'Plan title' }).fill(title);
  await page.getByRole('textbox', { name: 'Local area' }).fill('Leicestershire');
  await page.getByRole('button', { name: 'Create the plan' }).click();
  await page.waitForURL(/\/plans\/[^/]+\/structure$/);
  // The structure page's link names the new plan (the form's own link goes to the default one).
  await page.locator('a[href*="?plan="]', { hasText: 'The plan at a glance' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('importing a plan in the tab', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser.close());

  it('creates a plan, imports its Word document, fixes a row in the preview and sees the board', async () => {
    const page = await signedInPage(browser, 'Priya Shah');
    const title = `Leicestershire WSoA, imported ${Date.now()}`;
    await createPlan(page, title);
    const planId = new URL(page.url()).searchParams.get('plan') ?? '';
    expect(planId).not.toBe('');

    await page.getByRole('link', { name: 'Import a plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import a plan' }).waitFor();
    await page.getByLabel('Choose a file').setInputFiles({
      name: 'Leicestershire WSoA.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await wordDocumentWithAMistake(),
    });

    // The columns as detected, then every row as what it becomes.
    await page.getByRole('heading', { name: '3. Preview' }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Timescale' }).first().inputValue()).toBe('due');
    const totals = page.getByRole('group', { name: 'Totals' });
    await expect
      .poll(() => totals.textContent())
      .toContain('4 actions in 4 tables: 3 new, 0 to update, 0 unchanged, 1 not imported');
    const mistake = page.getByRole('listitem', { name: /^Row 5 of Table 1, Action 1\.1\.2/ });
    expect(await mistake.getByRole('list', { name: 'Problems in row 5 of Table 1' }).textContent()).toContain(
      'Error: Table 1, row 5, Timescale: "31/02/2021" is not a real date',
    );
    const importButton = page.getByRole('button', { name: /^Import \d+ actions?$/ });
    expect(await importButton.getAttribute('aria-disabled')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/import-preview.png', fullPage: true });

    // Fixed in place.
    await mistake.getByRole('button', { name: 'Edit row 5 of Table 1' }).click();
    const timescale = mistake.getByRole('textbox', { name: 'Timescale' });
    await expect.poll(() => timescale.evaluate((el) => el === document.activeElement)).toBe(true);
    await timescale.fill('31/03/2021');
    await mistake.getByRole('button', { name: 'Apply to the preview' }).click();
    await expect
      .poll(() => totals.textContent())
      .toContain('4 actions in 4 tables: 4 new, 0 to update, 0 unchanged, 0 not imported');
    expect(await mistake.locator('dd').allTextContents()).toContain('31 Mar 2021');

    await page.getByRole('button', { name: 'Import 4 actions' }).click();
    await page.getByRole('heading', { name: 'Import summary' }).waitFor();
    expect(await page.getByText('Import finished').count()).toBe(1);
    const board = page.getByRole('link', { name: 'Area 1: Absence of a Joint Commissioning Strategy' });
    await board.waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/import-summary.png', fullPage: true });

    // The board shows what was imported, each action in its rating's column.
    await board.click();
    await expect.poll(() => cardLinks(page.locator('[data-column]')).allTextContents()).toHaveLength(4);
    expect(await cardLinks(boardColumn(page, 'Completed')).allTextContents()).toEqual([
      expect.stringMatching(/^1\.1\.1 /),
    ]);
    expect(await cardLinks(boardColumn(page, 'Good progress')).allTextContents()).toEqual([
      expect.stringMatching(/^1\.1\.2 /),
    ]);

    const officer = await graphStoreAs('officer');
    const stored = await officer.actions.query({ filter: fieldEq('PlanId', planId) }, []);
    expect(stored.map((a) => a.reference).sort()).toEqual(['1.1.1', '1.1.2', '1.2.1', '1.2.2']);
    expect(stored.find((a) => a.reference === '1.1.2')).toMatchObject({
      dueDate: '2021-03-31',
      dueDatePrecision: 'day',
    });
  });

  it('reads a table pasted from Word by its HTML, merged cells and all', async () => {
    const page = await signedInPage(browser, 'Priya Shah');
    await page.getByRole('link', { name: 'Import a plan' }).click();
    const box = page.getByRole('textbox', { name: 'Or paste a table from Word or Excel' });
    await box.focus();
    // What Word puts on the clipboard: the table as HTML, beside a plain text that loses its cells.
    await box.evaluate((element) => {
      const clipboardData = new DataTransfer();
      clipboardData.setData(
        'text/html',
        '<table><tr><td></td><td>Ref</td><td>Action</td><td>Lead</td></tr>' +
          '<tr><td rowspan="2">1. Joint commissioning</td><td>1.1.1</td><td>Agree the strategy</td><td>Daniel Okafor</td></tr>' +
          '<tr><td>1.1.2</td><td>Map the services</td><td>Hannah Whitfield</td></tr></table>',
      );
      clipboardData.setData('text/plain', 'Ref Action Lead 1.1.1 Agree the strategy');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
    });
    const rows = page.getByRole('list', { name: 'Rows of Pasted table' });
    const second = rows.getByRole('listitem', { name: /^Row 3 of Pasted table, Action 1\.1\.2/ });
    await second.waitFor();
    expect(await second.textContent()).toContain('Map the services');
    expect(await second.textContent()).toContain('Hannah Whitfield (found in the directory)');
  });

  it('exports the register as a CSV file the import reads back', async () => {
    const page = await signedInPage(browser, 'Margaret Ellison');
    await page.getByRole('region', { name: 'Improvement priorities' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export register (.csv)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'Leicestershire SEND Written Statement of Action (demo) - action register.csv',
    );
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.split('\r\n')[0]).toBe(
      '\uFEFFArea of weakness,Focus area,Reference,Action,Success measures,Lead,Governance,Due date,RAG rating,Progress update',
    );
    expect(text.split('\r\n').filter((line) => line !== '').length).toBeGreaterThan(25);
  });
});
