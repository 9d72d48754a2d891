/**
 * Leads as people write them in one cell: several names on lines, after ";", joined
 * by "and" or "/", or listed with commas ("K Rowland (DfE), P Sumner (LCC)"), each
 * perhaps with a job title and an organisation ("Jane Moore\nDirector of Children and
 * Family Services", "Head of SEND, Leicestershire County Council"). A lead's title
 * and organisation stay with it: a comma or a line break starts a new lead only
 * where what follows is a name, an e-mail address, a job title beginning a new
 * role ("Head of …") or a second agency.
 */
/** Longer than any name, title or e-mail address: read as it is (and too long for a lead, an error). */
const MAX_PIECE = 300;

type Kind = 'email' | 'agency' | 'role' | 'org' | 'name' | 'other';

interface Lead {
  parts: string[];
  kinds: Set<Kind>;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
/** LCC, CCG, ICB, LA, PCF, NHSE, SENDIASS: an agency or a team by its letters. */
const AGENCY = /^[A-Z][A-Z&]{1,9}s?$/;
const ROLE_NOUN =
  /\b(?:head|heads|director|directors|manager|managers|lead|leads|officer|officers|chair|coordinator|co-ordinator|commissioner|commissioners|psychologist|consultant|specialist|practitioner|nurse|therapist|adviser|advisor|analyst|auditor|senco|sendco|dco|clinician|paediatrician|administrator|reviewer|worker|champion|principal|headteacher|teacher|leader|leaders|partner|partners)\b/i;
/** Where a new role begins: "Head of …", "Interim Assistant Director …", "Designated Clinical Officer". */
const ROLE_START =
  /^(?:(?:interim|acting|deputy|assistant|senior|strategic|designated|joint|service|programme|project|operational|clinical)\s+)*(?:head|director|manager|lead|officer|chair|coordinator|co-ordinator|commissioner|principal|headteacher|designated)\b/i;
const ORG_WORD =
  /\b(?:council|trust|ccg|icb|nhs|authority|partnership|foundation|forum|board|service|services|team|group|school|schools|college|university|department|directorate|hospital|alliance|network|sendiass|cqc|ofsted|dfe)\b/i;
/** Words of services and subjects, so that "Social Care" or "Early Help" is not read as a person. */
const NOT_NAME =
  /\b(?:social|care|health|education|public|early|help|children|childrens|children's|young|people|family|families|skills|inclusion|commissioning|send|sen|local|offer|mental|learning|disability|disabilities|autism|nursing|therapy|speech|language|psychology|data|performance|quality|assurance|transport|youth|parent|parents|carer|carers|support|all|and|of|for|the|with|to)\b/i;
const NAME =
  /^(?:(?:dr|mr|mrs|ms|miss|mx|prof|professor|cllr|councillor)\.?\s+)?(?:(?:[A-Z]\.?\s*){1,3}|(?:[A-Z][a-z'’-]+\s+){1,2}(?:[A-Z]\.?\s+)?)[A-Z][a-zA-Z'’-]+(?:\s*\([^()]{1,40}\))?$/;

/** What a piece of a lead cell is; a bracketed agency or title ("K Rowland (DfE)") does not count. */
function kindOf(text: string): Kind {
  if (text.length > MAX_PIECE) return 'other';
  if (EMAIL.test(text)) return 'email';
  if (AGENCY.test(text)) return 'agency';
  const base = text.replace(/\([^()]*\)/g, ' ').trim() || text;
  if (ROLE_NOUN.test(base)) return 'role';
  if (ORG_WORD.test(base)) return 'org';
  if (NAME.test(text) && !NOT_NAME.test(base)) return 'name';
  return 'other';
}

/** Which kind of lead a side of "a and b" or "a/b" would be on its own; null when it would not stand alone. */
function standsAs(side: string): 'person' | 'organisation' | 'role' | null {
  const kind = kindOf(side);
  if (kind === 'name' || kind === 'email') return 'person';
  if (kind === 'org' || kind === 'agency') return 'organisation';
  return ROLE_START.test(side) ? 'role' : null;
}

/** "Jane Moore and Tom Common", "LCC/CCG", "Head of SEND and Head of Commissioning" split; "Head of SEND and Inclusion" does not. */
function splitJoined(piece: string): string[] {
  const sides = piece
    .split(/\s+(?:and|&)\s+|\s*\/\s*/i)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (sides.length < 2) return [piece];
  const first = standsAs(sides[0] ?? '');
  return first !== null && sides.every((s) => standsAs(s) === first) ? sides : [piece];
}

/** Does `text` of kind `kind` describe the lead before it, rather than start a new one? */
function describes(prev: Lead, kind: Kind, text: string, sameLine: boolean): boolean {
  const has = (k: Kind) => prev.kinds.has(k);
  const person = has('name') || has('email');
  switch (kind) {
    case 'name':
      return false;
    case 'email':
      return has('name') && !has('email');
    case 'role':
      if (ROLE_START.test(text) && has('role')) return false;
      return person && !has('role');
    case 'org':
      return !has('org') && !has('agency') && (person || has('role'));
    case 'agency':
      return !has('org') && !has('agency') && (person || has('role'));
    case 'other':
      return sameLine && (has('role') || has('org'));
  }
}

/** The leads in a cell, each as written with its title kept ("Jane Moore, Director of …"). */
export function splitLeads(cell: string): string[] {
  const leads: Lead[] = [];
  for (const line of cell.split(/\r?\n|;/)) {
    const pieces = line
      .split(',')
      .map((p) => p.trim())
      .filter((p) => p !== '');
    pieces.forEach((piece, i) => {
      for (const part of splitJoined(piece)) {
        const kind = kindOf(part);
        const prev = leads.at(-1);
        if (prev && describes(prev, kind, part, i > 0)) {
          prev.parts.push(part);
          prev.kinds.add(kind);
        } else {
          leads.push({ parts: [part], kinds: new Set([kind]) });
        }
      }
    });
  }
  return leads.map((l) => l.parts.join(', '));
}
