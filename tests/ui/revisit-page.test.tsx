import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { Route, Routes, useLocation, useParams } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeAction,
  makeFocusArea,
  makeMeasure,
  makeMeasureReading,
  makePlan,
  makePriority,
  makeWeakness,
} from '../../src/domain';
import { RevisitPage } from '../../src/features/revisit/RevisitPage';
import { provisionSite } from '../../src/graph/provision';
import { loadRevisit } from '../../src/plan/revisit';
import { paths, routes } from '../../src/ui/paths';
import { startTestGraph, type TestGraph } from '../integration/support/local-graph';
import { personFor, renderInTab, type Viewer } from './support/render-in-tab';

/**
 * A plan of the test's own, written as the programme officer:
 *   area 1 "No joint commissioning strategy" <- Priority 1: 1.1.1 completed
 *   area 2 "Weak EHC plans"                  <- Priority 2: 2.1.1 amber (evidence), 2.1.2 completed
 * Priority 2 tracks "EHC plans issued within 20 weeks": 52% against 80%.
 */
async function aPlanIn(t: TestGraph, title: string) {
  const officer = t.storeAs('officer');
  const strip = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
  const plan = await officer.plans.create(
    strip(makePlan({ id: 'n', title, localArea: 'Testshire', inspectionDate: '2024-11-23' })),
  );
  const planId = plan.id;
  await officer.weaknesses.createMany(
    ['No joint commissioning strategy', 'Weak EHC plans'].map((finding, i) =>
      strip(makeWeakness({ id: 'n', planId, number: i + 1, finding })),
    ),
  );
  const [p1, p2] = await officer.priorities.createMany(
    [
      [1, 'Joint commissioning'],
      [2, 'EHC plans'],
    ].map(([number, priorityTitle]) =>
      strip(
        makePriority({
          id: 'n',
          planId,
          number: number as number,
          title: priorityTitle as string,
          weaknessNumbers: [number as number],
        }),
      ),
    ),
  );
  if (!p1 || !p2) throw new Error('Expected two priorities');
  const [f11, f21] = await officer.focusAreas.createMany([
    strip(makeFocusArea({ id: 'n', planId, priorityId: p1.id, reference: '1.1', title: 'Strategy' })),
    strip(makeFocusArea({ id: 'n', planId, priorityId: p2.id, reference: '2.1', title: 'Quality' })),
  ]);
  if (!f11 || !f21) throw new Error('Expected two focus areas');
  await officer.actions.createMany([
    strip(
      makeAction({
        id: 'n',
        planId,
        priorityId: p1.id,
        focusAreaId: f11.id,
        reference: '1.1.1',
        text: 'Agree the joint commissioning strategy',
        status: 'blue',
      }),
    ),
    strip(
      makeAction({
        id: 'n',
        planId,
        priorityId: p2.id,
        focusAreaId: f21.id,
        reference: '2.1.1',
        text: 'Audit EHC plans monthly',
        status: 'amber',
        leadAsWritten: 'Head of SEND',
        impactRating: 'amber',
        sustainedRating: 'red',
        evidenceLinks: [{ title: 'Audit report, March', url: 'https://example.org/audit' }],
      }),
    ),
    strip(
      makeAction({
        id: 'n',
        planId,
        priorityId: p2.id,
        focusAreaId: f21.id,
        reference: '2.1.2',
        text: 'Publish the QA framework',
        status: 'blue',
      }),
    ),
  ]);
  const [measure] = await officer.measures.createMany([
    strip(
      makeMeasure({
        id: 'n',
        planId,
        priorityId: p2.id,
        title: 'EHC plans issued within 20 weeks',
        target: 80,
        targetDate: '2027-03-31',
      }),
    ),
  ]);
  if (!measure) throw new Error('Expected a measure');
  await officer.measureReadings.createMany([
    strip(makeMeasureReading({ id: 'n', planId, measureId: measure.id, date: '2025-06-30', value: 52 })),
  ]);
  return plan;
}

