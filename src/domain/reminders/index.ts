export { effectiveDueDate, workingCalendar, type WorkingCalendar } from './calendar';
export {
  groupForDelivery,
  type DeliveryCard,
  type DeliveryGroup,
  type DigestGroup,
  type EscalationGroup,
  type LeadRemindersGroup,
} from './grouping';
export {
  compareItemIds,
  leaseKey,
  LOG_ITEM_KINDS,
  LOG_ITEM_STATES,
  logEntriesOf,
  reminderLogItemSchema,
  type LogItemState,
  type ReminderLogItem,
} from './log';
export { digestKey, milestoneKey, reminderKey, updatesDueKey, type KeySubject } from './keys';
export { CATCH_UP_DAYS } from './milestone-rules';
export { planReminders } from './planner';
export {
  channelForPriority,
  channelRefSchema,
  defaultReminderPolicy,
  digestChannel,
  parseReminderPolicy,
  reminderPolicySchema,
  type ChannelRef,
  type ReminderPolicy,
  type ReminderPolicyInput,
} from './policy';
export { nextRunAt, RUN_HOUR } from './schedule';
export * from './types';
