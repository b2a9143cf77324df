import { h, clear, badge, table } from '../dom.js';
import { api, isAdmin, path } from '../api.js';
import { listPage, descriptionEditor } from './list.js';

const KINDS = ['', 'AGGREGATE', 'SERVICE', 'PROJECTOR', 'PROJECTION', 'SAGA', 'OBSERVER', 'INVOKER'];

export async function render(container, { params }) {
  await listPage(container, {
    title: 'Components',
    intro: 'Aggregates, services, projectors, projections, sagas, observers and invokers of every bundle.',
    path: 'catalog/components',
    testid: 'components',
    extraQuery: { bundle: params.get('bundle') || '' },
    filters: [
      { name: 'q', label: 'Component', placeholder: 'name contains' },
      { name: 'kind', label: 'Kind', options: KINDS.map((k) => ({ value: k, label: k ? k.toLowerCase() : 'any' })) },
      { name: 'bundle', label: 'Bundle', value: params.get('bundle') || '' },
    ],
    columns: [
      { title: 'Component', value: (c) => c.name },
      { title: 'Kind', value: (c) => badge(c.kind.toLowerCase(), 'kind-' + c.kind.toLowerCase()) },
      { title: 'Bundle', value: (c) => c.bundleId },
      { title: 'Handlers', value: (c) => c.handlers.length, class: 'num' },
      { title: 'Sends', value: (c) => c.sends.join(', ') || '—' },
      { title: 'Instances', value: (c) => c.instances, class: 'num' },
    ],
    onRow: (c, detail) => show(c, detail),
  });
}

function show(component, detail) {
  clear(detail,
    h('h2', {}, component.name, ' ', badge(component.kind.toLowerCase(), 'kind-' + component.kind.toLowerCase())),
    h('p', { class: 'muted' }, `bundle ${component.bundleId} · version ${component.version}`),
    descriptionEditor(component, isAdmin(), (text) => api(path('catalog', 'components', component.bundleId, component.name, 'description'),
      { method: 'PUT', body: { description: text } })),
    h('h3', {}, 'Handlers'),
    table([
      { title: 'Takes', value: (x) => h('a', { href: '#/payloads?q=' + encodeURIComponent(x.payload) }, x.payload) },
      { title: 'Kind', value: (x) => (x.kind || '').toLowerCase().replace('_', ' ') },
      { title: 'Returns', value: (x) => (x.returns ? x.returns + (x.returnsMany ? ' (list)' : '') : '—') },
      { title: 'Association', value: (x) => x.association || '—' },
      { title: 'Contexts', value: (x) => ((x.contexts || []).length ? (x.contexts || []).join(', ') : '—') },
    ], component.handlers, { empty: 'No handlers (an invoker only sends).' }),
    h('h3', {}, 'Sends'),
    h('p', {}, component.sends.join(', ') || 'Nothing seen sent in the last 7 days.'));
}
