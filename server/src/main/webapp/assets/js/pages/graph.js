import { h, clear, filterForm } from '../dom.js';
import { api } from '../api.js';
import { graphSvg } from '../svg.js';

export async function render(container) {
  const drawing = h('div', { class: 'drawing' });
  const load = async (minutes) => {
    const graph = await api('graph', { query: { minutes } });
    clear(drawing, graph.nodes.length ? graphSvg(graph) : h('p', { class: 'empty' }, 'No bundle has registered yet.'),
      h('p', { class: 'muted' }, `${graph.nodes.length} components, ${graph.edges.length} message paths`));
  };
  const { form } = filterForm([{ name: 'minutes', label: 'Senders seen in', value: '10080',
    options: [['60', 'the last hour'], ['1440', 'the last day'], ['10080', 'the last 7 days']].map(([v, l]) => ({ value: v, label: l })) }],
  (v) => load(v.minutes), 'Redraw');
  clear(container, h('h1', {}, 'Application graph'),
    h('p', { class: 'muted' }, 'Components and the messages between them: commands and queries from the components seen sending them, events from the handlers that return them to every consumer.'),
    h('p', { class: 'legend' }, ['aggregate', 'service', 'projector', 'projection', 'saga', 'observer', 'invoker'].map((k) => h('span', { class: 'badge kind-' + k }, k))),
    form, drawing);
  await load('10080');
}
