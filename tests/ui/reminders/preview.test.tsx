import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChannelPreviewPage } from '../../../src/features/reminders/ChannelPreviewPage';
import { ReminderPreview } from '../../../src/features/reminders/ReminderPreview';
import { runReminders } from '../../../src/plan/reminders/run';
import type { TestGraph } from '../../integration/support/local-graph';
import {
  channelRefs,
  flowsSettled,
  links,
  logOf,
  postedCards,
  webhookSender,
} from '../../integration/reminders/fixture';
import { localFlowRuns } from '../../../src/plan/reminders/flow-runs';
import { FlowRunsProvider } from '../../../src/ui/flow-runs-context';
import { aPlan, dueToday, personFor, renderAs, standardPolicy, startReminderGraph } from './harness';

let t: TestGraph;
beforeAll(async () => {
  t = await startReminderGraph();
});
afterAll(() => t.close());

describe('the reminder preview', () => {
  it('draws the next run’s cards as Teams shows them: markdown processed, escapes gone, mentions named', async () => {
    const plan = await aPlan(t, 'Preview plan (demo) *draft*', standardPolicy);
    await dueToday(t, plan.planId);
    const person = await personFor(t, 'officer');
    renderAs(t, { alias: 'officer', person, role: 'owner' }, <ReminderPreview planId={plan.planId} />);

    await screen.findByText(/3 reminders in 3 posts\./);
    const posts = screen.getByRole('region', { name: 'Posts of the next run' });
    const cards = await within(posts).findAllByRole('article', { name: /^Reminders card for / });
    expect(cards).toHaveLength(3);
    const hannahs = await within(posts).findAllByRole('article', {
      name: 'Reminders card for Hannah Whitfield',
    });
    const card = first(hannahs);
    await within(card).findByText('Preview plan (demo) *draft*');
    expect(card.textContent).not.toContain('\\');
    expect(card.querySelector('.mention')?.textContent).toBe('Hannah Whitfield');
    // OpenUrl buttons are links, as in Teams.
    expect(within(card).getByRole('link', { name: 'Open my work' })).toBeDefined();
  });

  it('“Send now” posts a priority’s due reminders as the signed-in person and logs them', async () => {
    const user = userEvent.setup();
    const plan = await aPlan(t, 'Send now plan', standardPolicy);
    await dueToday(t, plan.planId);
    const daniel = await personFor(t, 'priority-lead');
    renderAs(
      t,
      { alias: 'priority-lead', person: daniel, role: 'member' },
      <ReminderPreview planId={plan.planId} />,
    );
    const before = (await postedCards(t)).p2.length;

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Priority' }), 'IP2 Co-production');
    await screen.findByText('1 reminder due today in 1 post.');
    await user.click(screen.getByRole('button', { name: 'Send now' }));

    await screen.findByText(/Posted 1 post \(1 reminder\)/);
    const p2 = (await postedCards(t)).p2;
    expect(p2).toHaveLength(before + 1);
    expect(p2[0]?.from).toMatchObject({ kind: 'user', displayName: 'Daniel Okafor' });
    expect(p2[0]?.mentions.map((m) => m.mentionText)).toEqual(['Hannah Whitfield']);
    const log = await logOf(t, plan.planId);
    expect(log.map((r) => [r.state, r.sentBy, r.channel])).toEqual([['sent', daniel.upn, 'ip2']]);
    await screen.findByText('Nothing is due today for this priority that has not been sent.');
    await screen.findByText(/2 reminders in 2 posts\./);
  });
});

describe('the channel preview', () => {
  it('lists each channel’s posts, newest first, with their cards drawn', async () => {
    const user = userEvent.setup();
    const plan = await aPlan(t, 'Channel preview plan', standardPolicy);
    await dueToday(t, plan.planId);
    await runReminders({
      store: t.storeAs('officer'),
      sender: await webhookSender(t),
      planId: plan.planId,
      now: new Date(),
      links,
    });
    const expected = (await postedCards(t)).leads;
    const person = await personFor(t, 'chair');
    renderAs(t, { alias: 'chair', person, role: 'visitor' }, <ChannelPreviewPage planId={plan.planId} />);

    await user.click(await screen.findByRole('tab', { name: 'WSoA action leads' }));
    const list = await screen.findByRole('list', { name: 'Messages' });
    const items = await within(list).findAllByRole('listitem');
    expect(items).toHaveLength(expected.length);
    expect(first(items).textContent).toContain('Workflows');
    const firstCards = await within(first(items)).findAllByRole('article');
    expect(firstCards.length).toBe(expected[0]?.cards.length);
    await within(first(firstCards)).findByText('Channel preview plan');
  });
});

describe('what a Workflows flow accepted but could not post', () => {
  it('shows in the channel preview, from the local receiver; against a tenant it points to the run history', async () => {
    // Workflows answers 202 before its flow runs, and "can't post in private channels as a
    // flow bot" (Teams platform docs, known issues): the failure never reaches the sender.
    const user = userEvent.setup();
    const ip2 = channelRefs().find((c) => c.key === 'ip2')?.channelId ?? '';
    const made = await fetch(`${t.graph.origin}/_admin/channels/${ip2}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ membershipType: 'private' }),
    });
    expect(made.status).toBe(200);
    const plan = await aPlan(t, 'Private channel plan', standardPolicy);
    await dueToday(t, plan.planId);
    const report = await runReminders({
      store: t.storeAs('officer'),
      sender: await webhookSender(t),
      planId: plan.planId,
      now: new Date(),
      links,
    });
    expect(report.confirms).toBe('accepted');
    await flowsSettled(t);
    const person = await personFor(t, 'officer');
    const officer = { alias: 'officer', person, role: 'owner' as const };
    const page = renderAs(
      t,
      officer,
      <FlowRunsProvider flowRuns={localFlowRuns(t.graph.origin)}>
        <ChannelPreviewPage planId={plan.planId} />
      </FlowRunsProvider>,
    );
    await user.click(await screen.findByRole('tab', { name: /Priority 2/ }));
    await screen.findByText(/The Workflows flow accepted .* for this channel but could not post/);
    expect(
      screen.getAllByText(/Workflows cannot post in a private channel as the Flow bot\./).length,
    ).toBeGreaterThan(0);
    page.unmount();

    renderAs(t, officer, <ChannelPreviewPage planId={plan.planId} />);
    await user.click(await screen.findByRole('tab', { name: /Priority 2/ }));
    await screen.findByText(/shows only in the flow’s run history in Power Automate/);
  });
});

function first(elements: HTMLElement[]): HTMLElement {
  const [element] = elements;
  if (!element) throw new Error('Expected at least one element');
  return element;
}
