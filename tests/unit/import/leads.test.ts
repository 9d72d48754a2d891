import { describe, expect, it } from 'vitest';
import { splitLeads } from '../../../src/domain/import';

describe('several leads in one cell', () => {
  it.each<[string, string[]]>([
    ['Jane Moore', ['Jane Moore']],
    ['', []],
    ['Jane Moore\nAlison Bradley', ['Jane Moore', 'Alison Bradley']],
    ['Jane Moore; Alison Bradley', ['Jane Moore', 'Alison Bradley']],
    ['Jane Moore and Alison Bradley', ['Jane Moore', 'Alison Bradley']],
    ['Jane Moore / Alison Bradley', ['Jane Moore', 'Alison Bradley']],
    ['LCC/CCG', ['LCC', 'CCG']],
    [
      'K Rowland (DfE), P Sumner (LCC), T Common (LCC), J Young (CCG), C West (CCG), C Davis (LCC)',
      [
        'K Rowland (DfE)',
        'P Sumner (LCC)',
        'T Common (LCC)',
        'J Young (CCG)',
        'C West (CCG)',
        'C Davis (LCC)',
      ],
    ],
    [
      'jane.moore@leics.gov.uk; alison.bradley@leics.gov.uk',
      ['jane.moore@leics.gov.uk', 'alison.bradley@leics.gov.uk'],
    ],
    ['Head of SEND and Head of Commissioning', ['Head of SEND', 'Head of Commissioning']],
    ['Parent Carer Forum and SENDIASS', ['Parent Carer Forum', 'SENDIASS']],
    ['Education, Health, Social Care', ['Education', 'Health', 'Social Care']],
    ['SEND Partnership Board\nOperational Group', ['SEND Partnership Board', 'Operational Group']],
  ])('%j -> %j', (cell, leads) => {
    expect(splitLeads(cell)).toEqual(leads);
  });
});

describe("a lead's job title and organisation stay with the lead", () => {
  it.each<[string, string[]]>([
    ['Head of SEND, Leicestershire County Council', ['Head of SEND, Leicestershire County Council']],
    [
      'Jane Moore\nDirector of Children and Family Services',
      ['Jane Moore, Director of Children and Family Services'],
    ],
    [
      'Jane Moore\nDirector of Children and Family Services\nAlison Bradley\nInterim Assistant Director education, SEND and Commissioning',
      [
        'Jane Moore, Director of Children and Family Services',
        'Alison Bradley, Interim Assistant Director education, SEND and Commissioning',
      ],
    ],
    ['Jane Moore, Head of SEND, Alison Bradley', ['Jane Moore, Head of SEND', 'Alison Bradley']],
    ['Jane Moore\njane.moore@leics.gov.uk', ['Jane Moore, jane.moore@leics.gov.uk']],
    ['Jane Moore, LCC', ['Jane Moore, LCC']],
    ['Head of SEND and Inclusion', ['Head of SEND and Inclusion']],
    ['Director of Education and Skills', ['Director of Education and Skills']],
    ['Designated Clinical Officer (CCG)', ['Designated Clinical Officer (CCG)']],
    ['Head of SEND\nHead of Commissioning', ['Head of SEND', 'Head of Commissioning']],
    [
      'Chair of the Parent Carer Forum, Lancashire SEND Partnership',
      ['Chair of the Parent Carer Forum, Lancashire SEND Partnership'],
    ],
  ])('%j -> %j', (cell, leads) => {
    expect(splitLeads(cell)).toEqual(leads);
  });
});
