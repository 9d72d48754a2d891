import { Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { AreaOfWeakness, RatingScale, Stored } from '../../domain';
import type { AreaReadiness } from '../../domain/revisit';
import { AppLink } from '../../ui/AppLink';
import { PageSection } from '../../ui/PageSection';
import { paths } from '../../ui/paths';
import { RatingBar } from '../../ui/RatingBar';
import { ToneBadge } from '../../ui/ToneBadge';
import { AreaActions } from './AreaActions';
import { AreaMeasures } from './AreaMeasures';
import { OutcomeForm } from './OutcomeForm';
import { count, OUTCOME_TEXT, OUTCOME_TONE } from './revisit-text';

const useStyles = makeStyles({
  finding: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalM,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
  },
  outcome: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  evidence: { overflowWrap: 'anywhere' },
});

/** One area of significant weakness: the finding quoted, its outcome, and everything that answers it. */
export function AreaSection(props: {
  area: AreaReadiness<Stored<AreaOfWeakness>>;
  scale: RatingScale;
  planId: string;
  canEdit: boolean;
}) {
  const styles = useStyles();
  const { area, scale, planId } = props;
  const { weakness, figures } = area;
  const name = `area of weakness ${weakness.number}`;
  return (
    <PageSection title={`Area of weakness ${weakness.number}`}>
      <blockquote className={styles.finding}>“{weakness.finding}”</blockquote>
      {props.canEdit ? (
        <OutcomeForm planId={planId} weakness={weakness} />
      ) : (
        <div className={styles.outcome}>
          <Text>Outcome:</Text>
          <ToneBadge tone={OUTCOME_TONE[weakness.outcome]} size="medium">
            {OUTCOME_TEXT[weakness.outcome]}
          </ToneBadge>
        </div>
      )}

      <Part title="Priorities answering it">
        {area.priorities.length === 0 ? (
          <Text>No priority answers this area yet.</Text>
        ) : (
          <ul className={styles.list} aria-label={`Priorities answering ${name}`}>
            {area.priorities.map(({ priority, counts }) => (
              <li key={priority.id} className={styles.item}>
                <AppLink to={paths.board(planId, priority.id)}>
                  {priority.label}: {priority.title}
                </AppLink>
                <RatingBar
                  counts={counts}
                  scale={scale}
                  label={`${priority.label}: ${count(counts.total, 'action')} by rating`}
                />
              </li>
            ))}
          </ul>
        )}
        <div className={styles.badges} aria-label={`Impact of the actions answering ${name}`} role="group">
          {area.impactCounts.byRating.map((c) => (
            <ToneBadge key={c.key} tone={c.key}>
              {c.label}: {c.count}
            </ToneBadge>
          ))}
          <ToneBadge tone="grey">Impact not rated: {area.impactCounts.unrated}</ToneBadge>
        </div>
        <Text size={200}>
          Past their due date: {count(figures.overdueActions, 'action')} · Overdue milestones:{' '}
          {figures.overdueMilestones}
        </Text>
      </Part>

      <Part title="Actions">
        <AreaActions actions={area.actions} scale={scale} label={`Actions answering ${name}`} />
      </Part>

      <Part title="Measures">
        <AreaMeasures measures={area.measures} label={`Measures for ${name}`} />
      </Part>

      <Part title="Evidence">
        {area.evidence.length === 0 ? (
          <Text>No evidence linked to these actions yet.</Text>
        ) : (
          <ul aria-label={`Evidence for ${name}`}>
            {area.evidence.map((link, i) => (
              <li key={`${link.actionId}-${i}`} className={styles.evidence}>
                <Link href={link.url} target="_blank" rel="noreferrer">
                  {link.title}
                </Link>{' '}
                <Text size={200}>(action {link.reference})</Text>
              </li>
            ))}
          </ul>
        )}
      </Part>
    </PageSection>
  );
}

function Part(props: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.part}>
      <Text as="h3" size={400} weight="semibold" className={styles.heading}>
        {props.title}
      </Text>
      {props.children}
    </div>
  );
}
