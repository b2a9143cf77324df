import { h, clear, badge, time, table } from '../dom.js';
import { api } from '../api.js';

export async function render(container) {
  const status = await api('status');
  clear(container,
    h('h1', {}, 'Cluster'),
    h('section', { class: 'cards' },
      h('div', { class: 'card' }, h('h3', {}, 'System State Store'),
        h('dl', {}, h('dt', {}, 'mode'), h('dd', {}, status.store.mode), h('dt', {}, 'head'), h('dd', { 'data-testid': 'store-head' }, status.store.head),
          h('dt', {}, 'schema'), h('dd', {}, status.store.schemaVersion), h('dt', {}, 'store id'), h('dd', {}, status.store.storeId))),
      h('div', { class: 'card' }, h('h3', {}, 'Cluster'),
        h('dl', {}, h('dt', {}, 'technology'), h('dd', {}, status.kind), h('dt', {}, 'server instances'), h('dd', {}, status.members.length),
          h('dt', {}, 'bundle connections'), h('dd', {}, status.members.reduce((n, m) => n + m.connections, 0))))),
    h('h2', {}, 'Server instances'),
    table([
      { title: 'Instance', value: (m) => h('span', {}, m.instanceId, m.self ? ' (this one)' : '') },
      { title: 'URL', value: (m) => m.url || '—' },
      { title: 'Health', value: (m) => badge(m.ready ? 'ready' : m.stale ? 'stale' : 'not ready', m.ready ? 'ok' : 'bad') },
      { title: 'In cluster', value: (m) => (m.inCluster ? 'yes' : 'no') },
      { title: 'Connections', value: (m) => m.connections, class: 'num' },
      { title: 'Requests in flight', value: (m) => m.requests, class: 'num' },
      { title: 'Invocations in flight', value: (m) => m.invocations, class: 'num' },
      { title: 'Bundles', value: (m) => m.bundles.map((b) => h('div', {}, `${b.bundleId} v${b.version} · ${b.instanceId}`, b.enabled ? '' : ' (disabled)')) },
      { title: 'Reported', value: (m) => time(m.reportedAt) },
    ], status.members, { testid: 'members' }));
}
