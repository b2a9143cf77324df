import { h, clear, table, number } from '../dom.js';
import { api } from '../api.js';
import { listPage } from './list.js';
import { seriesSvg } from '../svg.js';

const WINDOWS = [['5', 'last 5 minutes'], ['15', 'last 15 minutes'], ['60', 'last hour'], ['1440', 'last day']];

export async function render(container) {
  await listPage(container, {
    title: 'Telemetry',
    intro: 'Invocations and service times of every handler, summed over all server instances.',
    path: 'telemetry/handlers',
    testid: 'telemetry',
    extraQuery: { minutes: '15' },
    filters: [
      { name: 'minutes', label: 'Window', value: '15', options: WINDOWS.map(([v, l]) => ({ value: v, label: l })) },
      { name: 'bundle', label: 'Bundle' },
      { name: 'q', label: 'Handler', placeholder: 'component or payload' },
    ],
    columns: [
      { title: 'Bundle', value: (t) => t.bundleId },
      { title: 'Component', value: (t) => t.component },
      { title: 'Payload', value: (t) => t.payloadType },
      { title: 'Invocations', value: (t) => number(t.invocations, 0), class: 'num' },
      { title: 'Failures', value: (t) => number(t.failures, 0), class: 'num' },
      { title: 'Mean ms', value: (t) => number(t.meanMillis, 2), class: 'num' },
      { title: 'Max ms', value: (t) => number(t.maxMillis, 2), class: 'num' },
      { title: 'Per second', value: (t) => number(t.perSecond, 3), class: 'num' },
    ],
    onRow: async (t, detail) => {
      const points = await api('telemetry/series', { query: { bundle: t.bundleId, component: t.component, payloadType: t.payloadType, minutes: 60 } });
      clear(detail, h('h2', {}, `${t.component} on ${t.payloadType}`), h('p', { class: 'muted' }, 'last hour, minute by minute'), seriesSvg(points),
        table([{ title: 'Minute', value: (p) => new Date(p.minute).toLocaleTimeString() }, { title: 'Invocations', value: (p) => p.invocations, class: 'num' },
          { title: 'Mean ms', value: (p) => number(p.meanMillis, 2), class: 'num' }, { title: 'Max ms', value: (p) => number(p.maxMillis, 2), class: 'num' }], points));
    },
  });
}
