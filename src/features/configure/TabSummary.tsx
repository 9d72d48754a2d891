import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { TabSettings } from '../../teams/tab-config';
import { Notice } from '../../ui/Notice';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: { display: 'contents' },
  term: { fontWeight: tokens.fontWeightSemibold },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

/**
 * What Save stores. Inside Teams, a reminder to select Save; outside Teams, every
 * setting it would save, so the page can be tried in a browser.
 */
export function TabSummary(props: { settings: TabSettings | null; inTeams: boolean }) {
  const styles = useStyles();
  const { settings, inTeams } = props;
  if (!settings) {
    return <Text>Choose a plan, or create one, to add the tab.</Text>;
  }
  if (inTeams) {
    return (
      <Text>
        Select <strong>Save</strong> to add the tab “{settings.suggestedDisplayName}”.
      </Text>
    );
  }
  const rows: [string, string][] = [
    ['Tab name', settings.suggestedDisplayName],
    ['Content URL', settings.contentUrl],
    ['Website URL', settings.websiteUrl],
    ['Entity id', settings.entityId],
    ['Removal page', settings.removeUrl],
  ];
  return (
    <Notice intent="info" title="Outside Teams: what Save would store">
      <dl className={styles.list} aria-label="Tab settings">
        {rows.map(([term, value]) => (
          <div key={term} className={styles.row}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.value}>{value}</dd>
          </div>
        ))}
      </dl>
    </Notice>
  );
}
