import { h, clear, badge, json, table } from '../dom.js';
import { api, isAdmin, path } from '../api.js';
import { listPage, descriptionEditor } from './list.js';

const KINDS = ['', 'DOMAIN_COMMAND', 'SERVICE_COMMAND', 'DOMAIN_EVENT', 'SERVICE_EVENT', 'QUERY', 'VIEW'];
const refs = (list) => (list.length ? list.map((r) => h('div', {}, `${r.component || '(unnamed)'} · ${r.bundleId}`)) : '—');

export async function render(container, { params }) {
  await listPage(container, {
    title: 'Payloads',
    intro: 'Commands, events, queries and views, with their JSON schema, who sends and who handles each.',
    path: 'catalog/payloads',
    testid: 'payloads',
    extraQuery: { q: params.get('q') || '' },
    filters: [
      { name: 'q', label: 'Payload', placeholder: 'name contains', value: params.get('q') || '' },
      { name: 'kind', label: 'Kind', options: KINDS.map((k) => ({ value: k, label: k ? k.toLowerCase().replace('_', ' ') : 'any' })) },
      { name: 'domain', label: 'Domain' },
    ],
    columns: [
      { title: 'Payload', value: (p) => p.name },
      { title: 'Kind', value: (p) => badge((p.kind || '?').toLowerCase().replace('_', ' '), 'kind-' + (p.kind || '').toLowerCase()) },
      { title: 'Domain', value: (p) => p.domain || '—' },
      { title: 'Sent by', value: (p) => refs(p.sentBy) },
      { title: 'Handled by', value: (p) => refs(p.handledBy) },
    ],
    onRow: (p, detail) => show(p, detail),
  });
}

function show(payload, detail) {
  clear(detail,
    h('h2', {}, payload.name),
    h('p', { class: 'muted' }, (payload.kind || '').toLowerCase().replace('_', ' '), payload.domain ? ' · domain ' + payload.domain : ''),
    descriptionEditor(payload, isAdmin(), (text) => api(path('catalog', 'payloads', payload.name, 'description'), { method: 'PUT', body: { description: text } })),
    h('div', { class: 'columns' },
      h('div', {}, h('h3', {}, 'Sent by'), table([{ title: 'Component', value: (r) => r.component || '(unnamed)' }, { title: 'Bundle', value: (r) => r.bundleId }], payload.sentBy)),
      h('div', {}, h('h3', {}, 'Handled by'), table([{ title: 'Component', value: (r) => r.component }, { title: 'Bundle', value: (r) => r.bundleId }], payload.handledBy))),
    h('h3', {}, 'JSON schema'), payload.schema ? json(payload.schema) : h('p', {}, 'No schema registered.'));
}
