import { describe, expect, it } from 'vitest';
import {
  readAreaHeadings,
  readFocusHeading,
  readReferenceCell,
  type AreaHeading,
} from '../../../src/domain/import';

describe('an area cell', () => {
  it.each<[string, AreaHeading[]]>([
    [
      '1. Joint commissioning arrangements have been reviewed',
      [{ number: 1, title: 'Joint commissioning arrangements have been reviewed' }],
    ],
    ['AREA 2 – Quality of EHC plans', [{ number: 2, title: 'Quality of EHC plans' }]],
    ['Priority 3: Preparing for adulthood', [{ number: 3, title: 'Preparing for adulthood' }]],
    ['IP4 Inclusion', [{ number: 4, title: 'Inclusion' }]],
    ['Area of significant weakness 1 - Joint commissioning', [{ number: 1, title: 'Joint commissioning' }]],
    ['Priority 5', [{ number: 5, title: 'Priority 5' }]],
    ['12) Local Offer', [{ number: 12, title: 'Local Offer' }]],
    [
      'Absence of a Joint Commissioning Strategy',
      [{ number: null, title: 'Absence of a Joint Commissioning Strategy' }],
    ],
    [
      'The absence of clearly defined joint commissioning strategy for 0 to 25 SEND provision.',
      [
        {
          number: null,
          title: 'The absence of clearly defined joint commissioning strategy for 0 to 25 SEND provision.',
        },
      ],
    ],
    [
      '1.2 Joint Strategic Needs Assessment',
      [{ number: null, title: '1.2 Joint Strategic Needs Assessment' }],
    ],
  ])('%j', (text, headings) => {
    expect(readAreaHeadings(text)).toEqual(headings);
  });

  it('with two numbered areas run together gives both, in order', () => {
    expect(
      readAreaHeadings(
        '7. The diagnostic pathway for ASD re-established in the North. 8. Achieving success is one of four priorities in the Partnership Strategy.',
      ),
    ).toEqual([
      { number: 7, title: 'The diagnostic pathway for ASD re-established in the North.' },
      { number: 8, title: 'Achieving success is one of four priorities in the Partnership Strategy.' },
    ]);
    expect(readAreaHeadings('Priority 1 Joint commissioning\nPriority 2 Quality of EHC plans')).toEqual([
      { number: 1, title: 'Joint commissioning' },
      { number: 2, title: 'Quality of EHC plans' },
    ]);
  });

  it('does not split on a number that does not follow on, or one inside a sentence', () => {
    expect(readAreaHeadings('1. Plans issued within 20 weeks. 3. Something else')).toHaveLength(1);
    expect(readAreaHeadings('2. Services for 0 to 25 year olds 3. in total')).toHaveLength(1);
  });
});

describe('a focus area cell', () => {
  it.each([
    ['1.2 Joint Strategic Needs Assessment', { reference: '1.2', title: 'Joint Strategic Needs Assessment' }],
    ['1.2. JSNA', { reference: '1.2', title: 'JSNA' }],
    ['1.10', { reference: '1.10', title: '' }],
    ['Focus area 2.3: SEND Quality Assurance', { reference: '2.3', title: 'SEND Quality Assurance' }],
    ['Workstream 3 – Sufficiency', { reference: '3', title: 'Sufficiency' }],
    ['Neurodevelopmental pathway', { title: 'Neurodevelopmental pathway' }],
  ])('%j', (text, heading) => {
    expect(readFocusHeading(text)).toEqual(heading);
  });
});

describe('a reference cell', () => {
  it.each([
    ['1.1.1', '1.1.1'],
    ['5.', '5'],
    [' 2.4.3. ', '2.4.3'],
    ['Ref 1.2', '1.2'],
    ['No. 7', '7'],
    ['1.10.1', '1.10.1'],
    ['', null],
  ])('%j -> %j', (cell, reference) => {
    expect(readReferenceCell(cell)).toEqual({ ok: true, reference });
  });

  it.each(['1.2a', 'IP1', 'A', '1..2', 'see above', '1.1.1\n1.1.2'])('%j is not a reference', (cell) => {
    expect(readReferenceCell(cell)).toEqual({
      ok: false,
      message: expect.stringMatching(/is not a reference: use numbers separated by dots/),
    });
  });
});
