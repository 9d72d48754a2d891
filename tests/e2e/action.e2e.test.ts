import { mkdirSync } from 'node:fs';
import axe from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { z } from 'zod';
import { addDays, compareReferences, formatDate, type Action, type Milestone } from '../../src/domain';
import { createGraphClient } from '../../src/graph/client';
import type { Stored } from '../../src/domain';
import { fieldEq } from '../../src/graph/odata';
import { createPlanStore, type PlanStore } from '../../src/graph/store';
import { launchChromium } from './support/browser';

/**
 * The action detail in Chromium against the built tab and the demo plan. Other
 * e2e files share the plan, so these tests use Area 2's last actions and read
 * what is there rather than assume it is pristine.
 */
describe('the action detail', () => {
  let browser: Browser;
  let store: PlanStore;
  let editTarget: Stored<Action>;
  let moveTarget: { action: Stored<Action>; milestone: Stored<Milestone> };

  beforeAll(async () => {
    browser = await launchChromium();
    store = await storeAs('officer');
    const priorities = await store.priorities.query({}, []);
    const area2 = priorities.find((p) => p.number === 2);
    if (!area2) throw new Error('The demo plan has no Area 2');
    const actions = (await store.actions.query({ filter: fieldEq('PriorityId', area2.id) }, [])).sort(
      (a, b) => compareReferences(b.reference, a.reference),
    );
    const milestones = await store.milestones.query({ filter: fieldEq('PriorityId', area2.id) }, []);
    const [last, ...rest] = actions;
    if (!last) throw new Error('Area 2 has no actions');
    editTarget = last;
    for (const action of rest) {
      const open = milestones.find((m) => m.actionId === action.id && m.completedOn === null);
      if (open) {
        moveTarget = { action, milestone: open };
        break;
      }
    }
    if (!moveTarget) throw new Error('No Area 2 action has an open milestone');
  });
  afterAll(() => browser.close());

  async function signedInPage(): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(inject('tabUrl'));
    await page.getByRole('button', { name: /Sign in as Hannah Whitfield/ }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  const url = (path: string) => new URL(path, inject('tabUrl')).toString();
  const heading = (page: Page, action: Action) =>
    page.getByRole('heading', { level: 1, name: `Action ${action.reference}` });

  it('opens from a deep link: the action path and a Teams sub-entity in the URL', async () => {
    const page = await signedInPage();
    await page.goto(url(`/actions/${editTarget.id}`));
    await heading(page, editTarget).waitFor();
    await page
      .getByRole('navigation', { name: 'Where this action sits' })
      .getByText(/^Area 2:/)
      .waitFor();

    await page.goto(url(`/?subEntityId=action:${moveTarget.action.id}`));
    await heading(page, moveTarget.action).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/actions/${moveTarget.action.id}`);
    await page.close();
  });

  it('edits and saves the action; a reload shows it stored', async () => {
    const page = await signedInPage();
    await page.goto(url(`/actions/${editTarget.id}`));
    await heading(page, editTarget).waitFor();

    const forum = `Area 2 delivery group ${Date.now()}`;
    await page.getByRole('textbox', { name: 'Governance forum' }).fill(forum);
    const narrative = `Second audit cycle complete (${forum}).`;
    await page.getByRole('textbox', { name: 'Progress update' }).fill(narrative);
    await page.getByRole('button', { name: 'Add evidence link' }).click();
    const rows = await page.getByRole('textbox', { name: /^Evidence \d+ title$/ }).count();
    await page.getByRole('textbox', { name: `Evidence ${rows} title` }).fill('Audit summary');
    await page
      .getByRole('textbox', { name: `Evidence ${rows} web address` })
      .fill('https://sharepoint.example/audit-summary.pdf');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByRole('status').getByText('Changes saved').waitFor();

    await page.reload();
    await heading(page, editTarget).waitFor();
    await expect.poll(() => page.getByRole('textbox', { name: 'Governance forum' }).inputValue()).toBe(forum);
    expect(await page.getByRole('textbox', { name: 'Progress update' }).inputValue()).toBe(narrative);
    expect(await page.getByRole('textbox', { name: `Evidence ${rows} title` }).inputValue()).toBe(
      'Audit summary',
    );
    await page.close();
  });

  it('moves a milestone only with a reason, and keeps the change under it and in the history', async () => {
    const page = await signedInPage();
    const { action, milestone } = moveTarget;
    const current = (await store.milestones.get(milestone.id)).dueDate;
    const to = addDays(current, 14);
    await page.goto(url(`/actions/${action.id}`));
    await heading(page, action).waitFor();

    await page.getByRole('button', { name: `Move date of ${milestone.title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Move the milestone’s date' });
    await dialog.getByRole('textbox', { name: /^New date/ }).fill(formatDate(to));
    await dialog.getByRole('button', { name: 'Move date' }).click();
    await dialog.getByText(/Say why the date is moving/).waitFor();

    const reason = `Board meeting moved (${Date.now()})`;
    await dialog.getByRole('textbox', { name: /^Reason for the change/ }).fill(reason);
    await dialog.getByRole('button', { name: 'Move date' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.reload();
    await heading(page, action).waitFor();
    const changes = page.getByRole('region', { name: `Date changes of ${milestone.title}` });
    await changes
      .getByText(`Moved from ${formatDate(current)} to ${formatDate(to)}`, { exact: false })
      .waitFor();
    await changes.getByText(reason, { exact: false }).waitFor();
    await page
      .getByRole('region', { name: 'Progress history' })
      .getByText(`moved from ${formatDate(current)} to ${formatDate(to)}: ${reason}`, { exact: false })
      .waitFor();
    expect((await store.milestones.get(milestone.id)).dueDate).toBe(to);
    await page.close();
  });

  it.each([
    ['light', ''],
    ['dark', '?theme=dark'],
    ['contrast', '?theme=contrast'],
  ])('is axe-clean in the %s theme, and looks right', async (name, query) => {
    const page = await signedInPage();
    await page.goto(url(`/actions/${moveTarget.action.id}${query}`));
    await heading(page, moveTarget.action).waitFor();
    await page.getByRole('region', { name: 'Progress history' }).waitFor();

    expect(await seriousViolations(page)).toEqual([]);
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: `test-results/action-${name}.png`, fullPage: true });

    // The change-control dialog, too.
    await page.getByRole('button', { name: `Move date of ${moveTarget.milestone.title}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Move the milestone’s date' });
    await dialog.getByRole('button', { name: 'Move date' }).click();
    await dialog.getByText(/Say why the date is moving/).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `test-results/action-${name}-dialog.png` });
    await page.close();
  });
});

async function storeAs(person: string): Promise<PlanStore> {
  const origin = inject('graphOrigin');
  const response = await fetch(`${origin}/_local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ person }),
  });
  const token = z.object({ access_token: z.string() }).parse(await response.json()).access_token;
  const client = createGraphClient({ baseUrl: `${origin}/v1.0`, getToken: async () => token });
  return createPlanStore({ client, siteId: 'root' });
}

const axeResultsSchema = z.object({
  violations: z.array(
    z.object({
      id: z.string(),
      impact: z.string().nullable().optional(),
      nodes: z.array(z.object({ target: z.array(z.unknown()) })),
    }),
  ),
});

/** Serious and critical axe violations on the page, as "rule: targets" lines. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof axe !== "undefined"'))) await page.addScriptTag({ content: axe.source });
  // Tabster's focus sentinels (Fluent's focus management) are aria-hidden yet focusable
  // on purpose: they hand focus straight on, and are not content a person reaches.
  const raw: unknown = await page.evaluate(
    "axe.run({ include: [['body']], exclude: [['[data-tabster-dummy]']] })",
  );
  return axeResultsSchema
    .parse(raw)
    .violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
}
