// The Evento Server console: hash routes, a navigation bar, one module per page.
import { h, clear, errorBox } from './dom.js';
import { session, logout } from './api.js';
import * as loginPage from './pages/login.js';
import * as statusPage from './pages/status.js';
import * as bundlesPage from './pages/bundles.js';
import * as componentsPage from './pages/components.js';
import * as payloadsPage from './pages/payloads.js';
import * as storePage from './pages/store.js';
import * as consumersPage from './pages/consumers.js';
import * as telemetryPage from './pages/telemetry.js';
import * as flowsPage from './pages/flows.js';
import * as graphPage from './pages/graph.js';
import * as publishedPage from './pages/published.js';

const PAGES = [
  ['status', 'Cluster', statusPage],
  ['bundles', 'Bundles', bundlesPage],
  ['published', 'Published', publishedPage],
  ['components', 'Components', componentsPage],
  ['payloads', 'Payloads', payloadsPage],
  ['graph', 'Application graph', graphPage],
  ['flows', 'Flows', flowsPage],
  ['telemetry', 'Telemetry', telemetryPage],
  ['consumers', 'Consumers', consumersPage],
  ['store', 'State store', storePage],
];

const root = document.getElementById('app');

function parse() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [page, ...rest] = path.split('/');
  return { page: page || 'status', rest: rest.map(decodeURIComponent), params: new URLSearchParams(query || '') };
}

async function route() {
  const { page, rest, params } = parse();
  if (page === 'login' || !session()) {
    if (page !== 'login') { location.hash = '#/login'; return; }
    clear(root, h('main', { class: 'login' }, await loginPage.render()));
    return;
  }
  const current = PAGES.find(([id]) => id === page) || PAGES[0];
  const me = session();
  const content = h('main', { class: 'content', 'data-testid': 'page-' + current[0] });
  clear(root,
    h('header', { class: 'top' },
      h('a', { class: 'brand', href: '#/status' }, 'Evento Server'),
      h('nav', {}, PAGES.map(([id, title]) => h('a', { href: '#/' + id, class: id === current[0] ? 'active' : null, 'data-testid': 'nav-' + id }, title))),
      h('span', { class: 'who', 'data-testid': 'who' }, `${me.user} (${me.role})`),
      h('button', { class: 'link', onclick: logout, 'data-testid': 'logout' }, 'Log out')),
    content);
  content.append(h('p', { class: 'loading' }, 'Loading…'));
  try {
    await current[2].render(content, { rest, params });
  } catch (error) {
    clear(content, errorBox(error));
  }
}

window.addEventListener('hashchange', route);
route();
