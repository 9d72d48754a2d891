import { describe, expect, it } from 'vitest';
import { makeRisk, validate, type Risk } from '../../../src/domain';
import { heatMap, riskBand, riskInputSchema, topRisks } from '../../../src/domain/risks';

let next = 0;
function risk(overrides: Partial<Risk> & Pick<Risk, 'title' | 'consequence' | 'likelihood'>): Risk {
  next++;
  return makeRisk({ id: `r${next}`, planId: 'p', ...overrides });
}

describe('riskBand (NPSA 5x5 matrix)', () => {
  it.each([
    [1, 'low'],
    [3, 'low'],
    [4, 'moderate'],
    [6, 'moderate'],
    [8, 'high'],
    [12, 'high'],
    [15, 'extreme'],
    [25, 'extreme'],
  ])('scores %i as %s', (score, band) => {
    expect(riskBand(score)).toBe(band);
  });

  it('gives every cell of the matrix a band that matches its score', () => {
    const bands = [1, 2, 3, 4, 5].flatMap((c) => [1, 2, 3, 4, 5].map((l) => `${c * l}:${riskBand(c * l)}`));
    expect(new Set(bands)).toEqual(
      new Set([
        '1:low',
        '2:low',
        '3:low',
        '4:moderate',
        '5:moderate',
        '6:moderate',
        '8:high',
        '9:high',
        '10:high',
        '12:high',
        '15:extreme',
        '16:extreme',
        '20:extreme',
        '25:extreme',
      ]),
    );
  });
});

describe('topRisks', () => {
  const workforce = risk({ title: 'Workforce', consequence: 4, likelihood: 3 });
  const capacity = risk({ title: 'Capacity', consequence: 3, likelihood: 4, trend: 'falling' });
  const funding = risk({ title: 'Funding', consequence: 3, likelihood: 4, trend: 'rising' });
  const estates = risk({ title: 'Estates', consequence: 5, likelihood: 3, trend: 'falling' });
  const data = risk({ title: 'Data quality', consequence: 2, likelihood: 2 });
  const closed = risk({ title: 'Closed one', consequence: 5, likelihood: 5, status: 'closed' });
  const rising = risk({ title: 'Zebra', consequence: 4, likelihood: 3, trend: 'rising' });

  it('orders open risks by score, then rising before steady before falling, then title', () => {
    const all = [data, capacity, workforce, rising, closed, funding, estates];
    expect(topRisks(all, 10).map((r) => r.title)).toEqual([
      'Estates',
      'Funding',
      'Zebra',
      'Workforce',
      'Capacity',
      'Data quality',
    ]);
  });

  it('breaks a tie of score and trend by title', () => {
    const b = risk({ title: 'Beta', consequence: 2, likelihood: 2 });
    const a = risk({ title: 'alpha', consequence: 2, likelihood: 2 });
    expect(topRisks([b, a], 2).map((r) => r.title)).toEqual(['alpha', 'Beta']);
  });

  it('keeps at most n and leaves closed risks out', () => {
    expect(topRisks([closed, data, workforce], 1)).toEqual([workforce]);
    expect(topRisks([closed], 3)).toEqual([]);
    expect(topRisks([data], 0)).toEqual([]);
  });

  it('does not reorder the list it is given', () => {
    const given = [data, workforce];
    topRisks(given, 2);
    expect(given).toEqual([data, workforce]);
  });
});

describe('heatMap', () => {
  const risks = [
    risk({ title: 'A', consequence: 4, likelihood: 3 }),
    risk({ title: 'B', consequence: 4, likelihood: 3, trend: 'rising' }),
    risk({ title: 'C', consequence: 1, likelihood: 5 }),
    risk({ title: 'D', consequence: 4, likelihood: 3, status: 'closed' }),
    risk({ title: 'E', consequence: 5, likelihood: 5, status: 'closed' }),
  ];
  const map = heatMap(risks);

  it('draws consequence 5 at the top down to 1, likelihood 1 to 5 across', () => {
    expect(map.map((row) => row.consequence)).toEqual([5, 4, 3, 2, 1]);
    for (const row of map) expect(row.cells.map((c) => c.likelihood)).toEqual([1, 2, 3, 4, 5]);
    expect(map[0]?.cells[4]).toMatchObject({ consequence: 5, likelihood: 5, score: 25, band: 'extreme' });
    expect(map[4]?.cells[0]).toMatchObject({ consequence: 1, likelihood: 1, score: 1, band: 'low' });
  });

  it('counts the open risks in each cell, in risk order, leaving closed risks out', () => {
    const cell = map[1]?.cells[2];
    expect(cell).toMatchObject({ consequence: 4, likelihood: 3, score: 12, band: 'high', count: 2 });
    expect(cell?.risks.map((r) => r.title)).toEqual(['B', 'A']);
    expect(map[4]?.cells[4]).toMatchObject({ count: 1, band: 'moderate' });
    expect(map[0]?.cells[4]?.count).toBe(0);
    const total = map.flatMap((row) => row.cells).reduce((sum, c) => sum + c.count, 0);
    expect(total).toBe(3);
  });
});

describe('riskInputSchema', () => {
  const valid = { title: 'Workforce shortages', consequence: '4', likelihood: '3' };

  it('reads scores as typed and fills defaults', () => {
    expect(validate(riskInputSchema, { ...valid, priorityId: '' })).toEqual({
      ok: true,
      value: {
        title: 'Workforce shortages',
        consequence: 4,
        likelihood: 3,
        mitigation: '',
        owner: '',
        trend: 'steady',
        priorityId: null,
      },
    });
  });

  it.each([
    [{ consequence: '6' }, 'consequence', 'Consequence is scored 1 to 5'],
    [{ consequence: '0' }, 'consequence', 'Consequence is scored 1 to 5'],
    [{ consequence: '2.5' }, 'consequence', 'Consequence is scored 1 to 5'],
    [{ consequence: '' }, 'consequence', 'Consequence is scored 1 to 5'],
    [{ likelihood: 'high' }, 'likelihood', 'Likelihood is scored 1 to 5'],
    [{ title: '  ' }, 'title', 'Risk is required'],
    [{ trend: 'up' }, 'trend', 'Trend is rising, steady or falling'],
  ])('refuses %j on %s with "%s"', (change, field, message) => {
    const result = validate(riskInputSchema, { ...valid, ...change });
    expect(result).toEqual({ ok: false, issues: [{ field, message }] });
  });
});
