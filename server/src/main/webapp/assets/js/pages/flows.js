import { h, clear, number } from '../dom.js';
import { api, path } from '../api.js';
import { listPage } from './list.js';
import { flowSvg } from '../svg.js';

export async function render(container, { rest }) {
  await listPage(container, {
    title: 'Flows',
    intro: 'The path each command or query entering the system takes through handlers, and what it can sustain: '
      + 'each handler sustains servers × 1000 / (ratio × mean ms) root invocations per second; the smallest is the flow\'s throughput, that handler its bottleneck. '
      + 'It is an upper bound from measured service times: queueing and database contention come on top.',
    path: 'flows',
    testid: 'flows',
    extraQuery: { minutes: '15' },
    filters: [
      { name: 'q', label: 'Root', placeholder: 'payload contains' },
      { name: 'minutes', label: 'Telemetry window', value: '15', options: [['5', '5 minutes'], ['15', '15 minutes'], ['60', 'hour'], ['1440', 'day']].map(([v, l]) => ({ value: v, label: l })) },
    ],
    columns: [
      { title: 'Root', value: (f) => f.root },
      { title: 'Kind', value: (f) => f.kind.toLowerCase().replace('_', ' ') },
      { title: 'Sent by', value: (f) => f.senders.join(', ') || 'outside' },
      { title: 'Rate now /s', value: (f) => number(f.rootRate, 3), class: 'num' },
      { title: 'Sustains /s', value: (f) => (f.throughput == null ? 'not measured' : number(f.throughput, 1)), class: 'num' },
      { title: 'Bottleneck', value: (f) => (f.bottleneck ? f.bottleneck.split(' > ').pop() : '—') },
    ],
    onRow: (f, detail) => show(f, detail),
  });
  if (rest[0]) {
    const detail = container.querySelector('.detail');
    show(await api(path('flows', rest[0])), detail);
  }
}

function show(flow, detail) {
  clear(detail,
    h('h2', {}, 'Flow of ', flow.root),
    h('p', { 'data-testid': 'flow-summary' }, flow.throughput == null ? 'Not measured yet: send some traffic.'
      : `Sustains about ${number(flow.throughput, 1)} ${flow.root} per second; bottleneck: ${flow.bottleneck.split(' > ').pop()}. Measured now: ${number(flow.rootRate, 3)} per second.`),
    h('div', { class: 'drawing' }, flowSvg(flow)));
}
