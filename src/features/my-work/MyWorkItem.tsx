import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { Warning12Filled } from '@fluentui/react-icons';
import { memo } from 'react';
import { Link } from 'react-router';
import type { Action, RatingScale, Stored } from '../../domain';
import { paths } from '../../ui/paths';
import { RatingBadge } from '../../ui/RatingBadge';
import { ToneBadge } from '../../ui/ToneBadge';
import { dueText, type WorkItem } from './my-work-model';

const useStyles = makeStyles({
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  link: {
    color: tokens.colorBrandForegroundLink,
    fontWeight: tokens.fontWeightSemibold,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
  },
  facts: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  muted: { color: tokens.colorNeutralForeground2 },
  side: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export const MyWorkItem = memo(function MyWorkItem(props: {
  item: WorkItem;
  scale: RatingScale;
  planTitle: string | null;
  today: string;
  canEdit: boolean;
  saving: boolean;
  onUpdate: (action: Stored<Action>) => void;
}) {
  const styles = useStyles();
  const { item } = props;
  const { action } = item;
  const title = item.kind === 'milestone' ? item.milestone.title : action.text;
  return (
    <li className={styles.item} aria-busy={props.saving || undefined}>
      <div className={styles.main}>
        <Text size={200} className={styles.muted}>
          {item.kind === 'milestone' ? `Milestone of action ${action.reference}` : 'Action'}
          {props.planTitle ? ` · ${props.planTitle}` : ''}
        </Text>
        <Link to={paths.action(action.id)} className={styles.link}>
          {item.kind === 'action' ? `${action.reference} ` : ''}
          {title}
        </Link>
        <div className={styles.facts}>
          {item.due?.overdue && (
            <ToneBadge tone="red">
              <Warning12Filled aria-hidden />
              Overdue
            </ToneBadge>
          )}
          <Text size={200}>{dueText(item.due, props.today)}</Text>
          <RatingBadge scale={props.scale} rating={action.status} />
          {props.saving && (
            <Text size={200} className={styles.muted}>
              Saving…
            </Text>
          )}
        </div>
      </div>
      {props.canEdit && (
        <div className={styles.side}>
          <Button onClick={() => props.onUpdate(action)} aria-label={`Update ${action.reference}: ${title}`}>
            Update
          </Button>
        </div>
      )}
    </li>
  );
});
