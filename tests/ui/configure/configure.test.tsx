import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePriority } from '../../../src/domain';
import { ConfigurePage } from '../../../src/features/configure/ConfigurePage';
import { RemovePage } from '../../../src/features/configure/RemovePage';
import { DEMO_TENANT } from '../../../src/localgraph/index';
import { createPlanOnSite, loadSitePlans, storeForSite } from '../../../src/plan/tab-setup';
import { startTestGraph, type TestGraph } from '../../integration/support/local-graph';
import { personFor, renderInTab, type Viewer } from '../support/render-in-tab';

const GROUP = DEMO_TENANT.group.id;
const SITE = DEMO_TENANT.groupSite.id;
/** The site id as a content URL carries it (`?site=`, commas escaped). */
const SITE_PARAM = SITE.replaceAll(',', '%2C');

const teamSite = (t: TestGraph, alias: string) => storeForSite(t.storeAs(alias), SITE);
const viewer = async (t: TestGraph, alias: string, role: Viewer['role']): Promise<Viewer> => ({
  alias,
  role,
  person: await personFor(t, alias),
});
const configure = (t: TestGraph, who: Viewer, query = `?groupId=${GROUP}`) =>
  renderInTab(t, who, <ConfigurePage />, `/config${query}`);
const fieldMessage = (input: HTMLElement) => {
  const id = input.getAttribute('aria-describedby') ?? '';
  return id
    .split(' ')
    .map((part) => document.getElementById(part)?.textContent ?? '')
    .join(' ')
    .trim();
};

