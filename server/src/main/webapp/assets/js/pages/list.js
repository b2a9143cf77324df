// A paged, filtered list backed by an API endpoint answering {items, page, size, total}.
import { h, clear, table, pager, filterForm, errorBox } from '../dom.js';
import { api } from '../api.js';

export async function listPage(container, { title, intro, path, filters = [], columns, onRow, testid, size = 25, extraQuery = {} }) {
  const results = h('div', {});
  const detail = h('div', { class: 'detail', 'data-testid': testid + '-detail' });
  let query = {};
  const load = async (page) => {
    try {
      const answer = await api(path, { query: { ...extraQuery, ...query, page, size } });
      clear(results, table(columns, answer.items, { onRow: onRow ? (row) => onRow(row, detail) : null, testid }), pager(answer, load));
    } catch (error) {
      clear(results, errorBox(error));
    }
  };
  const { form } = filterForm(filters, (values) => { query = values; load(0); });
  clear(container, h('h1', {}, title), intro ? h('p', { class: 'muted' }, intro) : null, form, results, detail);
  await load(0);
}

/** A description an admin can edit; save(text) stores it. */
export function descriptionEditor(subject, editable, save) {
  // subject: the listed entry; it is updated in place after a save, so reopening it from the same
  // list shows the new text without reloading the page.
  const view = h('p', { class: 'description', 'data-testid': 'description' }, subject.description || 'No description yet.');
  if (!editable) return view;
  const area = h('textarea', { rows: 3, cols: 60, maxlength: 4000, 'data-testid': 'description-input' });
  area.value = subject.description || '';
  const message = h('span', { class: 'muted' });
  return h('div', { class: 'editor' }, view, area,
    h('button', {
      'data-testid': 'description-save',
      onclick: async () => {
        try {
          const saved = await save(area.value);
          subject.description = saved && 'description' in saved ? saved.description : (area.value || null);
          view.textContent = subject.description || 'No description yet.';
          message.textContent = 'saved';
        } catch (error) {
          message.replaceChildren(errorBox(error));
        }
      },
    }, 'Save description'), message);
}
