import { Field, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { ArrowLeft16Regular } from '@fluentui/react-icons';
import { Link, useNavigate } from 'react-router';
import type { Plan, Priority } from '../../domain';
import { paths } from '../../ui/paths';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalL,
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  back: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    color: tokens.colorBrandForegroundLink,
    fontSize: tokens.fontSizeBase200,
    textDecorationLine: 'none',
    ':hover': { textDecorationLine: 'underline' },
  },
  title: { margin: 0 },
  meta: { color: tokens.colorNeutralForeground2 },
  switcher: { minWidth: '260px' },
});

/** The priority's title, the way back to the plan, and a switch to the plan's other priorities. */
export function BoardHeader(props: {
  plan: Plan;
  priority: Priority;
  priorities: Priority[];
  search: string;
  readOnly: boolean;
}) {
  const styles = useStyles();
  const navigate = useNavigate();
  const { plan, priority } = props;
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Link to={paths.overview(plan.id)} className={styles.back}>
          <ArrowLeft16Regular aria-hidden /> {plan.title}
        </Link>
        <Text as="h1" size={600} weight="semibold" className={styles.title}>
          {priority.label}: {priority.title}
        </Text>
        <Text size={200} className={styles.meta}>
          {priority.lead ? `Priority lead: ${priority.lead.displayName}` : 'No priority lead yet'}
          {props.readOnly ? ' · You can view this plan but not change it.' : ''}
        </Text>
      </div>
      {props.priorities.length > 1 && (
        <Field label="Priority" className={styles.switcher}>
          <Select
            value={priority.id}
            onChange={(_, data) =>
              void navigate({ pathname: paths.board(plan.id, data.value), search: props.search })
            }
          >
            {props.priorities.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}: {p.title}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </header>
  );
}
