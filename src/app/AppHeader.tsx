import { Avatar, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { LocalPerson } from '../auth/local-signin';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function AppHeader(props: { person: LocalPerson; onSignOut: () => void }) {
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text weight="semibold">WSoA tracker</Text>
      <div className={styles.who}>
        <Avatar name={props.person.displayName} size={24} aria-hidden />
        <Text size={200}>{props.person.displayName}</Text>
        <Button appearance="subtle" size="small" onClick={props.onSignOut}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
