import { h, clear, badge, time, table, errorBox, number, filterForm } from '../dom.js';
import { api, isAdmin, path } from '../api.js';
import { listPage } from './list.js';

export async function render(container) {
  await listPage(container, {
    title: 'Consumers',
    intro: 'Projectors, sagas and observers as the bundle instance running each reports it: one consumer per context pattern it reads, with position, lag, dead events.',
    path: 'consumers',
    testid: 'consumers',
    filters: [
      { name: 'q', label: 'Consumer', placeholder: 'id contains' },
      { name: 'kind', label: 'Kind', options: ['', 'projector', 'saga', 'observer'].map((k) => ({ value: k, label: k || 'any' })) },
      { name: 'dead', label: 'Dead events', options: [{ value: '', label: 'any' }, { value: 'true', label: 'only with dead events' }] },
    ],
    columns: [
      { title: 'Consumer', value: (c) => c.consumerId },
      { title: 'Kind', value: (c) => badge(c.kind.toLowerCase(), 'kind-' + c.kind.toLowerCase()) },
      { title: 'Context', value: (c) => h('code', { 'data-testid': 'context' }, c.context || '*') },
      { title: 'Runs on', value: (c) => `${c.instanceId} via ${c.server}` },
      { title: 'Position', value: (c) => c.position || '—' },
      { title: 'Lag', value: (c) => number(c.lag, 0) + (c.lagCapped ? '+' : ''), class: 'num' },
      { title: 'Dead events', value: (c) => (c.deadEventCount ? badge(String(c.deadEventCount), 'bad') : '0'), class: 'num' },
      { title: 'State', value: (c) => (c.stale ? badge('stale', 'bad') : c.retrying ? badge(`stuck (${c.retrying.attempts} attempts)`, 'bad')
        : c.caughtUp ? badge('caught up', 'ok') : badge('catching up', 'warn')) },
      { title: 'Reported', value: (c) => time(c.reportedAt) },
    ],
    onRow: (c, detail) => show(c.consumerId, detail),
  });
}

async function show(consumerId, detail) {
  const c = await api(path('consumers', consumerId));
  const message = h('div', {});
  const act = async (label, request) => {
    message.replaceChildren(h('p', { class: 'muted' }, label + '…'));
    try {
      await request();
      message.replaceChildren(h('p', { class: 'ok', 'data-testid': 'action-done' }, label + ': done. The consumer reports its new state within seconds.'));
      setTimeout(() => show(consumerId, detail), 4000);
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  };
  const admin = isAdmin();
  const reset = filterForm([{ name: 'position', label: 'New position', placeholder: '0.0 replays all' }],
    (v) => act('Position reset', () => api(path('consumers', consumerId, 'position'), { method: 'PUT', body: { position: v.position } })), 'Reset position');
  clear(detail,
    h('h2', {}, consumerId),
    h('p', {}, `context ${c.context || '*'} · position ${c.position || '—'} · lag ${number(c.lag, 0)}${c.lagCapped ? '+' : ''} · ${c.deadEventCount} dead event(s)`),
    c.retrying ? h('p', { class: 'bad' }, `stuck on ${c.retrying.eventType} ${c.retrying.eventId} at ${c.retrying.position}: ${c.retrying.attempts} failed attempts since ${new Date(c.retrying.sinceMillis).toISOString()} — ${c.retrying.error} (the handler retries without end: retries = -1)`) : null,
    message,
    h('h3', {}, 'Dead events'),
    table([
      { title: 'Event', value: (d) => d.eventId },
      { title: 'Type', value: (d) => d.eventType },
      { title: 'Position', value: (d) => d.position },
      { title: 'Attempts', value: (d) => d.attempts, class: 'num' },
      { title: 'Error', value: (d) => h('code', {}, d.error) },
      { title: 'Parked', value: (d) => time(new Date(d.deadAt).toISOString()) },
      { title: '', value: (d) => (d.retry ? badge('retry pending', 'warn') : h('span', { class: 'actions' },
        h('button', { disabled: !admin, title: admin ? null : 'needs the admin role', 'data-testid': 'retry-' + d.eventId,
          onclick: () => act('Retry of ' + d.eventId, () => api(path('consumers', consumerId, 'dead-events', d.eventId, 'retry'), { method: 'POST' })) }, 'Retry'),
        h('button', { disabled: !admin, title: admin ? null : 'needs the admin role', class: 'danger', 'data-testid': 'discard-' + d.eventId,
          onclick: () => confirm('Discard dead event ' + d.eventId + '? It will not be processed.')
            && act('Discard of ' + d.eventId, () => api(path('consumers', consumerId, 'dead-events', d.eventId, 'discard'), { method: 'POST' })) }, 'Discard'))) },
    ], c.deadEvents, { testid: 'dead-events', empty: 'No dead events.' }),
    admin ? h('div', {}, h('h3', {}, 'Replay'), reset.form) : null);
}