describe('the tab’s configuration page, outside Teams, on a team site with plans', () => {
  let t: TestGraph;
  let officer: Viewer;
  let plan: { id: string };
  let priorityIds: string[];
  beforeAll(async () => {
    t = await startTestGraph();
    officer = await viewer(t, 'officer', 'owner');
    const store = teamSite(t, 'officer');
    await createPlanOnSite(store, { title: 'Earlier plan', localArea: 'Testshire' });
    plan = await createPlanOnSite(store, { title: 'SEND WSoA 2026', localArea: 'Testshire' });
    priorityIds = [];
    for (const [number, title] of [
      [1, 'Joint commissioning'],
      [2, 'Co-production'],
    ] as const) {
      const { id: _id, ...draft } = makePriority({ id: 'n', planId: plan.id, number, title });
      priorityIds.push((await store.priorities.create(draft)).id);
    }
  });
  afterAll(() => t.close());

  it('shows the content URL it would save for the plan and the priority chosen', async () => {
    const user = userEvent.setup();
    configure(t, officer);

    expect(await screen.findByRole('link', { name: 'SEND Local Area Partnership' })).toHaveProperty(
      'href',
      `${DEMO_TENANT.groupSite.webUrl}`,
    );
    // Two plans: nothing is chosen for the person, so there is nothing to save yet.
    await screen.findByRole('radio', { name: /^SEND WSoA 2026/ });
    expect(screen.getByText('Choose a plan, or create one, to add the tab.')).toBeTruthy();

    await user.click(screen.getByRole('radio', { name: /^SEND WSoA 2026/ }));
    const origin = window.location.origin;
    const glance = `${origin}/?plan=${plan.id}&site=${SITE_PARAM}`;
    const settings = () => within(screen.getByLabelText('Tab settings'));
    expect(settings().getAllByText(glance)).toHaveLength(2); // content and website URL
    expect(settings().getByText('WSoA: SEND WSoA 2026')).toBeTruthy();
    expect(settings().getByText(`wsoa:${plan.id}`)).toBeTruthy();
    expect(settings().getByText(`${origin}/remove`)).toBeTruthy();

    const openOn = screen.getByRole('combobox', { name: 'Open the tab on' });
    expect(
      within(openOn)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['At a glance', 'Priority 1: Joint commissioning', 'Priority 2: Co-production']);
    await user.selectOptions(openOn, 'Priority 2: Co-production');
    const board = `${origin}/plans/${plan.id}/priorities/${priorityIds[1]}?site=${SITE_PARAM}`;
    expect(settings().getAllByText(board)).toHaveLength(2);
    expect(settings().getByText(`wsoa:${plan.id}:${priorityIds[1]}`)).toBeTruthy();
    expect(settings().queryByText(glance)).toBeNull();

    // Another plan starts again at a glance.
    await user.click(screen.getByRole('radio', { name: /^Earlier plan/ }));
    expect(openOn).toHaveProperty('value', '');
    expect(settings().getByText('WSoA: Earlier plan')).toBeTruthy();
  });

  it('names the empty title field, keeps what was typed and creates nothing', async () => {
    const user = userEvent.setup();
    const before = (await loadSitePlans(teamSite(t, 'officer'))).plans.length;
    configure(t, officer);

    await user.click(await screen.findByRole('radio', { name: 'Create a plan' }));
    await user.type(screen.getByRole('textbox', { name: /Local area/ }), 'Leicestershire');
    await user.click(screen.getByRole('button', { name: 'Create the plan' }));

    const title = screen.getByRole('textbox', { name: /Plan title/ });
    await screen.findByText('Check the field marked above; nothing you typed has been lost.');
    expect(fieldMessage(title)).toContain('Plan title is required');
    expect(title.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(title);
    expect(screen.getByRole('textbox', { name: /Local area/ })).toHaveProperty('value', 'Leicestershire');
    expect(screen.getByText('Choose a plan, or create one, to add the tab.')).toBeTruthy();
    expect((await loadSitePlans(teamSite(t, 'officer'))).plans).toHaveLength(before);
  });

  it('says how to try the page outside Teams when no team is given', async () => {
    configure(t, officer, '');
    expect(await screen.findByText('Outside Teams')).toBeTruthy();
    expect(screen.getByText('?groupId=')).toBeTruthy();
  });

  it('the removal page says the plan stays in SharePoint', async () => {
    renderInTab(t, officer, <RemovePage />, '/remove');
    expect(await screen.findByRole('heading', { name: 'Remove the WSoA tab' })).toBeTruthy();
    expect(
      screen.getByText(/Only the tab goes\. The plan, its actions, milestones and history stay/),
    ).toBeTruthy();
  });
});

describe('the tab’s configuration page on a team site without the app’s lists', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
  });
  afterAll(() => t.close());

  it('refuses a visitor clearly and keeps what was typed', async () => {
    const user = userEvent.setup();
    configure(t, await viewer(t, 'chair', 'visitor'));

    // No plans yet: creating one is the only choice, already made.
    expect(await screen.findByRole('radio', { name: 'Create a plan' })).toHaveProperty('checked', true);
    expect(screen.getByText(/This site has none of the plan’s SharePoint lists yet/)).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /Plan title/ }), 'Board’s own plan');
    await user.type(screen.getByRole('textbox', { name: /Local area/ }), 'Leicestershire');
    await user.click(screen.getByRole('button', { name: 'Create the plan' }));

    expect(
      await screen.findByText(
        "You can't create the plan's lists on this site: ask a site owner to add the tab, or to make you a member of the site.",
      ),
    ).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /Plan title/ })).toHaveProperty('value', 'Board’s own plan');
    expect(await loadSitePlans(teamSite(t, 'officer'))).toMatchObject({ listsReady: false, plans: [] });
  });

  it('sets up the lists, creates the plan and chooses it for the tab', async () => {
    const user = userEvent.setup();
    configure(t, await viewer(t, 'officer', 'owner'));

    await user.type(await screen.findByRole('textbox', { name: /Plan title/ }), 'SEND WSoA 2027');
    await user.type(screen.getByRole('textbox', { name: /Local area/ }), 'Leicestershire');
    await user.click(screen.getByRole('button', { name: 'Create the plan' }));

    // While the site's lists are set up, a progress bar says how far it has got.
    expect(await screen.findByRole('progressbar', { name: 'Setting up the plan' })).toBeTruthy();
    const created = await screen.findByRole('radio', { name: /^SEND WSoA 2027/ }, { timeout: 20_000 });
    expect(created).toHaveProperty('checked', true);
    const [plan] = (await loadSitePlans(teamSite(t, 'officer'))).plans;
    expect(plan?.title).toBe('SEND WSoA 2027');
    const settings = within(screen.getByLabelText('Tab settings'));
    expect(
      settings.getAllByText(`${window.location.origin}/?plan=${plan?.id}&site=${SITE_PARAM}`),
    ).toHaveLength(2);
    expect(screen.queryByRole('textbox', { name: /Plan title/ })).toBeNull();
  });
});
