// The event bus: rules with their patterns or schedules and targets (EventBridge API), the events
// the bus accepted recently and the dead letters of targets that could not be reached (rules' and schedules').
import { config, consoleApi, events } from '../aws.js';
import { formatTime, h, pretty } from '../dom.js';

export async function eventsPage() {
  const element = h('section', {}, h('div', { class: 'page-head' }, h('h1', {}, 'Events')));
  if (!(await config()).events) {
    element.append(h('div', { class: 'empty' }, h('p', {}, 'This endpoint runs no event bus.')));
    return { element };
  }
  const { EventBuses = [] } = await events('ListEventBuses', {});
  const rules = [];
  for (const bus of EventBuses) {
    const { Rules = [] } = await events('ListRules', { EventBusName: bus.Name });
    for (const rule of Rules) rules.push({ ...rule, targets: (await events('ListTargetsByRule', { Rule: rule.Name, EventBusName: bus.Name })).Targets ?? [] });
  }
  const [{ events: recent }, { deadLetters }] = await Promise.all([consoleApi('bus/recent'), consoleApi('bus/dead-letters')]);
  element.append(
    h('section', { class: 'panel' }, h('h2', {}, `Rules (${rules.length})`), rules.length === 0 ? h('p', { class: 'muted' }, 'No rules.') : h('div', { class: 'rules' }, rules.map(ruleCard))),
    h('section', { class: 'panel' }, h('h2', {}, 'Recent events'), recent.length === 0 ? h('p', { class: 'muted' }, 'No events since the server started.') : eventTable(recent)),
    h('section', { class: 'panel' }, h('h2', {}, 'Dead letters'), deadLetters.length === 0 ? h('p', { class: 'muted' }, 'None: every delivery reached its target or is still being retried.') : deadLetterTable(deadLetters)),
  );
  return { element };
}

function ruleCard(rule) {
  return h(
    'article',
    { class: 'rule card' },
    h('header', {}, h('h3', {}, rule.Name), h('span', { class: `badge ${rule.State === 'ENABLED' ? 'status-succeeded' : 'status-aborted'}` }, rule.State), h('span', { class: 'muted' }, rule.EventBusName)),
    rule.Description ? h('p', {}, rule.Description) : '',
    rule.ScheduleExpression ? h('p', {}, 'Schedule ', h('code', {}, rule.ScheduleExpression)) : '',
    rule.EventPattern ? h('div', {}, h('h4', {}, 'Pattern'), h('pre', { class: 'code small' }, pretty(rule.EventPattern))) : '',
    h('h4', {}, 'Targets'),
    h('ul', { class: 'targets' }, rule.targets.map((t) => h('li', {}, h('code', {}, t.Arn), t.DeadLetterConfig?.Arn ? h('span', { class: 'muted' }, ` · dead letters to ${t.DeadLetterConfig.Arn}`) : ''))),
  );
}

function eventTable(recent) {
  return h(
    'table',
    { class: 'table compact' },
    h('thead', {}, h('tr', {}, ['Time', 'Bus', 'Source', 'Detail type', 'About', 'Deliveries', ''].map((t) => h('th', {}, t)))),
    h(
      'tbody',
      {},
      recent.map(({ bus, event, queued }) => {
        const details = h('pre', { class: 'code small', hidden: true }, pretty(event));
        return h('tr', {}, h('td', { class: 'muted' }, formatTime(event.time)), h('td', {}, bus), h('td', {}, event.source), h('td', {}, event['detail-type']), h('td', { class: 'about' }, about(event)), h('td', { class: 'num' }, queued), h('td', {}, h('button', { class: 'small ghost', onclick: () => (details.hidden = !details.hidden) }, 'JSON'), details));
      }),
    ),
  );
}

function deadLetterTable(letters) {
  return h(
    'table',
    { class: 'table compact' },
    h('thead', {}, h('tr', {}, ['Sent', 'Queue', 'From', 'Error', 'Message'].map((t) => h('th', {}, t)))),
    h('tbody', {}, letters.map((l) => h('tr', {}, h('td', { class: 'muted' }, formatTime(l.sentAt)), h('td', {}, h('code', {}, l.queueArn)), h('td', {}, l.attributes.RULE_ARN ?? l.attributes.SCHEDULE_ARN ?? ''), h('td', {}, `${l.attributes.ERROR_CODE ?? ''} ${l.attributes.ERROR_MESSAGE ?? ''}`), h('td', {}, h('pre', { class: 'code small' }, pretty(l.body)))))),
  );
}

/** What an event is about, in a few words: the object, the execution, or the start of its detail. */
function about(event) {
  const detail = event.detail ?? {};
  if (detail.object?.key) return `${detail.bucket?.name ?? ''}/${detail.object.key}`;
  if (detail.executionArn) return h('span', {}, h('a', { href: `#/executions/${encodeURIComponent(detail.executionArn)}` }, detail.name ?? detail.executionArn), ` ${detail.status ?? ''}`);
  const text = JSON.stringify(detail);
  return text.length > 80 ? `${text.slice(0, 78)}…` : text;
}
