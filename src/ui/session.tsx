import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { setupToken, type AuthSession, type SiteRole } from '../auth/session';
import type { PersonRef } from '../domain';
import { ReadOnlyError } from '../plan/errors';

/**
 * Who is signed in and what they may do. The store decides in the end (a 403
 * from Graph); the UI reflects the role so a visitor sees no edit controls, and
 * drops to read-only for the session once the store has refused any write.
 */
export interface Session {
  person: PersonRef;
  role: SiteRole;
  canEdit: boolean;
  isOwner: boolean;
  signOut: () => Promise<void>;
  /** A token that may also create lists and columns (asked for only when a site is set up). */
  setupToken: () => Promise<string>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider(props: { session: AuthSession; children: ReactNode }) {
  const { session } = props;
  const refused = useRefusedWrite();
  const value = useMemo<Session>(
    () => ({
      person: session.person,
      role: session.role,
      canEdit: session.role !== 'visitor' && !refused,
      isOwner: session.role === 'owner' && !refused,
      signOut: () => session.signOut(),
      setupToken: () => setupToken(session),
    }),
    [session, refused],
  );
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}

/** Whether SharePoint has refused one of this session's writes (403): every mutation is watched here, once. */
function useRefusedWrite(): boolean {
  const queryClient = useQueryClient();
  const [refused, setRefused] = useState(false);
  useEffect(
    () =>
      queryClient.getMutationCache().subscribe((event) => {
        if (event.type !== 'updated' || event.action.type !== 'error') return;
        if (event.action.error instanceof ReadOnlyError) setRefused(true);
      }),
    [queryClient],
  );
  return refused;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider above it');
  return session;
}
