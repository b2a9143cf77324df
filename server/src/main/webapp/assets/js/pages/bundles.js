import { h, clear, badge, time, table } from '../dom.js';
import { api, isAdmin, path } from '../api.js';
import { listPage, descriptionEditor } from './list.js';

export async function render(container) {
  await listPage(container, {
    title: 'Bundles',
    intro: 'Every bundle that registered with the cluster, its versions and the instances connected now.',
    path: 'catalog/bundles',
    testid: 'bundles',
    filters: [{ name: 'q', label: 'Bundle', placeholder: 'name contains' }],
    columns: [
      { title: 'Bundle', value: (b) => b.bundleId },
      { title: 'Version', value: (b) => b.version, class: 'num' },
      { title: 'Components', value: (b) => b.components, class: 'num' },
      { title: 'Instances', value: (b) => (b.instances.length ? b.instances.map((i) => h('div', {}, `${i.instanceId} on ${i.server}`)) : badge('none connected', 'bad')) },
      { title: 'Registered', value: (b) => time(b.registeredAt) },
    ],
    onRow: (b, detail) => show(b, detail),
  });
}

function show(bundle, detail) {
  clear(detail,
    h('h2', {}, 'Bundle ', bundle.bundleId),
    descriptionEditor(bundle, isAdmin(), (text) => api(path('catalog', 'bundles', bundle.bundleId, 'description'), { method: 'PUT', body: { description: text } })),
    h('p', {}, 'Versions registered: ', bundle.versions.join(', ')),
    table([
      { title: 'Instance', value: (i) => i.instanceId },
      { title: 'Version', value: (i) => i.version },
      { title: 'Server', value: (i) => i.server },
      { title: 'Enabled', value: (i) => (i.enabled ? 'yes' : 'no') },
    ], bundle.instances, { empty: 'No instance is connected.' }),
    h('p', {}, h('a', { href: '#/components?bundle=' + encodeURIComponent(bundle.bundleId) }, 'Its components →')));
}
