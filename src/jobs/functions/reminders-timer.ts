import { app, type InvocationContext, type Timer } from '@azure/functions';
import { runScheduledReminders } from './scheduled-run';

/**
 * Azure Functions (v4 programming model) timer trigger for the reminder run.
 * The schedule is the app setting REMINDER_SCHEDULE: `0 0 7,8 * * *` (UTC on
 * Linux; the run itself waits for 08:00 London), or `0 0 8 * * *` on a Windows
 * plan with WEBSITE_TIME_ZONE=GMT Standard Time. See the README.
 */
app.timer('reminders', {
  schedule: '%REMINDER_SCHEDULE%',
  handler: async (_timer: Timer, context: InvocationContext) => {
    await runScheduledReminders(process.env, new Date(), {
      info: (message) => context.log(message),
      error: (message) => context.error(message),
    });
  },
});
