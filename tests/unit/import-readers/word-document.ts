import type { DocBlock } from './fixtures';
import { LEICS } from './seed-rows';

const HEADINGS = [
  '',
  'Focus area',
  'Action',
  'Reference',
  'Lead',
  'Timescale',
  'Completed',
  'Impact',
  'Sustained',
];
const title = `Priority 1 – ${LEICS.area1}`;
const agreeLater = `To be agreed at the ${LEICS.board}`;

/**
 * Leicestershire's Section 2 as a Word table with a title row merged across it and
 * the area of weakness merged down, split by a page break into a second table that
 * repeats the heading row; then Section 3, an empty layout table and the glossary.
 */
export const LEICESTERSHIRE_DOCUMENT: DocBlock[] = [
  { paragraph: LEICS.title },
  { paragraph: 'Section 2 – WSOA summary' },
  {
    headerRows: 2,
    table: [
      [{ text: title, colSpan: 9 }],
      HEADINGS,
      [{ text: LEICS.area1, rowSpan: 3 }, '1.1', LEICS.focus11, '', '', '', '', '', ''],
      [
        '',
        LEICS.action111,
        '1.1.1',
        { paragraphs: [LEICS.leads.sumner, LEICS.leads.west] },
        'March 2021',
        'B',
        'G',
        'G',
      ],
      [
        '',
        { paragraphs: [LEICS.action112, LEICS.action113] },
        '1.1.2',
        LEICS.leads.common,
        '31/03/2021',
        'G',
        'A',
        '',
      ],
    ],
  },
  { pageBreak: true },
  {
    headerRows: 1,
    table: [
      HEADINGS,
      ['', '1.2', LEICS.focus12, '', '', '', '', '', ''],
      ['', '', LEICS.action121, '1.2.1', { text: agreeLater, colSpan: 2 }, 'A', 'P', ''],
      ['', '', LEICS.action122, '1.2.2', LEICS.leads.davis, 'Dec 2021', 'P', '', ''],
    ],
  },
  { paragraph: 'Section 3 - Local Area monitoring arrangements' },
  {
    table: [[{ text: LEICS.monthly, colSpan: 2 }], [LEICS.kpis, LEICS.kpisHow]],
  },
  { paragraph: 'A layout table with nothing in it, then the glossary' },
  {
    table: [
      ['', ''],
      ['', ''],
    ],
  },
  {
    table: [
      ['Abbreviation', 'Definition'],
      ['AR', 'Annual Review'],
      ['ASD', 'Autism Spectrum Disorder'],
    ],
  },
];

/** What the reader must give for LEICESTERSHIRE_DOCUMENT, cell for cell. */
export const LEICESTERSHIRE_TABLES = [
  {
    name: 'Table 1',
    rows: [
      Array(9).fill(title),
      HEADINGS,
      [LEICS.area1, '1.1', LEICS.focus11, '', '', '', '', '', ''],
      [
        '',
        '',
        LEICS.action111,
        '1.1.1',
        `${LEICS.leads.sumner}\n${LEICS.leads.west}`,
        'March 2021',
        'B',
        'G',
        'G',
      ],
      [
        '',
        '',
        `${LEICS.action112}\n${LEICS.action113}`,
        '1.1.2',
        LEICS.leads.common,
        '31/03/2021',
        'G',
        'A',
        '',
      ],
    ],
  },
  {
    name: 'Table 2',
    rows: [
      HEADINGS,
      ['', '1.2', LEICS.focus12, '', '', '', '', '', ''],
      ['', '', LEICS.action121, '1.2.1', agreeLater, agreeLater, 'A', 'P', ''],
      ['', '', LEICS.action122, '1.2.2', LEICS.leads.davis, 'Dec 2021', 'P', '', ''],
    ],
  },
  {
    name: 'Table 3',
    rows: [
      [LEICS.monthly, LEICS.monthly],
      [LEICS.kpis, LEICS.kpisHow],
    ],
  },
  {
    name: 'Table 5',
    rows: [
      ['Abbreviation', 'Definition'],
      ['AR', 'Annual Review'],
      ['ASD', 'Autism Spectrum Disorder'],
    ],
  },
];
