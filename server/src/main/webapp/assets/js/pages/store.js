import { h, clear, json, time, table, filterForm, errorBox, pager } from '../dom.js';
import { api, path } from '../api.js';

export async function render(container) {
  const head = await api('store/head');
  const events = h('div', {});
  const aggregate = h('div', {});
  const snapshots = h('div', {});
  const eventColumns = [
    { title: 'Position', value: (e) => e.position },
    { title: 'Type', value: (e) => e.type },
    { title: 'Aggregate', value: (e) => (e.aggregateId ? h('a', { href: '#', onclick: (x) => { x.preventDefault(); showAggregate(e.aggregateId); } }, e.aggregateId) : 'service event') },
    { title: 'Seq', value: (e) => e.sequence || '—', class: 'num' },
    { title: 'Context', value: (e) => e.context },
    { title: 'Stored', value: (e) => time(e.createdAt) },
  ];
  const payloadOf = (e, into) => clear(into, h('h3', {}, `${e.type} at ${e.position}`), h('div', { class: 'columns' },
    h('div', {}, h('h4', {}, 'Payload'), json(e.payload)), h('div', {}, h('h4', {}, 'Metadata'), json(e.metadata))));
  const eventDetail = h('div', { class: 'detail' });

  let range = {};
  const loadEvents = async (after) => {
    try {
      const page = await api('store/events', { query: { ...range, after: after ?? range.after } });
      clear(events, table(eventColumns, page.events, { testid: 'events', onRow: (e) => payloadOf(e, eventDetail), empty: 'No events in this range.' }),
        page.more ? h('button', { onclick: () => loadEvents(page.next), 'data-testid': 'events-more' }, `More after ${page.next} ›`) : null);
    } catch (error) {
      clear(events, errorBox(error));
    }
  };
  const eventFilter = filterForm([
    { name: 'after', label: 'After position', placeholder: '0.0' },
    { name: 'before', label: 'Before position' },
    { name: 'type', label: 'Types', placeholder: 'comma separated' },
    { name: 'context', label: 'Context', placeholder: '*' },
    { name: 'aggregate', label: 'Aggregate id' },
    { name: 'from', label: 'Stored from', placeholder: '2026-12-01T10:00:00Z' },
    { name: 'to', label: 'Stored before', placeholder: 'ISO-8601 instant' },
    { name: 'contains', label: 'Payload contains', placeholder: '{"status":"open"}', size: 30 },
    { name: 'limit', label: 'Limit', placeholder: '50', size: 5 },
  ], (values) => { range = values; loadEvents(); }, 'Search events');

  async function showAggregate(id) {
    try {
      const story = await api(path('store', 'aggregates', id), { query: { limit: 500 } });
      clear(aggregate, h('h3', {}, `Aggregate ${story.aggregateId}`),
        h('p', {}, `last sequence ${story.lastSequence}`, story.deleted ? ' · deleted' : ''),
        story.snapshot ? h('div', {}, h('h4', {}, `Snapshot at sequence ${story.snapshot.sequence}`), json(story.snapshot.state)) : h('p', {}, 'No snapshot.'),
        table(eventColumns, story.events, { testid: 'aggregate-events', onRow: (e) => payloadOf(e, eventDetail) }));
    } catch (error) {
      clear(aggregate, errorBox(error));
    }
  }
  const aggregateFilter = filterForm([{ name: 'id', label: 'Aggregate id', size: 40 }], (v) => v.id && showAggregate(v.id), 'Show aggregate');

  let snapshotQuery = '';
  const loadSnapshots = async (page) => {
    try {
      const answer = await api('store/snapshots', { query: { q: snapshotQuery, page, size: 20 } });
      clear(snapshots, table([
        { title: 'Aggregate', value: (x) => x.aggregateId },
        { title: 'Sequence', value: (x) => x.sequence, class: 'num' },
        { title: 'Saved', value: (x) => time(x.updatedAt) },
      ], answer.items, { testid: 'snapshots', onRow: (x) => showAggregate(x.aggregateId) }), pager(answer, loadSnapshots));
    } catch (error) {
      clear(snapshots, errorBox(error));
    }
  };
  const snapshotFilter = filterForm([{ name: 'q', label: 'Aggregate id contains' }], (v) => { snapshotQuery = v.q; loadSnapshots(0); }, 'Find snapshots');

  clear(container,
    h('h1', {}, 'System State Store'),
    h('p', {}, `Head position `, h('strong', { 'data-testid': 'head' }, head.head), ` · mode ${head.mode}`),
    h('h2', {}, 'Events'), eventFilter.form, events, eventDetail,
    h('h2', {}, 'Aggregates'), aggregateFilter.form, aggregate,
    h('h2', {}, 'Snapshots'), snapshotFilter.form, snapshots);
  await Promise.all([loadEvents(), loadSnapshots(0)]);
}