function renderRevisit(t: TestGraph, who: Viewer, planId: string) {
  return renderInTab(
    t,
    who,
    <>
      <AddressBar />
      <Routes>
        <Route path={routes.revisit} element={<RevisitRoute />} />
        <Route path="*" element={<p>Somewhere else in the tab</p>} />
      </Routes>
    </>,
    paths.revisit(planId),
  );
}

function RevisitRoute() {
  const { planId = '' } = useParams();
  return <RevisitPage planId={planId} />;
}

function AddressBar() {
  const location = useLocation();
  return <output aria-label="Address">{`${location.pathname}${location.search}`}</output>;
}

const area = (n: number) => within(screen.getByRole('region', { name: `Area of weakness ${n}` }));

/** axe in jsdom: no layout, so no colour contrast (the e2e suite checks that in Chromium). */
async function axeViolations(): Promise<string[]> {
  const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe('the revisit readiness page', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite(t.storeAs('officer').ctx);
  });
  afterAll(() => t.close());

  it('a member records an outcome, starts the accelerated progress plan and gets a link to it', async () => {
    const user = userEvent.setup();
    const plan = await aPlanIn(t, 'Testshire WSoA');
    const hannah: Viewer = { alias: 'lead', role: 'member', person: await personFor(t, 'lead') };
    renderRevisit(t, hannah, plan.id);

    await screen.findByRole('heading', { level: 1, name: 'Revisit readiness' });
    expect(area(2).getByText('“Weak EHC plans”').tagName).toBe('BLOCKQUOTE');
    expect(
      within(screen.getByRole('list', { name: 'Areas of weakness by outcome' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Not judged yet: 2', 'Sufficient progress made: 0', 'Sufficient progress not made: 0']);
    // Nothing judged not made yet: no accelerated progress plan to start.
    expect(screen.queryByRole('form', { name: 'Start an accelerated progress plan' })).toBeNull();

    const actions = within(area(2).getByRole('list', { name: 'Actions answering area of weakness 2' }));
    const first = actions.getAllByRole('listitem')[0];
    if (!first) throw new Error('Expected the actions of area 2');
    expect(within(first).getByRole('link', { name: 'Open action 2.1.1' })).toBeTruthy();
    expect(within(first).getByText('Lead: Head of SEND')).toBeTruthy();
    expect(within(first).getByText('Progress: Minor delays')).toBeTruthy();
    expect(within(first).getByText('Impact: Some impact')).toBeTruthy();
    expect(within(first).getByText('Sustained: Not sustained')).toBeTruthy();
    expect(
      area(2).getByRole('img', { name: 'Priority 2: 2 actions by rating: ' + ratingSummary(1, 1) }),
    ).toBeTruthy();
    expect(area(2).getByText('Latest 52% on 30 Jun 2025 · Target 80% by 31 Mar 2027')).toBeTruthy();
    expect(area(2).getByRole('link', { name: 'Audit report, March' }).getAttribute('href')).toBe(
      'https://example.org/audit',
    );

    await user.selectOptions(
      area(2).getByRole('combobox', { name: 'Outcome of area 2' }),
      'Sufficient progress not made',
    );
    await user.click(area(2).getByRole('button', { name: 'Save outcome' }));
    await area(2).findByText('Outcome saved: Sufficient progress not made.');
    const stored = await loadRevisit(t.storeAs('officer'), plan.id);
    expect(stored.weaknesses.map((w) => w.outcome)).toEqual(['open', 'sufficient progress not made']);

    const form = within(await screen.findByRole('form', { name: 'Start an accelerated progress plan' }));
    const title = form.getByRole('textbox', { name: /^Title of the new plan/ });
    expect(title).toHaveProperty('value', 'Testshire Accelerated Progress Plan');
    const date = form.getByRole('textbox', { name: /^Revisit date/ });
    // A refused start keeps what was typed and names the field.
    await user.type(date, '31/02/2025');
    await user.click(form.getByRole('button', { name: 'Start an accelerated progress plan' }));
    await waitFor(() => expect(document.activeElement).toBe(date));
    expect(form.getByText('"31/02/2025" is not a real date')).toBeTruthy();
    expect(title).toHaveProperty('value', 'Testshire Accelerated Progress Plan');

    await user.clear(date);
    await user.type(date, '14 Nov 2025');
    await user.click(form.getByRole('button', { name: 'Start an accelerated progress plan' }));

    const open = await screen.findByRole('link', { name: 'Open “Testshire Accelerated Progress Plan”' });
    const app = (await t.storeAs('officer').plans.query({}, [])).find(
      (p) => p.title === 'Testshire Accelerated Progress Plan',
    );
    if (!app) throw new Error('The new plan is not on the site');
    expect(app).toMatchObject({ planType: 'Accelerated progress plan', inspectionDate: '2025-11-14' });
    const carried = await loadRevisit(t.storeAs('officer'), app.id);
    expect(carried.weaknesses.map((w) => [w.number, w.finding])).toEqual([[1, 'Weak EHC plans']]);
    expect(carried.actions.map((a) => a.reference)).toEqual(['2.1.1']);
    expect(await axeViolations()).toEqual([]);

    await user.click(open);
    expect(screen.getByRole('status', { name: 'Address' }).textContent).toBe(paths.overview(app.id));
  });

  it('an outcome someone else recorded meanwhile is shown, and the member’s choice re-applied on top of it', async () => {
    const user = userEvent.setup();
    const plan = await aPlanIn(t, 'Recorded twice');
    const hannah: Viewer = { alias: 'lead', role: 'member', person: await personFor(t, 'lead') };
    renderRevisit(t, hannah, plan.id);
    const outcome = await screen.findByRole('combobox', { name: 'Outcome of area 1' });

    const officer = t.storeAs('officer');
    const [area1] = (await loadRevisit(officer, plan.id)).weaknesses;
    if (!area1) throw new Error('Expected area 1');
    await officer.weaknesses.update(area1, { outcome: 'sufficient progress made' });

    await user.selectOptions(outcome, 'Sufficient progress not made');
    await user.click(area(1).getByRole('button', { name: 'Save outcome' }));
    const conflict = within(
      await screen.findByRole('region', {
        name: 'Someone else changed area of weakness 1 since you opened it',
      }),
    );
    expect(conflict.getByText('Its outcome is now: Sufficient progress made.')).toBeTruthy();
    expect(outcome).toHaveProperty('value', 'sufficient progress not made');

    await user.click(conflict.getByRole('button', { name: 'Re-apply my changes' }));
    await area(1).findByText('Outcome saved: Sufficient progress not made.');
    expect((await officer.weaknesses.get(area1.id)).outcome).toBe('sufficient progress not made');
  });

  it('a visitor sees the outcomes and what answers each area, and no controls', async () => {
    const plan = await aPlanIn(t, 'Visitor’s view');
    await loadRevisit(t.storeAs('officer'), plan.id).then(async (data) => {
      const [, weak] = data.weaknesses;
      if (!weak) throw new Error('Expected area 2');
      await t.storeAs('officer').weaknesses.update(weak, { outcome: 'sufficient progress not made' });
    });
    const margaret: Viewer = { alias: 'chair', role: 'visitor', person: await personFor(t, 'chair') };
    renderRevisit(t, margaret, plan.id);

    await screen.findByRole('heading', { level: 1, name: 'Revisit readiness' });
    expect(area(2).getByText('Sufficient progress not made')).toBeTruthy();
    expect(area(1).getByText('Not judged yet')).toBeTruthy();
    expect(area(2).getByRole('link', { name: 'Open action 2.1.1' })).toBeTruthy();
    expect(screen.queryAllByRole('combobox')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('textbox')).toEqual([]);
    expect(screen.queryByRole('form')).toBeNull();
    expect(await axeViolations()).toEqual([]);
  });
});

/** The rating bar's words on BRAG(P) for `amber` actions at Minor delays and `blue` at Completed. */
function ratingSummary(amber: number, blue: number): string {
  return `Yet to start: 0, Little or no progress: 0, Minor delays: ${amber}, Good progress: 0, Completed: ${blue}`;
}
