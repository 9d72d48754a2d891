import { describe, expect, it } from 'vitest';
import type { Action } from '../../../src/domain';
import {
  RATING_NOTE_REQUIRED,
  toActionChanges,
  toFormValues,
  type ActionFormValues,
} from '../../../src/features/action/form-model';
import { changedFields, rebaseFormValues } from '../../../src/features/action/form-compare';
import { anAction, daniel } from './builders';

const plan = { requireProgressNote: true };
const base = anAction();
const edit = (change: Partial<ActionFormValues>): ActionFormValues => ({ ...toFormValues(base), ...change });

describe('action form <-> domain', () => {
  it('fills the form from the action, dates as people write them', () => {
    expect(toFormValues(base)).toEqual({
      reference: '2.3.1',
      text: 'Audit a sample of EHC plans each month',
      successMeasures: '70% of audited plans rated good or better',
      lead: base.lead,
      governanceForum: 'SEND and Inclusion Board',
      dueDate: 'Dec 2026',
      status: 'amber',
      ratingNote: '',
      impactRating: 'amber',
      sustainedRating: '',
      progressNarrative: 'Audit tool agreed with health partners.',
      evidenceLinks: [
        { key: 'saved-0', title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' },
      ],
    });
    expect(toFormValues(anAction({ dueDate: '2027-01-15', dueDatePrecision: 'day' })).dueDate).toBe(
      '15 Jan 2027',
    );
    expect(toFormValues(anAction({ dueDate: null })).dueDate).toBe('');
  });

  it('an untouched form changes nothing', () => {
    const result = toActionChanges(toFormValues(base), base, plan);
    expect(result).toEqual({ ok: true, value: { patch: {}, note: '' } });
  });

  it.each<[string, Partial<ActionFormValues>, Partial<Action>]>([
    ['text, trimmed', { text: '  Audit every plan  ' }, { text: 'Audit every plan' }],
    ['a day due date', { dueDate: '23/01/2027' }, { dueDate: '2027-01-23', dueDatePrecision: 'day' }],
    ['a month due date', { dueDate: 'March 2027' }, { dueDate: '2027-03-31' }],
    ['the same month as a day', { dueDate: '31 Dec 2026' }, { dueDatePrecision: 'day' }],
    ['no due date', { dueDate: '  ' }, { dueDate: null, dueDatePrecision: 'day' }],
    ['the lead', { lead: daniel }, { lead: daniel }],
    ['no lead', { lead: null }, { lead: null }],
    ['impact cleared', { impactRating: '' }, { impactRating: null }],
    ['sustained set', { sustainedRating: 'green' }, { sustainedRating: 'green' }],
    [
      'evidence added, blank rows dropped',
      {
        evidenceLinks: [
          { key: 'saved-0', title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' },
          { key: 'new-0', title: 'Minutes', url: ' http://intranet.example/minutes ' },
          { key: 'new-1', title: ' ', url: '' },
        ],
      },
      {
        evidenceLinks: [
          { title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' },
          { title: 'Minutes', url: 'http://intranet.example/minutes' },
        ],
      },
    ],
    ['evidence removed', { evidenceLinks: [] }, { evidenceLinks: [] }],
  ])('maps a change of %s to a patch of just that', (_what, change, patch) => {
    const result = toActionChanges(edit(change), base, plan);
    expect(result).toEqual({ ok: true, value: { patch, note: '' } });
  });

  it('a rating change carries its note', () => {
    const result = toActionChanges(edit({ status: 'green', ratingNote: ' Audit completed ' }), base, plan);
    expect(result).toEqual({ ok: true, value: { patch: { status: 'green' }, note: 'Audit completed' } });
  });

  it.each<[string, Partial<ActionFormValues>, string, string]>([
    ['an empty action', { text: '  ' }, 'text', 'Action is required'],
    ['a bad reference', { reference: '2.x' }, 'reference', 'numbers separated by dots'],
    ['an unreadable date', { dueDate: '31st of Smarch' }, 'dueDate', 'write it as 23 Nov 2026'],
    ['an impossible date', { dueDate: '30/02/2027' }, 'dueDate', 'not a real date'],
    ['a rating change without a note', { status: 'green' }, 'ratingNote', RATING_NOTE_REQUIRED],
    [
      'evidence that is not a web address',
      { evidenceLinks: [{ key: 'new-3', title: 'Minutes', url: 'javascript:alert(1)' }] },
      'evidenceLinks.new-3.url',
      'starting http:// or https://',
    ],
    [
      'evidence without a title',
      {
        evidenceLinks: [
          { key: 'saved-0', title: 'Audit tool', url: 'https://sharepoint.example/audit-tool.docx' },
          { key: 'new-0', title: '', url: 'https://example.org' },
        ],
      },
      'evidenceLinks.new-0.title',
      'Evidence title is required',
    ],
    [
      'a lead without a proper UPN',
      { lead: { ...daniel, upn: 'daniel' } },
      'lead',
      'name@organisation.example',
    ],
  ])('rejects %s with a message on the field', (_what, change, field, message) => {
    const result = toActionChanges(edit(change), base, plan);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.find((i) => i.field === field)?.message, JSON.stringify(result.issues)).toContain(
      message,
    );
  });

  it('a plan that does not ask for a note lets a rating change go without one', () => {
    const result = toActionChanges(edit({ status: 'green' }), base, { requireProgressNote: false });
    expect(result).toEqual({ ok: true, value: { patch: { status: 'green' }, note: '' } });
  });

  it.each<[string, Partial<ActionFormValues>, string[]]>([
    ['nothing', {}, []],
    ['the same date written another way', { dueDate: 'December 2026' }, []],
    ['spaces only', { text: `${base.text}  ` }, []],
    [
      'a blank evidence row',
      { evidenceLinks: [...toFormValues(base).evidenceLinks, { key: 'n', title: '', url: '' }] },
      [],
    ],
    ['the date and the lead', { dueDate: 'Jan 2027', lead: daniel }, ['lead', 'dueDate']],
    ['a day instead of the month', { dueDate: '31/12/2026' }, ['dueDate']],
  ])('knows what changed: %s', (_what, change, fields) => {
    expect(changedFields(base, edit(change))).toEqual(fields);
  });
});

describe('re-applying my changes on top of the latest', () => {
  it.each<[string, Partial<Action>, Partial<ActionFormValues>, Partial<ActionFormValues>]>([
    [
      'they changed one field, I changed another: both are kept',
      { governanceForum: 'WSOA Group' },
      { text: 'Audit every plan' },
      { governanceForum: 'WSOA Group', text: 'Audit every plan' },
    ],
    [
      'we both changed the same field: mine wins',
      { progressNarrative: 'Theirs' },
      { progressNarrative: 'Mine' },
      { progressNarrative: 'Mine' },
    ],
    [
      'they changed the rating, I changed the narrative: their rating is kept',
      { status: 'green' },
      { progressNarrative: 'Mine' },
      { status: 'green', progressNarrative: 'Mine' },
    ],
    [
      'my rating change and note survive',
      { progressNarrative: 'Theirs' },
      { status: 'red', ratingNote: 'Capacity diverted' },
      { status: 'red', ratingNote: 'Capacity diverted', progressNarrative: 'Theirs' },
    ],
  ])('%s', (_what, theirs, mine, expected) => {
    const latest = anAction(theirs);
    const rebased = rebaseFormValues(base, latest, edit(mine));
    expect(rebased).toEqual({ ...toFormValues(latest), ...expected });
  });
});
