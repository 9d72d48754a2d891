import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePlan, makePriority, makeRisk, type Risk } from '../../../src/domain';
import { itemsPath } from '../../../src/graph/context';
import { ConflictError, ReadOnlyError, ValidationError } from '../../../src/graph/errors';
import { fieldEq } from '../../../src/graph/odata';
import { provisionSite } from '../../../src/graph/provision';
import { createPlanStore } from '../../../src/graph/store';
import {
  addRisk,
  closeRisk,
  editRisk,
  loadRisks,
  reopenRisk,
  riskMutation,
  risksKey,
} from '../../../src/plan/risks';
import { startTestGraph, type TestGraph } from '../support/local-graph';

describe('the joint risk register over Graph', () => {
  let t: TestGraph;
  beforeAll(async () => {
    t = await startTestGraph();
    await provisionSite(t.storeAs('officer').ctx);
  });
  afterAll(() => t.close());

  /** A plan with priorities 1 and 2 (and 3, archived), and a risk to each, written as the officer. */
  async function aRegister(title: string) {
    const officer = t.storeAs('officer');
    const { id: _p, ...planDraft } = makePlan({ id: 'n', title, localArea: 'Testshire' });
    const plan = await officer.plans.create(planDraft);
    const planId = plan.id;
    const [p2, p1, p3] = await officer.priorities.createMany(
      [
        [2, 'EHC plans', false],
        [1, 'Joint commissioning', false],
        [3, 'Preparing for adulthood', true],
      ].map(([number, priorityTitle, archived]) => {
        const { id: _q, ...draft } = makePriority({
          id: 'n',
          planId,
          number: number as number,
          title: priorityTitle as string,
          archived: archived as boolean,
        });
        return draft;
      }),
    );
    if (!p1 || !p2 || !p3) throw new Error('Expected three priorities');
    const draft = (r: Partial<Risk> & Pick<Risk, 'title' | 'consequence' | 'likelihood'>) => {
      const { id: _r, ...rest } = makeRisk({ id: 'n', planId, ...r });
      return rest;
    };
    const risks = await officer.risks.createMany([
      draft({ title: 'Health capacity', consequence: 3, likelihood: 3, priorityId: p2.id }),
      draft({ title: 'Workforce shortages', consequence: 4, likelihood: 4, priorityId: p1.id }),
      draft({ title: 'Funding settlement', consequence: 4, likelihood: 3, trend: 'rising' }),
      draft({ title: 'Transition gap', consequence: 5, likelihood: 5, priorityId: p3.id }),
      draft({ title: 'Old risk', consequence: 2, likelihood: 2, status: 'closed' }),
    ]);
    return { plan, p1, p2, p3, risks };
  }

  const titles = (risks: readonly Risk[]) => risks.map((r) => r.title);
  const storedRisks = (planId: string) =>
    t.storeAs('officer').risks.query({ filter: fieldEq('PlanId', planId) }, []);

  it('reads the plan, its priorities in use and its risks in risk order, in one request', async () => {
    const { plan, p1, p2 } = await aRegister('read');
    let requests = 0;
    const store = createPlanStore({
      client: t.clientAs('chair', { onHttpRequest: () => requests++ }),
      siteId: 'root',
    });
    const data = await loadRisks(store, plan.id);

    expect(requests).toBe(1);
    expect(data.plan.title).toBe('read');
    expect(data.priorities.map((p) => p.id)).toEqual([p1.id, p2.id]);
    // The risk of the archived priority is left out with it.
    expect(titles(data.risks)).toEqual([
      'Workforce shortages',
      'Funding settlement',
      'Health capacity',
      'Old risk',
    ]);
    expect(data.problems).toEqual([]);
  });

  it('names a risk whose priority is not in the plan, and a risk that does not fit, and reads the rest', async () => {
    const { plan, risks } = await aRegister('edited outside');
    const officer = t.storeAs('officer');
    const [health, workforce] = risks;
    if (!health || !workforce) throw new Error('Expected risks');
    const patch = (id: string, fields: Record<string, unknown>) =>
      officer.ctx.client.call(
        { method: 'PATCH', path: `${itemsPath(officer.ctx, 'risks')}/${id}/fields`, body: fields },
        'Editing outside the app',
      );
    await patch(health.id, { PriorityId: '999999' });
    await patch(workforce.id, { Likelihood: 7 });

    const data = await loadRisks(officer, plan.id);
    expect(titles(data.risks)).toEqual(['Funding settlement', 'Old risk']);
    expect(data.problems.map((p) => [p.itemId, p.columns, p.message])).toEqual(
      expect.arrayContaining([
        [health.id, ['PriorityId'], expect.stringContaining('item 999999 of WSoA Priorities')],
        [workforce.id, ['Likelihood'], expect.stringContaining('Likelihood is scored 1 to 5')],
      ]),
    );
    expect(data.problems).toHaveLength(2);
  });

  it('adds an open risk as a member, with the score as typed', async () => {
    const { plan, p2 } = await aRegister('add');
    const store = t.storeAs('lead');
    const data = await loadRisks(store, plan.id);
    const added = await addRisk(store, data, {
      title: '  Too few educational psychologists ',
      consequence: '4',
      likelihood: ' 3',
      mitigation: 'Recruit two locums',
      owner: 'Principal EP',
      trend: 'rising',
      priorityId: p2.id,
    });

    const after = await loadRisks(store, plan.id);
    const stored = after.risks.find((r) => r.id === added.id);
    expect(stored).toMatchObject({
      title: 'Too few educational psychologists',
      consequence: 4,
      likelihood: 3,
      mitigation: 'Recruit two locums',
      owner: 'Principal EP',
      trend: 'rising',
      status: 'open',
      priorityId: p2.id,
      planId: plan.id,
    });
    // Score 12 and rising: ahead of the steady 12 of the same score.
    expect(titles(after.risks).slice(0, 3)).toEqual([
      'Workforce shortages',
      'Funding settlement',
      'Too few educational psychologists',
    ]);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const { plan, p3 } = await aRegister('bad input');
    const store = t.storeAs('lead');
    const data = await loadRisks(store, plan.id);
    const before = await storedRisks(plan.id);

    const refused = await addRisk(store, data, { title: '', consequence: '6', likelihood: 'often' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).issues).toEqual([
      { field: 'title', message: 'Risk is required' },
      { field: 'consequence', message: 'Consequence is scored 1 to 5' },
      { field: 'likelihood', message: 'Likelihood is scored 1 to 5' },
    ]);
    expect((refused as ValidationError).message).toMatch(/^The risk was not added: /);

    await expect(
      addRisk(store, data, {
        title: 'On an archived priority',
        consequence: 2,
        likelihood: 2,
        priorityId: p3.id,
      }),
    ).rejects.toThrow('priorityId: Choose one of the plan’s priorities, or none for the whole plan');

    const [first] = data.risks;
    if (!first) throw new Error('Expected a risk');
    await expect(
      editRisk(store, data, first.id, { title: first.title, consequence: 0, likelihood: 1 }),
    ).rejects.toThrow('The risk was not saved: consequence: Consequence is scored 1 to 5');
    expect(await storedRisks(plan.id)).toEqual(before);
  });

  it('edits a risk with If-Match, and refuses a stale edit as a conflict that changes nothing', async () => {
    const { plan } = await aRegister('edit');
    const lead = t.storeAs('lead');
    const seen = await loadRisks(lead, plan.id);
    const risk = seen.risks.find((r) => r.title === 'Funding settlement');
    if (!risk) throw new Error('Expected the funding risk');
    const input = { ...risk, consequence: risk.consequence, likelihood: 2, mitigation: 'Lobby the DfE' };

    const saved = await editRisk(lead, seen, risk.id, input);
    expect(saved.etag).not.toBe(risk.etag);
    expect(await lead.risks.get(risk.id)).toMatchObject({ likelihood: 2, mitigation: 'Lobby the DfE' });

    // The same register, read before that save: its eTag is stale.
    await expect(
      editRisk(t.storeAs('officer'), seen, risk.id, { ...input, owner: 'Stale' }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect((await lead.risks.get(risk.id)).owner).toBe('');
  });

  it('closes and reopens a risk, which leaves and rejoins the open register', async () => {
    const { plan } = await aRegister('close');
    const lead = t.storeAs('lead');
    const data = await loadRisks(lead, plan.id);
    const risk = data.risks.find((r) => r.title === 'Workforce shortages');
    if (!risk) throw new Error('Expected the workforce risk');

    await closeRisk(lead, data, risk.id);
    const closed = await loadRisks(lead, plan.id);
    expect(closed.risks.find((r) => r.id === risk.id)?.status).toBe('closed');

    await reopenRisk(lead, closed, risk.id);
    expect((await lead.risks.get(risk.id)).status).toBe('open');
  });

  it("refuses a visitor's add, edit and close as read-only, and writes nothing", async () => {
    const { plan } = await aRegister('visitor');
    const chair = t.storeAs('chair');
    const data = await loadRisks(chair, plan.id);
    const before = await storedRisks(plan.id);
    const [first] = data.risks;
    if (!first) throw new Error('Expected a risk');

    await expect(
      addRisk(chair, data, { title: 'Chair risk', consequence: 1, likelihood: 1 }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(editRisk(chair, data, first.id, { ...first, owner: 'Chair' })).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    await expect(closeRisk(chair, data, first.id)).rejects.toBeInstanceOf(ReadOnlyError);
    expect(await storedRisks(plan.id)).toEqual(before);
  });

  it('through the mutation, answers a conflict with the register as it is now', async () => {
    const { plan } = await aRegister('mutation');
    const lead = t.storeAs('lead');
    const seen = await loadRisks(lead, plan.id);
    const risk = seen.risks.find((r) => r.title === 'Health capacity');
    if (!risk) throw new Error('Expected the health risk');
    await closeRisk(t.storeAs('officer'), seen, risk.id);

    const queryClient = new QueryClient();
    const mutation = riskMutation(lead, queryClient, plan.id);
    const outcome = await mutation.mutationFn({
      do: 'edit',
      data: seen,
      id: risk.id,
      input: { ...risk, owner: 'Me' },
    });
    if (outcome.kind !== 'conflict') throw new Error('Expected a conflict');
    mutation.onSuccess(outcome);

    expect(outcome.latest.risks.find((r) => r.id === risk.id)).toMatchObject({ status: 'closed', owner: '' });
    expect(queryClient.getQueryData(risksKey(plan.id))).toBe(outcome.latest);
  });
});
