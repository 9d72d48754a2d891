import { Avatar, Button, Card, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { PersonKeyRegular } from '@fluentui/react-icons';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { Authenticator, AuthSession, SignInChoice, SiteRole } from '../../auth/session';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { VisuallyHidden } from '../../ui/VisuallyHidden';

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
});

const ROLE_WORDS: Record<SiteRole, string> = {
  owner: 'Site owner: sets the plan up',
  member: 'Member: updates actions',
  visitor: 'Visitor: reads only',
};

/**
 * Signing in: the ways in the authenticator offers, the local Graph's demo people
 * ("Sign in as Hannah Whitfield") or one "Sign in with your work account".
 */
export function SignInPage(props: { auth: Authenticator; onSignedIn: (session: AuthSession) => void }) {
  const styles = useStyles();
  const { auth } = props;
  const choices = useQuery({ queryKey: ['sign-in-choices'], queryFn: () => auth.choices() });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);

  async function choose(choice: SignInChoice) {
    setBusy(choice.id);
    setError(null);
    try {
      props.onSignedIn(await auth.signIn(choice.id));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <main className={styles.page}>
      <Text as="h1" size={600} weight="semibold">
        Sign in
      </Text>
      <Text as="p">{auth.description}</Text>
      {error !== null && <ErrorMessage error={error} />}
      {choices.isPending && <Spinner label="Finding the ways to sign in…" />}
      {choices.isError && <ErrorMessage error={choices.error} />}
      {choices.data && (
        <ul className={styles.list} aria-label="Ways to sign in">
          {choices.data.map((choice) => (
            <li key={choice.id}>
              <Card>
                <Button
                  appearance="subtle"
                  className={styles.person}
                  onClick={() => void choose(choice)}
                  disabled={busy !== null}
                >
                  {choice.kind === 'person' ? (
                    <Avatar name={choice.name} size={40} aria-hidden />
                  ) : (
                    <Avatar icon={<PersonKeyRegular />} size={40} aria-hidden />
                  )}
                  <span className={styles.who}>
                    <Text weight="semibold">
                      {choice.kind === 'person' && <VisuallyHidden>Sign in as </VisuallyHidden>}
                      {choice.name}
                    </Text>
                    {choice.details.map((detail) => (
                      <Text key={detail} size={200}>
                        {detail}
                      </Text>
                    ))}
                    {choice.role && <Text size={200}>{ROLE_WORDS[choice.role]}</Text>}
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
