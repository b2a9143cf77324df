// Small DOM helpers. Text always goes in as text nodes, never as HTML: nothing a bundle registers
// or an event carries can inject markup into the console.

export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2).toLowerCase(), value);
    } else if (name === 'class') {
      element.className = value;
    } else if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A table: columns are {title, value(row) -> node or text, class?}; rows clickable when onRow is given. */
export function table(columns, rows, { onRow, testid, empty = 'Nothing to show.' } = {}) {
  if (!rows.length) {
    return h('p', { class: 'empty', 'data-testid': testid ? testid + '-empty' : null }, empty);
  }
  return h('table', { class: 'grid', 'data-testid': testid },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { class: c.class }, c.title)))),
    h('tbody', {}, rows.map((row) => h('tr', {
      class: onRow ? 'clickable' : null,
      onclick: onRow ? () => onRow(row) : null,
    }, columns.map((c) => h('td', { class: c.class }, c.value(row)))))));
}

/** Paging controls for a Page answer {items, page, size, total}. */
export function pager(page, go) {
  const pages = Math.max(1, Math.ceil(page.total / page.size));
  return h('div', { class: 'pager' },
    h('button', { disabled: page.page <= 0, onclick: () => go(page.page - 1), 'data-testid': 'pager-prev' }, '‹ Previous'),
    h('span', {}, `page ${page.page + 1} of ${pages} · ${page.total} in all`),
    h('button', { disabled: page.page + 1 >= pages, onclick: () => go(page.page + 1), 'data-testid': 'pager-next' }, 'Next ›'));
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind || String(text).toLowerCase()}` }, text);
}

export function json(value) {
  return h('pre', { class: 'json' }, value === null || value === undefined ? 'null' : JSON.stringify(value, null, 2));
}

export function time(iso) {
  if (!iso) return '—';
  const date = new Date(iso);
  return h('time', { datetime: iso, title: iso }, date.toLocaleString());
}

export function number(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
}

export function errorBox(error) {
  return h('div', { class: 'error', role: 'alert', 'data-testid': 'error' },
    h('strong', {}, error.code || 'ERROR'), ' ', error.message || String(error));
}

/** A form of labelled inputs; returns {form, values()}. */
export function filterForm(fields, onSubmit, submitText = 'Apply') {
  const inputs = {};
  const form = h('form', { class: 'filters', onsubmit: (e) => { e.preventDefault(); onSubmit(values()); } },
    fields.map((f) => {
      const input = f.options
        ? h('select', { name: f.name, 'data-testid': 'filter-' + f.name },
          f.options.map((o) => h('option', { value: o.value, selected: o.value === (f.value || '') }, o.label)))
        : h('input', { name: f.name, placeholder: f.placeholder || '', value: f.value || '', 'data-testid': 'filter-' + f.name, size: f.size || 18 });
      inputs[f.name] = input;
      return h('label', {}, h('span', {}, f.label), input);
    }),
    h('button', { type: 'submit', 'data-testid': 'filter-apply' }, submitText));
  function values() {
    return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.value.trim()]));
  }
  return { form, values };
}
