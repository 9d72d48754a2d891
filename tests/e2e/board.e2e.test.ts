import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadActionDetail } from '../../src/plan/action-detail';
import { seriousViolations } from './support/axe';
import { boardColumn, cardById, cardLinks, graphStoreAs, openBoard } from './support/board';
import { launchChromium } from './support/browser';
import { signedInPage, type ThemeName } from './support/session';

/** The id and reference of the first card in a column. */
async function firstCard(page: Page, column: string) {
  const link = cardLinks(boardColumn(page, column)).first();
  const id = await link.evaluate((el) => el.closest('[data-card-id]')?.getAttribute('data-card-id') ?? '');
  const name = (await link.textContent()) ?? '';
  return { id, reference: name.split(' ')[0] ?? '' };
}

async function saveNote(page: Page, note: string) {
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: /Progress note/ }).fill(note);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
}

describe('the board of a priority', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync('test-results', { recursive: true });
  });
  afterAll(() => browser.close());

  it('moves cards by drag and by keyboard; after a reload the ratings and their history are kept', async () => {
    const page = await signedInPage(browser, 'Hannah Whitfield');
    await openBoard(page, 'Area 1');

    const dragged = await firstCard(page, 'Minor delays');
    // Dragging arrives a moment after the board (its code loads once the cards are on screen).
    await page.locator(`[data-card-id="${dragged.id}"][draggable="true"]`).waitFor();
    // Dropped on the column's heading: always in view, so nothing scrolls in the middle of the drag.
    await cardById(page, dragged.id).dragTo(boardColumn(page, 'Good progress').getByRole('heading'));
    await page.getByRole('dialog', { name: `Update ${dragged.reference}: Good progress` }).waitFor();
    await saveNote(page, 'Dragged: strategy agreed by the board');
    await expect
      .poll(() => boardColumn(page, 'Good progress').locator(`[data-card-id="${dragged.id}"]`).count())
      .toBe(1);

    const moved = await firstCard(page, 'Little or no progress');
    await cardById(page, moved.id).locator('[data-card-link]').focus();
    await page.keyboard.press('Alt+ArrowRight');
    await page.getByRole('dialog', { name: `Update ${moved.reference}: Minor delays` }).waitFor();
    await saveNote(page, 'Keyboard: workshop booked');
    // Focus follows the card to its new column, and a screen reader hears where it went.
    await expect
      .poll(() =>
        page.evaluate(() => document.activeElement?.closest('[data-column]')?.getAttribute('data-column')),
      )
      .toBe('amber');
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContain(`Moved ${moved.reference} to Minor delays.`);
    await expect.poll(() => page.locator('[aria-busy="true"]').count()).toBe(0);

    await page.reload();
    await boardColumn(page, 'Good progress').locator(`[data-card-id="${dragged.id}"]`).waitFor();
    await boardColumn(page, 'Minor delays').locator(`[data-card-id="${moved.id}"]`).waitFor();
    const store = await graphStoreAs('lead');
    const [a, b] = await Promise.all([
      loadActionDetail(store, dragged.id),
      loadActionDetail(store, moved.id),
    ]);
    expect(a.updates[0]).toMatchObject({
      fromRating: 'amber',
      toRating: 'green',
      note: 'Dragged: strategy agreed by the board',
      author: { displayName: 'Hannah Whitfield' },
    });
    expect(b.updates[0]).toMatchObject({
      fromRating: 'red',
      toRating: 'amber',
      note: 'Keyboard: workshop booked',
    });
  });

  it('when two people change the same action, the second sees what changed and loses nothing', async () => {
    const hannah = await signedInPage(browser, 'Hannah Whitfield');
    const priya = await signedInPage(browser, 'Priya Shah');
    await openBoard(hannah, 'Area 2');
    await openBoard(priya, 'Area 2');
    const target = await firstCard(hannah, 'Good progress');

    await cardById(hannah, target.id).locator('[data-card-link]').focus();
    await hannah.keyboard.press('Alt+ArrowRight');
    await saveNote(hannah, 'Hannah: all plans now audited');
    await expect.poll(() => hannah.locator('[aria-busy="true"]').count()).toBe(0);

    // Priya's board still shows the card where it was when she opened it.
    await cardById(priya, target.id).locator('[data-card-link]').focus();
    await priya.keyboard.press('Alt+ArrowLeft');
    const dialog = priya.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Progress note/ }).fill('Priya: two plans still late');
    await dialog.getByRole('button', { name: 'Save' }).click();

    await dialog.getByText('Someone else changed this action').waitFor();
    expect(await dialog.textContent()).toMatch(
      /Hannah Whitfield updated it on .*It is now rated Completed\./,
    );
    expect(await dialog.getByRole('textbox', { name: /Progress note/ }).inputValue()).toBe(
      'Priya: two plans still late',
    );
    await dialog.getByRole('button', { name: 'Apply my change' }).click();
    await expect.poll(() => priya.locator('[aria-busy="true"]').count()).toBe(0);

    const detail = await loadActionDetail(await graphStoreAs('officer'), target.id);
    expect(detail.action.status).toBe('amber');
    expect(detail.updates.slice(0, 2).map((u) => `${u.author.displayName}: ${u.note}`)).toEqual([
      'Priya Shah: Priya: two plans still late',
      'Hannah Whitfield: Hannah: all plans now audited',
    ]);
  });

  it('shows the chair no edit controls, and Graph refuses a write forced from the page', async () => {
    const page = await signedInPage(browser, 'Margaret Ellison');
    await openBoard(page, 'Area 1');
    expect(await page.getByRole('button', { name: /^Move .* to…$/ }).count()).toBe(0);
    expect(await page.locator('[draggable="true"]').count()).toBe(0);
    await page.getByText('You can view this plan but not change it.', { exact: false }).waitFor();

    const card = await firstCard(page, 'Good progress');
    await cardById(page, card.id).locator('[data-card-link]').focus();
    await page.keyboard.press('Alt+ArrowRight');
    expect(await page.getByRole('dialog').count()).toBe(0);

    const status = await page.evaluate(
      async ({ graphOrigin, actionId }) => {
        // The page keeps only who signed in; a token is minted for them as the tab does.
        const session = JSON.parse(sessionStorage.getItem('wsoa.localSession') ?? '{}');
        const minted = await fetch(`${graphOrigin}/_local/token`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ person: session.person.alias }),
        });
        const { access_token: token } = await minted.json();
        const response = await fetch(
          `${graphOrigin}/v1.0/sites/root/lists/WSoA Actions/items/${actionId}/fields`,
          {
            method: 'PATCH',
            headers: {
              Authorization: `Bearer ${token}`,
              'Content-Type': 'application/json',
              'If-Match': '*',
            },
            body: JSON.stringify({ Status: 'blue' }),
          },
        );
        return response.status;
      },
      { graphOrigin: inject('graphOrigin'), actionId: card.id },
    );
    expect(status).toBe(403);
    expect((await (await graphStoreAs('officer')).actions.get(card.id)).status).toBe('green');
    expect(await boardColumn(page, 'Good progress').locator(`[data-card-id="${card.id}"]`).count()).toBe(1);
  });

  it('keeps its filters in the URL, so they survive a reload', async () => {
    const page = await signedInPage(browser, 'Hannah Whitfield');
    await openBoard(page, 'Area 1');
    await page.getByRole('combobox', { name: 'Lead' }).selectOption({ label: 'Hannah Whitfield' });
    await page.getByRole('combobox', { name: 'Overdue' }).selectOption('any');
    await expect.poll(() => new URL(page.url()).searchParams.get('overdue')).toBe('1');
    expect(new URL(page.url()).searchParams.get('lead')).toBe('hannah.whitfield@demo.localarea.example');

    await page.reload();
    await page.getByText(/^Showing \d+ of \d+ actions$/).waitFor();
    expect(await page.getByRole('combobox', { name: 'Overdue' }).inputValue()).toBe('any');
    expect(await page.getByRole('combobox', { name: 'Lead' }).inputValue()).toBe(
      'hannah.whitfield@demo.localarea.example',
    );
    const cards = await page.locator('[data-card-id]').allTextContents();
    expect(cards.length).toBeGreaterThan(0);
    expect(await page.getByText(/^Showing \d+ of \d+ actions$/).textContent()).toMatch(
      new RegExp(`^Showing ${cards.length} of `),
    );
    for (const text of cards) {
      expect(text).toContain('Hannah Whitfield');
      expect(text).toMatch(/Overdue|milestones? overdue/);
    }
  });

  it.each(['light', 'dark', 'contrast'] as ThemeName[])(
    'is accessible and screenshotted in the %s theme',
    async (theme) => {
      const page = await signedInPage(browser, 'Hannah Whitfield', '/', theme);
      await openBoard(page, 'Area 1');
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/board-${theme}.png` });

      await cardLinks(boardColumn(page, 'Yet to start')).first().focus();
      await page.keyboard.press('Alt+ArrowRight');
      await page.getByRole('dialog').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: `test-results/board-note-${theme}.png` });
      await page.getByRole('button', { name: 'Cancel' }).click();
    },
  );
});
