import { describe, expect, it } from 'vitest';
import { makePlan } from '../../../src/domain';
import { UsageError } from '../../../src/jobs/cli';
import { parseNow } from '../../../src/jobs/reminders/now';
import { resolvePlan } from '../../../src/jobs/plan-flag';

describe('--now', () => {
  it.each([
    ['a London wall time in winter', '2026-12-01T08:00', '2026-12-01T08:00:00.000Z'],
    ['a London wall time in summer', '2026-07-01T08:00', '2026-07-01T07:00:00.000Z'],
    ['with seconds, and a space', '2026-07-01 08:00:30', '2026-07-01T07:00:30.000Z'],
    ['a date alone is 08:00 London', '2026-07-01', '2026-07-01T07:00:00.000Z'],
    ['an instant in UTC', '2026-07-01T08:00Z', '2026-07-01T08:00:00.000Z'],
    ['an instant with an offset', '2026-07-01T08:00:00+02:00', '2026-07-01T06:00:00.000Z'],
  ])('%s: %s', (_, value, iso) => {
    expect(parseNow(value).toISOString()).toBe(iso);
  });

  it.each(['tomorrow', '2026-02-30T08:00', '2026-12-01T24:00', '2026-12-01T08:60', '01/12/2026'])(
    'refuses %s',
    (value) => {
      expect(() => parseNow(value)).toThrow(UsageError);
      expect(() => parseNow(value)).toThrow(`--now "${value}" is not a date and time`);
    },
  );

  it('is the current time without the flag', () => {
    const now = new Date('2026-11-23T10:00:00Z');
    expect(parseNow(undefined, () => now)).toBe(now);
  });
});

describe('--plan', () => {
  const plans = [
    makePlan({ id: '1', title: 'Leicestershire WSoA', localArea: 'Leicestershire' }),
    makePlan({ id: '2', title: 'Accelerated Progress Plan', localArea: 'Leicestershire' }),
  ];
  it('finds a plan by id or by title, ignoring case', () => {
    expect(resolvePlan(plans, '2').title).toBe('Accelerated Progress Plan');
    expect(resolvePlan(plans, 'leicestershire wsoa').id).toBe('1');
  });
  it('may be left out when the site holds one plan', () => {
    expect(resolvePlan(plans.slice(0, 1), undefined).id).toBe('1');
  });
  it.each([
    [
      undefined,
      'This site holds 2 plans: name one with --plan ("Leicestershire WSoA" (id 1), "Accelerated Progress Plan" (id 2))',
    ],
    [
      '3',
      'No plan with the id or title "3" on this site; its plans: "Leicestershire WSoA" (id 1), "Accelerated Progress Plan" (id 2)',
    ],
  ])('%s: says which plans there are', (ref, message) => {
    expect(() => resolvePlan(plans, ref)).toThrow(message);
  });
  it('says when the site has no plan', () => {
    expect(() => resolvePlan([], undefined)).toThrow('This site holds no plan yet');
  });
});
