import {
  Button,
  Field,
  makeStyles,
  SearchBox,
  Select,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { memo } from 'react';
import {
  activeFilterCount,
  DUE_WITHIN_CHOICES,
  NO_FILTERS,
  OVERDUE_CHOICES,
  type BoardFilters,
  type FilterOption,
} from './filters';

const useStyles = makeStyles({
  toolbar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalS,
    '@media print': { display: 'none' },
  },
  search: { minWidth: '220px' },
  select: { minWidth: '160px', maxWidth: '260px' },
  // A long agency name must not push the control past its field into the next one.
  fill: { width: '100%', minWidth: 0 },
  control: { maxWidth: '100%', textOverflow: 'ellipsis' },
  checks: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  summary: { color: tokens.colorNeutralForeground2 },
});

export const BoardToolbar = memo(function BoardToolbar(props: {
  filters: BoardFilters;
  onChange: (patch: Partial<BoardFilters>) => void;
  leads: FilterOption[];
  agencies: FilterOption[];
  shown: number;
  total: number;
}) {
  const styles = useStyles();
  const { filters, onChange } = props;
  const active = activeFilterCount(filters);
  return (
    <div role="search" className={styles.toolbar} aria-label="Filter the board">
      <Field label="Search" className={styles.search}>
        <SearchBox
          value={filters.text}
          placeholder="Reference, words, lead"
          onChange={(_, data) => onChange({ text: data.value })}
        />
      </Field>
      <Field label="Lead" className={styles.select}>
        <Select
          className={styles.fill}
          select={{ className: styles.control }}
          value={filters.lead ?? ''}
          onChange={(_, data) => onChange({ lead: data.value || null })}
        >
          <option value="">Everyone</option>
          {props.leads.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Agency" className={styles.select}>
        <Select
          className={styles.fill}
          select={{ className: styles.control }}
          value={filters.agency ?? ''}
          onChange={(_, data) => onChange({ agency: data.value || null })}
        >
          <option value="">All agencies</option>
          {props.agencies.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Due" className={styles.select}>
        <Select
          value={filters.dueWithinDays === null ? '' : String(filters.dueWithinDays)}
          onChange={(_, data) => onChange({ dueWithinDays: data.value ? Number(data.value) : null })}
        >
          <option value="">Any time</option>
          {DUE_WITHIN_CHOICES.map((days) => (
            <option key={days} value={days}>
              In the next {days} days
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Overdue" className={styles.select}>
        <Select
          value={filters.overdue ?? ''}
          onChange={(_, data) => onChange({ overdue: OVERDUE_CHOICES.find((c) => c === data.value) ?? null })}
        >
          <option value="">Overdue or not</option>
          <option value="any">Overdue (action or milestone)</option>
          <option value="milestones">With an overdue milestone</option>
        </Select>
      </Field>
      <div className={styles.checks}>
        <Switch
          label="Swimlanes by focus area"
          checked={filters.lanes}
          onChange={(_, data) => onChange({ lanes: data.checked })}
        />
        {active > 0 && (
          <Button appearance="subtle" onClick={() => onChange({ ...NO_FILTERS, lanes: filters.lanes })}>
            Clear filters
          </Button>
        )}
      </div>
      <Text size={200} className={styles.summary} role="status">
        {active > 0 ? `Showing ${props.shown} of ${props.total} actions` : `${props.total} actions`}
      </Text>
    </div>
  );
});
