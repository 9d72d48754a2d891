import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { Fragment, type ReactNode } from 'react';
import { formatDate, type Action, type RatingScale } from '../../domain';
import { RatingBadge } from '../../ui/RatingBadge';
import { describeLead } from './display';
import { FIELD_LABELS } from './form-model';
import { PageSection } from '../../ui/PageSection';
import { IMPACT_SCALE, SUSTAINED_SCALE } from './rating-scales';
import { Notice } from '../../ui/Notice';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(120px, max-content) 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 600px)': { gridTemplateColumns: '1fr' },
  },
  term: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  links: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** The action for those who may read but not change it: no edit controls at all. */
export function ActionReadOnly(props: { action: Action; scale: RatingScale; refused: boolean }) {
  const styles = useStyles();
  const { action, scale } = props;
  const empty = (text: string) => <span className={styles.empty}>{text}</span>;
  const rows: [string, ReactNode][] = [
    [FIELD_LABELS.reference, action.reference],
    [FIELD_LABELS.text, action.text],
    [FIELD_LABELS.successMeasures, action.successMeasures || empty('None recorded')],
    [FIELD_LABELS.lead, action.lead || action.leadAsWritten ? describeLead(action) : empty('No lead')],
    [FIELD_LABELS.governanceForum, action.governanceForum || empty('None recorded')],
    [
      FIELD_LABELS.dueDate,
      action.dueDate ? formatDate(action.dueDate, action.dueDatePrecision) : empty('No due date'),
    ],
    [FIELD_LABELS.status, <RatingBadge key="s" scale={scale} rating={action.status} />],
    [FIELD_LABELS.impactRating, <RatingBadge key="i" scale={IMPACT_SCALE} rating={action.impactRating} />],
    [
      FIELD_LABELS.sustainedRating,
      <RatingBadge key="u" scale={SUSTAINED_SCALE} rating={action.sustainedRating} />,
    ],
    [FIELD_LABELS.progressNarrative, action.progressNarrative || empty('No update yet')],
    [
      FIELD_LABELS.evidenceLinks,
      action.evidenceLinks.length ? (
        <ul className={styles.links}>
          {action.evidenceLinks.map((link) => (
            <li key={`${link.title}|${link.url}`}>
              <Link href={link.url} target="_blank" rel="noopener noreferrer">
                {link.title}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        empty('No evidence linked')
      ),
    ],
  ];
  return (
    <PageSection title="About the action">
      {props.refused && <Notice intent="info">You can view this plan but not change it.</Notice>}
      <dl className={styles.list}>
        {rows.map(([term, detail]) => (
          <Fragment key={term}>
            <dt className={styles.term}>{term}</dt>
            <dd className={styles.detail}>{detail}</dd>
          </Fragment>
        ))}
      </dl>
    </PageSection>
  );
}
