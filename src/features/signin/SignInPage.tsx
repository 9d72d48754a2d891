import { Avatar, Button, Card, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import {
  fetchLocalPeople,
  signInLocally,
  type LocalPerson,
  type SignedInSession,
} from '../../auth/local-signin';
import { ErrorMessage } from '../../shared/ui/ErrorMessage';

const useStyles = makeStyles({
  page: {
    maxWidth: '720px',
    margin: '0 auto',
    padding: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
  },
  list: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(300px, 1fr))',
    gap: tokens.spacingHorizontalM,
    listStyleType: 'none',
    padding: 0,
    margin: 0,
  },
  person: {
    display: 'flex',
    flexDirection: 'row',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    width: '100%',
    justifyContent: 'flex-start',
    padding: tokens.spacingVerticalM,
    textAlign: 'left',
  },
  who: { display: 'flex', flexDirection: 'column' },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

const ROLE_WORDS: Record<string, string> = {
  owner: 'Site owner: sets the plan up',
  member: 'Member: updates actions',
  visitor: 'Visitor: reads only',
};

/** The local sign-in: choose one of the local Graph's demo people. */
export function SignInPage(props: { origin: string; onSignedIn: (session: SignedInSession) => void }) {
  const styles = useStyles();
  const people = useQuery({
    queryKey: ['local-people', props.origin],
    queryFn: () => fetchLocalPeople(props.origin),
  });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function choose(person: LocalPerson) {
    setBusy(person.alias);
    setError(null);
    try {
      props.onSignedIn(await signInLocally(props.origin, person));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold">
        Sign in to the demo
      </Text>
      <Text as="p">
        This copy runs against the local Graph at {props.origin}. Choose who to be; each person has the rights
        their role gives them on the plan's SharePoint site.
      </Text>
      {error !== null && <ErrorMessage error={error} />}
      {people.isPending && <Spinner label="Finding the demo people…" />}
      {people.isError && <ErrorMessage error={people.error} />}
      {people.data && (
        <ul className={styles.list} aria-label="Demo people">
          {people.data.map((person) => (
            <li key={person.alias}>
              <Card>
                <Button
                  appearance="subtle"
                  className={styles.person}
                  onClick={() => void choose(person)}
                  disabled={busy !== null}
                >
                  <Avatar name={person.displayName} size={40} aria-hidden />
                  <span className={styles.who}>
                    <Text weight="semibold">
                      <span className={styles.visuallyHidden}>Sign in as </span>
                      {person.displayName}
                    </Text>
                    <Text size={200}>{person.jobTitle}</Text>
                    <Text size={200}>{person.companyName}</Text>
                    <Text size={200}>{ROLE_WORDS[person.siteRole] ?? person.siteRole}</Text>
                  </span>
                </Button>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
