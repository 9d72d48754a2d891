import { Avatar, Button, makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { useLocation, useNavigate } from 'react-router';
import { useSession } from '../ui/session';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXL}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    // A printed page (a board pack, a PDF) carries the plan, not the app's navigation.
    '@media print': { display: 'none' },
  },
  // On a phone (Teams mobile is about 400 px wide) the sections scroll within the header, never the page.
  nav: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    minWidth: 0,
    maxWidth: '100%',
    overflowX: 'auto',
  },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const SECTIONS = [
  { value: '/', label: 'At a glance' },
  { value: '/my-work', label: 'My work' },
  { value: '/reminders', label: 'Reminders' },
  { value: '/channels', label: 'Channel preview' },
] as const;

export function AppHeader(props: { onSignOut: () => void }) {
  const styles = useStyles();
  const { person, role } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const current =
    SECTIONS.find((s) => s.value !== '/' && location.pathname.startsWith(s.value))?.value ?? '/';
  return (
    <header className={styles.header}>
      <nav className={styles.nav} aria-label="Sections">
        <Text weight="semibold">WSoA tracker</Text>
        <TabList
          selectedValue={current}
          onTabSelect={(_, data) => void navigate(String(data.value))}
          size="small"
        >
          {SECTIONS.map((s) => (
            <Tab key={s.value} value={s.value}>
              {s.label}
            </Tab>
          ))}
        </TabList>
      </nav>
      <div className={styles.who}>
        <Avatar name={person.displayName} size={24} aria-hidden />
        <Text size={200}>
          {person.displayName}
          {role === 'visitor' ? ' (read only)' : ''}
        </Text>
        <Button appearance="subtle" size="small" onClick={props.onSignOut}>
          Sign out
        </Button>
      </div>
    </header>
  );
}
