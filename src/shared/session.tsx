import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { PersonRef } from '../domain';

/**
 * Who is signed in and what they may do. The store decides in the end (a 403
 * from Graph); the UI reflects the role so a visitor sees no edit controls, and
 * drops to read-only for the session once the store has refused a write.
 */
export type SiteRole = 'owner' | 'member' | 'visitor';

export interface Session {
  person: PersonRef;
  role: SiteRole;
  canEdit: boolean;
  isOwner: boolean;
  /** After a 403: show the plan read-only from now on. */
  markReadOnly: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider(props: { person: PersonRef; role: SiteRole; children: ReactNode }) {
  const [refused, setRefused] = useState(false);
  const { person, role } = props;
  const session = useMemo<Session>(
    () => ({
      person,
      role,
      canEdit: role !== 'visitor' && !refused,
      isOwner: role === 'owner' && !refused,
      markReadOnly: () => setRefused(true),
    }),
    [person, role, refused],
  );
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}
