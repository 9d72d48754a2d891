import { describe, expect, it } from 'vitest';
import { actionSchema, makeAction, makeRisk, riskScoreOf, validate } from '../../../src/domain';

const valid = {
  id: '1',
  planId: 'p',
  priorityId: 'ip1',
  reference: '1.1.1',
  text: 'Co-produce a governance structure',
  status: 'green',
};

describe('validation schemas', () => {
  it('fills safe defaults for what a new action leaves out', () => {
    const action = makeAction({ id: '1', planId: 'p', priorityId: 'ip1', reference: '1.1', text: 'Do it' });
    expect(action).toMatchObject({
      status: 'purple',
      lead: null,
      evidenceLinks: [],
      dueDatePrecision: 'day',
      focusAreaId: null,
    });
  });

  it.each([
    [{ reference: '1.x' }, 'reference', 'numbers separated by dots'],
    [{ text: '   ' }, 'text', 'Action is required'],
    [{ dueDate: '2026-02-30' }, 'dueDate', 'real date'],
    [{ evidenceLinks: [{ title: 'Minutes', url: 'javascript:alert(1)' }] }, 'evidenceLinks.0.url', 'http'],
    [{ lead: { entraId: 'x', upn: 'not-an-upn', displayName: 'A' } }, 'lead.upn', 'name@organisation'],
    [{ impactRating: 'blue' }, 'impactRating', ''],
  ])('rejects %j on the field %s with a specific message', (change, field, message) => {
    const result = validate(actionSchema, { ...valid, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.field === field);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.message).toContain(message);
  });

  it('scores risks as consequence x likelihood and keeps scores within 1 to 5', () => {
    expect(
      riskScoreOf(makeRisk({ id: 'r', planId: 'p', title: 'Capacity', consequence: 4, likelihood: 3 })),
    ).toBe(12);
    expect(() =>
      makeRisk({ id: 'r', planId: 'p', title: 'Capacity', consequence: 6, likelihood: 3 }),
    ).toThrow(/scored 1 to 5/);
  });
});
