import { h, clear, badge, time, table, errorBox, number } from '../dom.js';
import { api, isAdmin, path } from '../api.js';

// Published bundles: every version evento publish uploaded, and how the server may run it.
export async function render(container) {
  const detail = h('div', { class: 'detail', 'data-testid': 'published-detail' });
  const list = h('div', {});
  const refresh = async () => {
    const versions = await api('published-bundles');
    clear(list, table([
      { title: 'Bundle', value: (b) => b.bundleId },
      { title: 'Version', value: (b) => b.bundleVersion, class: 'num' },
      { title: 'Artifact', value: (b) => `${b.artifactName} · ${number(b.artifactBytes / 1024, 0)} KiB` },
      { title: 'Components', value: (b) => b.components, class: 'num' },
      { title: 'Run', value: (b) => (b.settings.autorun ? badge('autorun', 'ok') : b.settings.deployable ? badge('deployable', 'warn') : badge('not deployable', 'muted')) },
      { title: 'Instances', value: (b) => `${b.settings.minInstances}–${b.settings.maxInstances}`, class: 'num' },
      { title: 'Published', value: (b) => h('span', {}, time(b.publishedAt), ' by ', b.publishedBy) },
    ], versions, { testid: 'published', empty: 'Nothing is published yet: run evento publish (README, "Publishing bundles").',
      onRow: (b) => show(b, detail, refresh) }));
  };
  await refresh();
  clear(container,
    h('h1', {}, 'Published bundles'),
    h('p', { class: 'muted' }, 'Every version published with ', h('code', {}, 'evento publish'),
      ': its artifact, who published it, and how the server may run it (set here by an administrator, never by the upload).'),
    list,
    detail);
}

async function show(summary, detail, refresh) {
  const { bundle, description } = await api(path('published-bundles', summary.bundleId, String(summary.bundleVersion)));
  const message = h('div', {});
  const admin = isAdmin();
  const s = bundle.settings;
  const field = (name, input) => h('label', {}, h('span', {}, name), input);
  const deployable = h('input', { type: 'checkbox', checked: s.deployable, disabled: !admin, 'data-testid': 'setting-deployable' });
  const autorun = h('input', { type: 'checkbox', checked: s.autorun, disabled: !admin, 'data-testid': 'setting-autorun' });
  const min = h('input', { type: 'number', min: 0, max: 64, value: s.minInstances, disabled: !admin, 'data-testid': 'setting-min' });
  const max = h('input', { type: 'number', min: 1, max: 64, value: s.maxInstances, disabled: !admin, 'data-testid': 'setting-max' });
  const environment = h('textarea', { rows: 3, cols: 50, disabled: !admin, 'data-testid': 'setting-environment' },
    Object.entries(s.environment).map(([k, v]) => `${k}=${v}`).join('\n'));
  const options = h('textarea', { rows: 2, cols: 50, disabled: !admin, 'data-testid': 'setting-jvm' }, s.jvmOptions.join('\n'));
  const lines = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l);
  const save = async (event) => {
    event.preventDefault();
    try {
      const env = Object.fromEntries(lines(environment.value).map((l) => [l.substring(0, l.indexOf('=') < 0 ? l.length : l.indexOf('=')),
        l.indexOf('=') < 0 ? '' : l.substring(l.indexOf('=') + 1)]));
      await api(path('published-bundles', bundle.bundleId, String(bundle.bundleVersion), 'settings'), { method: 'PUT', body: {
        deployable: deployable.checked, autorun: autorun.checked, minInstances: Number(min.value), maxInstances: Number(max.value),
        environment: env, jvmOptions: lines(options.value) } });
      message.replaceChildren(h('p', { class: 'ok', 'data-testid': 'settings-saved' }, 'Saved.'));
      await refresh();
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  };
  const remove = async () => {
    if (!confirm(`Delete ${bundle.bundleId} version ${bundle.bundleVersion} and its artifact?`)) return;
    try {
      await api(path('published-bundles', bundle.bundleId, String(bundle.bundleVersion)), { method: 'DELETE' });
      clear(detail);
      await refresh();
    } catch (error) {
      message.replaceChildren(errorBox(error));
    }
  };
  clear(detail,
    h('h2', {}, `${bundle.bundleId} version ${bundle.bundleVersion}`),
    h('p', {}, `${bundle.artifactName}, ${number(bundle.artifactBytes, 0)} bytes, SHA-256 `, h('code', {}, bundle.artifactSha256)),
    h('h3', {}, 'Components'),
    table([
      { title: 'Component', value: (c) => c.name },
      { title: 'Kind', value: (c) => badge(c.kind.toLowerCase(), 'kind-' + c.kind.toLowerCase()) },
      { title: 'Handles', value: (c) => c.handlers.map((x) => x.payload).join(', ') || '—' },
      { title: 'Sends', value: (c) => [...new Set(c.handlers.flatMap((x) => x.sends || []))].join(', ') || '—' },
    ], description.components, { testid: 'published-components' }),
    h('h3', {}, 'How the server may run it'),
    h('form', { class: 'settings', onsubmit: save },
      field('deployable', deployable), field('autorun', autorun), field('min instances', min), field('max instances', max),
      field('environment (NAME=value per line)', environment), field('JVM options (one per line)', options),
      admin ? h('button', { type: 'submit', 'data-testid': 'settings-save' }, 'Save settings') : h('p', { class: 'muted' }, 'Changing them needs the admin role.')),
    message,
    admin ? h('button', { class: 'danger', onclick: remove, 'data-testid': 'published-delete' }, 'Delete this version') : null);
}
