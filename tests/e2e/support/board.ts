import type { Locator, Page } from 'playwright-core';
import { inject } from 'vitest';
import { z } from 'zod';
import { createGraphClient } from '../../../src/graph/client';
import { createPlanStore, type PlanStore } from '../../../src/graph/store';

/** The run's local Graph as a demo person, from the test process: to check what a page saved. */
export async function graphStoreAs(alias: string): Promise<PlanStore> {
  const origin = inject('graphOrigin');
  const response = await fetch(`${origin}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ person: alias }),
  });
  if (!response.ok) throw new Error(`No token for ${alias}: HTTP ${response.status}`);
  const { access_token: token } = z.object({ access_token: z.string() }).parse(await response.json());
  return createPlanStore({
    client: createGraphClient({ baseUrl: `${origin}/v1.0`, getToken: async () => token }),
    siteId: 'root',
  });
}

/** A rating column of the board, by its label ("Good progress"). */
export function boardColumn(page: Page, label: string): Locator {
  return page.getByRole('region', { name: new RegExp(`^${label} \\d+ actions?$`) });
}

/** The cards of a column: each card's link is named by its reference and text. */
export function cardLinks(column: Locator): Locator {
  return column.locator('[data-card-link]');
}

/** A card (the draggable element) by its action id. */
export function cardById(page: Page, actionId: string): Locator {
  return page.locator(`[data-card-id="${actionId}"]`);
}

/** Opens a priority's board from the plan at a glance, as a person would. */
export async function openBoard(page: Page, priorityLabel: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(`^${priorityLabel}: `) }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${priorityLabel}: `) }).waitFor();
  await page.locator('[data-card-id]').first().waitFor();
}
