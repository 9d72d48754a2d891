import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan, makePriority, makeRisk, type Risk } from '../../src/domain';
import { RisksPage } from '../../src/features/risks/RisksPage';
import { fieldEq } from '../../src/graph/odata';
import { provisionSite } from '../../src/graph/provision';
import { startTestGraph, type TestGraph } from '../integration/support/local-graph';
import { personFor, renderInTab, type Viewer } from './support/render-in-tab';

/** A plan with two priorities and three risks (one closed), written as the programme officer. */
async function aRegisterIn(t: TestGraph, title: string) {
  const officer = t.storeAs('officer');
  const { id: _p, ...planDraft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
  const plan = await officer.plans.create(planDraft);
  const planId = plan.id;
  const priorities = await officer.priorities.createMany(
    ['Joint commissioning', 'EHC plans'].map((priorityTitle, i) => {
      const { id: _q, ...draft } = makePriority({
        id: 'n',
        planId,
        number: i + 1,
        label: `Priority ${i + 1}`,
        title: priorityTitle,
      });
      return draft;
    }),
  );
  const draft = (r: Partial<Risk> & Pick<Risk, 'title' | 'consequence' | 'likelihood'>) => {
    const { id: _r, ...rest } = makeRisk({ id: 'n', planId, ...r });
    return rest;
  };
  await officer.risks.createMany([
    draft({
      title: 'Workforce shortages',
      consequence: 5,
      likelihood: 4,
      owner: 'Head of SEND',
      mitigation: 'Recruit locums',
      trend: 'rising',
      priorityId: priorities[1]?.id ?? null,
    }),
    draft({ title: 'Data quality', consequence: 2, likelihood: 2, trend: 'falling' }),
    draft({ title: 'Old funding gap', consequence: 4, likelihood: 3, status: 'closed' }),
  ]);
  return plan;
}

const heatMap = () => within(screen.getByRole('table', { name: /^Open risks by consequence/ }));
/** The heat map's cell of a consequence (row) and likelihood (column). */
function cell(consequence: number, likelihood: number): HTMLElement {
  const row = heatMap()
    .getAllByRole('row')
    .find((r) => within(r).queryByRole('rowheader')?.textContent?.startsWith(`Consequence ${consequence}`));
  const found = row && within(row).getAllByRole('cell')[likelihood - 1];
  if (!found) throw new Error(`No heat map cell ${consequence} x ${likelihood}`);
  return found;
}
const register = () => within(screen.getByRole('table', { name: 'Open risks' }));
const rowOf = (title: string) => {
  const header = register().getByRole('rowheader', { name: title });
  const row = header.closest('tr');
  if (!row) throw new Error(`No row for ${title}`);
  return within(row);
};

/** axe in jsdom: no layout, so no colour contrast (the e2e suite checks that in Chromium). */
async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the risk register page', () => {
  let t: TestGraph;
  let member: Viewer;
  let visitor: Viewer;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite(t.storeAs('officer').ctx);
    member = { alias: 'lead', role: 'member', person: await personFor(t, 'lead') };
    visitor = { alias: 'chair', role: 'visitor', person: await personFor(t, 'chair') };
  });
  afterAll(() => t.close());

  const storedTitles = async (planId: string) =>
    (await t.storeAs('officer').risks.query({ filter: fieldEq('PlanId', planId) }, []))
      .map((r) => r.title)
      .sort();

  it('a member adds a risk and sees it in its heat map cell and in the register', async () => {
    const user = userEvent.setup();
    const plan = await aRegisterIn(t, 'Member adds');
    renderInTab(t, member, <RisksPage planId={plan.id} />);

    await screen.findByRole('heading', { level: 1, name: 'Risk register' });
    expect(cell(5, 4).textContent).toBe('1 open risk, Extreme band, score 20');
    // The closed risk's cell counts no risk.
    expect(cell(4, 3).textContent).toBe('0 open risks, High band, score 12');
    expect(rowOf('Workforce shortages').getByText('Priority 2: EHC plans')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Add a risk' }));
    const form = within(screen.getByRole('form', { name: 'Add a risk' }));
    expect(document.activeElement).toBe(form.getByRole('textbox', { name: /^Risk/ }));
    await user.type(form.getByRole('textbox', { name: /^Risk/ }), 'Too few educational psychologists');
    await user.type(form.getByRole('textbox', { name: /^Consequence/ }), '4');
    await user.type(form.getByRole('textbox', { name: /^Likelihood/ }), '3');
    expect(form.getByText('Score 12: High')).toBeTruthy();
    await user.selectOptions(
      form.getByRole('combobox', { name: 'Priority' }),
      'Priority 1: Joint commissioning',
    );
    await user.type(form.getByRole('textbox', { name: /^Owner/ }), 'Principal EP');
    await user.selectOptions(form.getByRole('combobox', { name: 'Trend' }), 'Rising');
    await user.type(form.getByRole('textbox', { name: /^Mitigation/ }), 'Two locum EPs from January');
    await user.click(form.getByRole('button', { name: 'Add risk' }));

    await waitFor(() => expect(cell(4, 3).textContent).toBe('1 open risk, High band, score 12'));
    const row = rowOf('Too few educational psychologists');
    expect(
      row
        .getAllByRole('cell')
        .slice(0, 6)
        .map((c) => c.textContent),
    ).toEqual([
      '12 (4 × 3)',
      'High',
      'Priority 1: Joint commissioning',
      'Principal EP',
      'Two locum EPs from January',
      '↑ Rising',
    ]);
    // In risk order: 20 before 12 before 4.
    expect(
      register()
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Workforce shortages', 'Too few educational psychologists', 'Data quality']);
    expect(screen.queryByRole('form', { name: 'Add a risk' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Added risk: Too few educational psychologists');
    expect(await storedTitles(plan.id)).toContain('Too few educational psychologists');
    expect(await axeViolations()).toEqual([]);
  });

  it('a member closes a risk: it leaves the heat map for the collapsed group of closed risks', async () => {
    const user = userEvent.setup();
    const plan = await aRegisterIn(t, 'Member closes');
    renderInTab(t, member, <RisksPage planId={plan.id} />);

    await user.click(await screen.findByRole('button', { name: 'Close risk: Workforce shortages' }));
    await waitFor(() => expect(cell(5, 4).textContent).toBe('0 open risks, Extreme band, score 20'));
    expect(register().queryByRole('rowheader', { name: 'Workforce shortages' })).toBeNull();
    const toggle = screen.getByRole('button', { name: 'Closed risks (2)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('table', { name: 'Closed risks' })).toBeNull();
    await user.click(toggle);
    const closed = within(screen.getByRole('table', { name: 'Closed risks' }));
    expect(closed.getAllByRole('rowheader').map((h) => h.textContent)).toEqual([
      'Workforce shortages',
      'Old funding gap',
    ]);
    expect(closed.getByRole('button', { name: 'Reopen risk: Workforce shortages' })).toBeTruthy();
  });

  it('a member edits a risk from its row: the form holds it as stored, and the risk moves cell', async () => {
    const user = userEvent.setup();
    const plan = await aRegisterIn(t, 'Member edits');
    renderInTab(t, member, <RisksPage planId={plan.id} />);

    await user.click(await screen.findByRole('button', { name: 'Edit risk: Data quality' }));
    const form = within(screen.getByRole('form', { name: 'Edit risk: Data quality' }));
    expect(form.getByRole('combobox', { name: 'Trend' })).toHaveProperty('value', 'falling');
    const likelihood = form.getByRole('textbox', { name: /^Likelihood/ });
    expect(likelihood).toHaveProperty('value', '2');
    await user.clear(likelihood);
    await user.type(likelihood, '4');
    await user.click(form.getByRole('button', { name: 'Save risk' }));

    await waitFor(() => expect(cell(2, 4).textContent).toBe('1 open risk, High band, score 8'));
    expect(cell(2, 2).textContent).toBe('0 open risks, Moderate band, score 4');
    expect(
      rowOf('Data quality')
        .getAllByRole('cell')
        .slice(0, 2)
        .map((c) => c.textContent),
    ).toEqual(['8 (2 × 4)', 'High']);
    expect(screen.getByRole('status').textContent).toBe('Saved risk: Data quality');
  });

  it('a visitor sees the heat map and the register, and no form or controls to change them', async () => {
    const plan = await aRegisterIn(t, 'Visitor reads');
    renderInTab(t, visitor, <RisksPage planId={plan.id} />);

    await screen.findByRole('heading', { level: 1, name: 'Risk register' });
    expect(screen.getByText('You can view this risk register but not change it.')).toBeTruthy();
    expect(cell(5, 4).textContent).toBe('1 open risk, Extreme band, score 20');
    expect(
      rowOf('Data quality')
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4 (2 × 2)', 'Moderate', 'Whole plan', 'Not named', 'None recorded', '↓ Falling']);
    expect(register().queryByRole('columnheader', { name: 'Actions' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a risk' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^(Edit|Close|Reopen) risk/ })).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(await axeViolations()).toEqual([]);
  });

  it('a bad score keeps the form filled, names the field, and saves nothing', async () => {
    const user = userEvent.setup();
    const plan = await aRegisterIn(t, 'Bad score');
    renderInTab(t, member, <RisksPage planId={plan.id} />);

    await user.click(await screen.findByRole('button', { name: 'Add a risk' }));
    const form = within(screen.getByRole('form', { name: 'Add a risk' }));
    const title = form.getByRole('textbox', { name: /^Risk/ });
    const consequence = form.getByRole('textbox', { name: /^Consequence/ });
    await user.type(title, 'Transport costs');
    await user.type(consequence, '7');
    await user.type(form.getByRole('textbox', { name: /^Likelihood/ }), '2');
    expect(form.getByText('Score: consequence × likelihood')).toBeTruthy();
    await user.click(form.getByRole('button', { name: 'Add risk' }));

    await waitFor(() => expect(document.activeElement).toBe(consequence));
    expect(consequence.getAttribute('aria-invalid')).toBe('true');
    expect(form.getByText('Consequence is scored 1 to 5')).toBeTruthy();
    expect(form.getByText('Not saved')).toBeTruthy();
    expect(title).toHaveProperty('value', 'Transport costs');
    expect(consequence).toHaveProperty('value', '7');
    expect(await storedTitles(plan.id)).toEqual(['Data quality', 'Old funding gap', 'Workforce shortages']);

    // Putting it right takes the message away, and the risk is added.
    await user.clear(consequence);
    await user.type(consequence, '3');
    expect(form.queryByText('Consequence is scored 1 to 5')).toBeNull();
    await user.click(form.getByRole('button', { name: 'Add risk' }));
    await waitFor(() => expect(cell(3, 2).textContent).toBe('1 open risk, Moderate band, score 6'));
  });
});
