import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeMeasure, makeMeasureReading, makePlan, makePriority, type Measure } from '../../src/domain';
import { MeasuresPage } from '../../src/features/measures/MeasuresPage';
import { fieldEq } from '../../src/graph/odata';
import { provisionSite } from '../../src/graph/provision';
import { startTestGraph, type TestGraph } from '../integration/support/local-graph';
import { personFor, renderInTab, type Viewer } from './support/render-in-tab';

const EHCP = 'EHC plans issued within 20 weeks';
const WAIT = 'Weeks waiting for an autism assessment';
const LISTENED = 'Parents who feel listened to';

/**
 * A plan with two priorities, written as the programme officer. Every reading is
 * in the past, so what the page judges does not depend on the day the test runs.
 *   Priority 1 "Joint commissioning": no measures
 *   Priority 2 "EHC plans": EHC plans issued within 20 weeks (45% on 1 Jan 2026
 *     rising to 60% by 30 Jun 2030; readings 50% in Mar 2026, 41% in Jun 2026),
 *     Weeks waiting (30 falling to 20; reading 18 in May 2026)
 *   across the plan: Parents who feel listened to (no target, no readings)
 */
async function aPlanIn(t: TestGraph, title: string) {
  const officer = t.storeAs('officer');
  const { id: _p, ...planDraft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
  const plan = await officer.plans.create(planDraft);
  const planId = plan.id;
  const [p1, p2] = await officer.priorities.createMany(
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
  if (!p1 || !p2) throw new Error('Expected two priorities');
  const measure = (fields: Partial<Measure> & Pick<Measure, 'title'>) => {
    const { id: _m, ...draft } = makeMeasure({ id: 'n', planId, ...fields });
    return draft;
  };
  const [ehcp, wait] = await officer.measures.createMany([
    measure({
      priorityId: p2.id,
      title: EHCP,
      baseline: 45,
      baselineDate: '2026-01-01',
      target: 60,
      targetDate: '2030-06-30',
    }),
    measure({
      priorityId: p2.id,
      title: WAIT,
      unit: 'weeks',
      baseline: 30,
      baselineDate: '2026-01-01',
      target: 20,
      targetDate: '2030-06-30',
      higherIsBetter: false,
    }),
    measure({ title: LISTENED, target: null, targetDate: null }),
  ]);
  if (!ehcp || !wait) throw new Error('Expected the measures');
  await officer.measureReadings.createMany(
    (
      [
        [ehcp.id, '2026-03-01', 50, 'Backlog cleared'],
        [ehcp.id, '2026-06-01', 41, ''],
        [wait.id, '2026-05-01', 18, ''],
      ] as const
    ).map(([measureId, date, value, note]) => {
      const { id: _r, ...draft } = makeMeasureReading({ id: 'n', planId, measureId, date, value, note });
      return draft;
    }),
  );
  return { plan, ehcp };
}

/** The card of one measure. */
const card = (title: string) => within(screen.getByRole('article', { name: title }));

/** axe in jsdom: no layout, so no colour contrast (the e2e suite checks that in Chromium). */
async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The message a Fluent Field shows for its control. */
function fieldMessage(control: HTMLElement): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
}

describe('the Measures page', () => {
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

  const storedReadings = async (planId: string) =>
    (await t.storeAs('officer').measureReadings.query({ filter: fieldEq('PlanId', planId) }, []))
      .map((r) => `${r.date} ${r.value}`)
      .sort();

  it('shows a visitor each measure by priority against its trajectory, with no forms', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t, 'Visitor reads');
    renderInTab(t, visitor, <MeasuresPage planId={plan.id} />);

    await screen.findByRole('heading', { level: 1, name: 'Measures' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Priority 1: Joint commissioning',
      'Priority 2: EHC plans',
      'Across the plan',
    ]);
    expect(screen.getByText(/^3 measures · 1 off trajectory on /)).toBeTruthy();
    expect(screen.getByText('No measures are tracked for this priority yet.')).toBeTruthy();
    expect(screen.getByText('You can view these measures but not change them.')).toBeTruthy();

    const ehcp = card(EHCP);
    expect(ehcp.getByText('Off trajectory')).toBeTruthy();
    expect(
      ehcp.getByText('Baseline 45% on 1 Jan 2026 → target 60% by 30 Jun 2030 (higher is better)'),
    ).toBeTruthy();
    // 45% rising to 60% over 1,641 days: 151 days in, the line stands at 46.38%.
    expect(ehcp.getByText('41% on 1 Jun 2026 (expected 46.38%)')).toBeTruthy();
    const chart = ehcp.getByRole('img', {
      name: 'Reading 41% on 1 Jun 2026 against an expected 46.38%: off trajectory',
    });
    expect(within(chart).getByText('Jan 2026')).toBeTruthy();
    expect(card(WAIT).getByText('Target met')).toBeTruthy();
    expect(
      card(WAIT).getByRole('img', {
        name: 'Reading 18 weeks on 1 May 2026 against a target of 20 weeks by 30 Jun 2030: target met',
      }),
    ).toBeTruthy();
    expect(card(LISTENED).getByText('No target set')).toBeTruthy();
    expect(card(LISTENED).getByText('No readings yet and no target set.')).toBeTruthy();

    const disclosure = ehcp.getByRole('button', { name: 'Show the readings as a table' });
    expect(disclosure.getAttribute('aria-expanded')).toBe('false');
    await user.click(disclosure);
    expect(disclosure.getAttribute('aria-expanded')).toBe('true');
    const rows = within(ehcp.getByRole('table', { name: `Readings of ${EHCP}` })).getAllByRole('row');
    expect(rows.map((row) => row.textContent)).toEqual([
      'DateReadingExpected on the trajectoryNote',
      '1 Mar 202650%45.54%Backlog cleared',
      '1 Jun 202641%46.38%',
    ]);

    expect(screen.queryByRole('button', { name: /^(Add a|Edit)/ })).toBeNull();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(await axeViolations()).toEqual([]);
  });

  it('a member adds a reading through the form and sees it in the table and the chart', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t, 'Member adds a reading');
    renderInTab(t, member, <MeasuresPage planId={plan.id} />);

    await user.click(await screen.findByRole('button', { name: `Add a reading: ${EHCP}` }));
    const form = within(screen.getByRole('form', { name: `Add a reading: ${EHCP}` }));
    const date = form.getByLabelText(/^Date of the reading/);
    await user.clear(date);
    await user.type(date, '2026-09-01');
    await user.type(form.getByRole('textbox', { name: /^Value \(%\)/ }), '55.5');
    await user.type(form.getByRole('textbox', { name: /^Note/ }), 'Two caseworkers joined');
    expect(await axeViolations()).toEqual([]);
    await user.click(form.getByRole('button', { name: 'Add reading' }));

    await waitFor(() => expect(screen.queryByRole('form')).toBeNull());
    const ehcp = card(EHCP);
    await waitFor(() => expect(ehcp.getByText('On trajectory')).toBeTruthy());
    expect(
      ehcp.getByRole('img', {
        name: 'Reading 55.5% on 1 Sep 2026 against an expected 47.22%: on trajectory',
      }),
    ).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      `Added the reading of 55.5% on 1 Sep 2026 to ${EHCP}`,
    );
    await user.click(ehcp.getByRole('button', { name: 'Show the readings as a table' }));
    const rows = within(ehcp.getByRole('table', { name: `Readings of ${EHCP}` })).getAllByRole('row');
    expect(rows.at(-1)?.textContent).toBe('1 Sep 202655.5%47.22%Two caseworkers joinedEdit');
    expect(await storedReadings(plan.id)).toEqual([
      '2026-03-01 50',
      '2026-05-01 18',
      '2026-06-01 41',
      '2026-09-01 55.5',
    ]);
  });

  it('keeps the form filled with a clear message on a bad value, and saves nothing', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t, 'Bad value');
    renderInTab(t, member, <MeasuresPage planId={plan.id} />);

    await user.click(await screen.findByRole('button', { name: `Add a reading: ${EHCP}` }));
    const form = within(screen.getByRole('form', { name: `Add a reading: ${EHCP}` }));
    const date = form.getByLabelText(/^Date of the reading/);
    await user.clear(date);
    await user.type(date, '2026-06-01');
    const value = form.getByRole('textbox', { name: /^Value/ });
    await user.type(value, 'about half');
    await user.type(form.getByRole('textbox', { name: /^Note/ }), 'From the monthly return');
    await user.click(form.getByRole('button', { name: 'Add reading' }));

    await waitFor(() => expect(document.activeElement).toBe(value));
    expect(value.getAttribute('aria-invalid')).toBe('true');
    expect(fieldMessage(value)).toBe('Enter the value as a number, such as 42 or 87.5 Without the % sign');
    expect(form.getByText('Not saved')).toBeTruthy();
    expect(value).toHaveProperty('value', 'about half');
    expect(form.getByRole('textbox', { name: /^Note/ })).toHaveProperty('value', 'From the monthly return');
    expect(await storedReadings(plan.id)).toEqual(['2026-03-01 50', '2026-05-01 18', '2026-06-01 41']);

    // A number on a day that already has a reading: the date is named, still nothing saved.
    await user.clear(value);
    await user.type(value, '44');
    await user.click(form.getByRole('button', { name: 'Add reading' }));
    await waitFor(() =>
      expect(fieldMessage(date)).toBe('There is already a reading for 1 Jun 2026: change that one instead'),
    );
    expect(value).toHaveProperty('value', '44');
    expect(await storedReadings(plan.id)).toEqual(['2026-03-01 50', '2026-05-01 18', '2026-06-01 41']);
    expect(await axeViolations()).toEqual([]);
  });

  it('a member corrects a reading from the table', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t, 'Member corrects a reading');
    renderInTab(t, member, <MeasuresPage planId={plan.id} />);

    const ehcp = within(await screen.findByRole('article', { name: EHCP }));
    await user.click(ehcp.getByRole('button', { name: 'Show the readings as a table' }));
    await user.click(ehcp.getByRole('button', { name: 'Edit the reading of 1 Jun 2026' }));
    const form = within(screen.getByRole('form', { name: 'Edit the reading of 1 Jun 2026' }));
    const value = form.getByRole('textbox', { name: /^Value/ });
    expect(value).toHaveProperty('value', '41');
    await user.clear(value);
    await user.type(value, '47');
    await user.click(form.getByRole('button', { name: 'Save reading' }));

    await waitFor(() => expect(card(EHCP).getByText('On trajectory')).toBeTruthy());
    expect(screen.queryByRole('form')).toBeNull();
    expect(await storedReadings(plan.id)).toEqual(['2026-03-01 50', '2026-05-01 18', '2026-06-01 47']);
  });

  it('a member adds a measure across the plan', async () => {
    const user = userEvent.setup();
    const { plan } = await aPlanIn(t, 'Member adds a measure');
    renderInTab(t, member, <MeasuresPage planId={plan.id} />);

    await user.click(await screen.findByRole('button', { name: 'Add a measure' }));
    const form = within(screen.getByRole('form', { name: 'Add a measure' }));
    await user.type(
      form.getByRole('textbox', { name: /^Measure/ }),
      'Annual health checks within 20 working days',
    );
    await user.type(form.getByRole('textbox', { name: /^Target/ }), '75');
    await user.type(form.getByLabelText(/^Target date/), '2030-12-31');
    await user.click(form.getByRole('button', { name: 'Add measure' }));

    const added = await screen.findByRole('article', { name: 'Annual health checks within 20 working days' });
    expect(within(added).getByText('No readings yet')).toBeTruthy();
    expect(within(added).getByText('No readings yet against a target of 75% by 31 Dec 2030.')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe(
      'Added the measure Annual health checks within 20 working days',
    );
  });
});
