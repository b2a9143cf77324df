// Drawings in SVG: the application graph (layered layout), flows (trees), per-minute charts.

const NS = 'http://www.w3.org/2000/svg';

export function s(tag, attributes = {}, ...children) {
  const element = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null) element.setAttribute(name, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

const KIND_CLASS = {
  AGGREGATE: 'k-aggregate', SERVICE: 'k-service', PROJECTOR: 'k-projector', PROJECTION: 'k-projection',
  SAGA: 'k-saga', OBSERVER: 'k-observer', INVOKER: 'k-invoker',
};

function arrowHead(id) {
  return s('defs', {}, s('marker', { id, viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
    s('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' })));
}

function shorten(text, max) {
  return text.length > max ? text.substring(0, max - 1) + '…' : text;
}

/**
 * Layered layout: cycles broken by a depth-first search, layers by longest path from the sources,
 * order within a layer by repeated barycenter sweeps.
 */
export function layout(nodeIds, edges) {
  const outgoing = new Map(nodeIds.map((id) => [id, []]));
  for (const e of edges) if (outgoing.has(e.from) && outgoing.has(e.to) && e.from !== e.to) outgoing.get(e.from).push(e.to);
  const state = new Map();
  const dag = [];
  const visit = (id) => {
    state.set(id, 1);
    for (const to of outgoing.get(id)) {
      if (state.get(to) === 1) continue; // back edge: ignored for layering
      dag.push([id, to]);
      if (!state.has(to)) visit(to);
    }
    state.set(id, 2);
  };
  for (const id of nodeIds) if (!state.has(id)) visit(id);
  const layer = new Map(nodeIds.map((id) => [id, 0]));
  for (let changed = true, guard = 0; changed && guard < nodeIds.length + 1; guard++) {
    changed = false;
    for (const [from, to] of dag) {
      if (layer.get(to) < layer.get(from) + 1) { layer.set(to, layer.get(from) + 1); changed = true; }
    }
  }
  const layers = [];
  for (const id of nodeIds) (layers[layer.get(id)] ||= []).push(id);
  const position = new Map();
  const index = () => layers.forEach((ids) => ids.forEach((id, i) => position.set(id, i)));
  index();
  const preds = new Map(nodeIds.map((id) => [id, []]));
  const succs = new Map(nodeIds.map((id) => [id, []]));
  for (const [from, to] of dag) { preds.get(to).push(from); succs.get(from).push(to); }
  const center = (ids) => (ids.length ? ids.reduce((sum, id) => sum + position.get(id), 0) / ids.length : null);
  for (let sweep = 0; sweep < 6; sweep++) {
    const down = sweep % 2 === 0;
    const order = down ? layers.slice(1) : layers.slice(0, -1).reverse();
    for (const ids of order) {
      const keys = new Map(ids.map((id) => [id, center(down ? preds.get(id) : succs.get(id)) ?? position.get(id)]));
      ids.sort((a, b) => keys.get(a) - keys.get(b));
      ids.forEach((id, i) => position.set(id, i));
    }
  }
  return { layers, layerOf: layer, position };
}

/** The application graph: {nodes: [{id, component, bundleId, kind}], edges: [{from, to, payload, kind, messages}]}. */
export function graphSvg(graph) {
  const W = 190; const H = 46; const GX = 190; const GY = 34;
  const { layers } = layout(graph.nodes.map((n) => n.id), graph.edges);
  const tallest = Math.max(1, ...layers.map((l) => l.length));
  const width = layers.length * (W + GX) + 40;
  const height = tallest * (H + GY) + 40;
  const at = new Map();
  layers.forEach((ids, l) => {
    const offset = ((tallest - ids.length) * (H + GY)) / 2;
    ids.forEach((id, i) => at.set(id, { x: 20 + l * (W + GX), y: 20 + offset + i * (H + GY) }));
  });
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const grouped = new Map();
  for (const e of graph.edges) {
    const key = e.from + '>' + e.to;
    (grouped.get(key) || grouped.set(key, []).get(key)).push(e);
  }
  const edgeShapes = [...grouped.values()].map((group) => {
    const a = at.get(group[0].from); const b = at.get(group[0].to);
    if (!a || !b) return null;
    const forward = b.x > a.x;
    const x1 = forward ? a.x + W : a.x + W / 2; const y1 = forward ? a.y + H / 2 : a.y + H;
    const x2 = forward ? b.x : b.x + W / 2; const y2 = forward ? b.y + H / 2 : b.y + H;
    const bend = forward ? Math.max(40, (x2 - x1) / 2) : 60;
    const d = forward ? `M ${x1} ${y1} C ${x1 + bend} ${y1}, ${x2 - bend} ${y2}, ${x2} ${y2}`
      : `M ${x1} ${y1} C ${x1} ${y1 + bend}, ${x2} ${y2 + bend}, ${x2} ${y2}`;
    const label = group.map((e) => e.payload).join(', ');
    const mx = (x1 + x2) / 2; const my = forward ? (y1 + y2) / 2 - 4 : Math.max(y1, y2) + bend * 0.75;
    const kinds = group.map((e) => e.kind || '').join(' ');
    return s('g', { class: 'edge ' + (kinds.includes('EVENT') ? 'e-event' : kinds.includes('QUERY') ? 'e-query' : 'e-command'), 'data-testid': 'graph-edge' },
      s('path', { d, 'marker-end': 'url(#graph-arrow)' }),
      s('text', { x: mx, y: my, 'text-anchor': 'middle' }, s('title', {}, label), shorten(label, 34)));
  });
  const nodeShapes = graph.nodes.map((n) => {
    const p = at.get(n.id);
    return s('g', { class: 'node ' + (KIND_CLASS[n.kind] || 'k-unknown'), transform: `translate(${p.x},${p.y})`, 'data-testid': 'graph-node', 'data-node': n.id },
      s('title', {}, `${n.bundleId} / ${n.component} (${n.kind || 'sender'})`),
      s('rect', { width: W, height: H, rx: 8 }),
      s('text', { x: W / 2, y: 19, 'text-anchor': 'middle', class: 'name' }, shorten(n.component || '(unnamed)', 26)),
      s('text', { x: W / 2, y: 36, 'text-anchor': 'middle', class: 'sub' }, `${(n.kind || 'sender').toLowerCase()} · ${n.bundleId}`));
  });
  return s('svg', { class: 'graph', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'application graph', 'data-testid': 'graph' },
    arrowHead('graph-arrow'), edgeShapes, nodeShapes);
}

/** A flow: steps as boxes from left to right, the bottleneck outlined. */
export function flowSvg(flow) {
  const W = 230; const H = 74; const GX = 60; const GY = 18;
  const boxes = [];
  let row = 0;
  const place = (step, depth) => {
    const start = row;
    step.next.forEach((child) => place(child, depth + 1));
    const y = step.next.length ? (start + row - 1) / 2 : row++;
    boxes.push({ step, depth, y });
    return y;
  };
  const roots = flow.steps.map((step) => place(step, 1));
  const depth = Math.max(1, ...boxes.map((b) => b.depth)) + 1;
  const width = depth * (W + GX) + 20;
  const height = Math.max(1, row) * (H + GY) + 30;
  const xy = (d, y) => ({ x: 10 + d * (W + GX), y: 15 + y * (H + GY) });
  const rootBox = xy(0, (row - 1) / 2);
  const pos = new Map(boxes.map((b) => [b.step.id, xy(b.depth, b.y)]));
  const link = (a, b, label) => {
    const x1 = a.x + W; const y1 = a.y + H / 2; const x2 = b.x; const y2 = b.y + H / 2;
    return s('g', { class: 'edge e-flow' },
      s('path', { d: `M ${x1} ${y1} C ${x1 + GX / 2} ${y1}, ${x2 - GX / 2} ${y2}, ${x2} ${y2}`, 'marker-end': 'url(#flow-arrow)' }),
      label ? s('title', {}, label) : null);
  };
  const links = [];
  flow.steps.forEach((step) => links.push(link(rootBox, pos.get(step.id), step.payload)));
  for (const b of boxes) for (const child of b.step.next) links.push(link(pos.get(b.step.id), pos.get(child.id), child.payload));
  const stepBox = (b) => {
    const p = pos.get(b.step.id);
    const st = b.step;
    const isBottleneck = st.id === flow.bottleneck;
    return s('g', { class: 'node ' + (KIND_CLASS[st.kind] || '') + (isBottleneck ? ' bottleneck' : ''), transform: `translate(${p.x},${p.y})`,
      'data-testid': isBottleneck ? 'flow-bottleneck' : 'flow-step', 'data-step': st.id },
    s('title', {}, st.id),
    s('rect', { width: W, height: H, rx: 8 }),
    s('text', { x: 10, y: 17, class: 'name' }, shorten(`${st.component}`, 30)),
    s('text', { x: 10, y: 33, class: 'sub' }, shorten(`on ${st.payload} · ${st.kind.toLowerCase()}`, 36)),
    s('text', { x: 10, y: 49, class: 'sub' }, `${st.meanMillis ? st.meanMillis.toFixed(1) + ' ms' : 'not measured'} · ×${st.ratio.toFixed(2)} · ${st.servers} server${st.servers === 1 ? '' : 's'}`),
    s('text', { x: 10, y: 65, class: 'cap' }, st.capacity == null ? 'capacity: —' : `capacity: ${st.capacity.toFixed(1)}/s`));
  };
  const root = s('g', { class: 'node k-root', transform: `translate(${rootBox.x},${rootBox.y})` },
    s('rect', { width: W, height: H, rx: 8 }),
    s('text', { x: 10, y: 22, class: 'name' }, shorten(flow.root, 30)),
    s('text', { x: 10, y: 40, class: 'sub' }, flow.kind.toLowerCase().replace('_', ' ')),
    s('text', { x: 10, y: 58, class: 'sub' }, shorten('from ' + (flow.senders.join(', ') || 'outside'), 36)));
  void roots;
  return s('svg', { class: 'flow', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'flow ' + flow.root, 'data-testid': 'flow-drawing' },
    arrowHead('flow-arrow'), links, root, boxes.map(stepBox));
}

/** Per-minute bars of invocations with the mean service time as a line. */
export function seriesSvg(points) {
  const W = 720; const H = 180; const P = 30;
  if (!points.length) return s('svg', { width: W, height: 40 }, s('text', { x: 10, y: 25 }, 'no invocations in this window'));
  const maxCount = Math.max(1, ...points.map((p) => p.invocations));
  const maxMean = Math.max(1, ...points.map((p) => p.meanMillis));
  const step = (W - 2 * P) / points.length;
  const bars = points.map((p, i) => s('rect', { class: 'bar', x: P + i * step + 1, width: Math.max(1, step - 2),
    y: H - P - ((H - 2 * P) * p.invocations) / maxCount, height: ((H - 2 * P) * p.invocations) / maxCount },
  s('title', {}, `${new Date(p.minute).toLocaleTimeString()}: ${p.invocations} invocations, mean ${p.meanMillis.toFixed(1)} ms`)));
  const line = points.map((p, i) => `${i ? 'L' : 'M'} ${P + i * step + step / 2} ${H - P - ((H - 2 * P) * p.meanMillis) / maxMean}`).join(' ');
  return s('svg', { class: 'series', width: W, height: H, viewBox: `0 0 ${W} ${H}`, 'data-testid': 'series' },
    s('line', { x1: P, y1: H - P, x2: W - P, y2: H - P, class: 'axis' }), bars, s('path', { d: line, class: 'mean' }),
    s('text', { x: P, y: 14, class: 'sub' }, `bars: invocations per minute (max ${maxCount}) · line: mean service time (max ${maxMean.toFixed(1)} ms)`));
}
