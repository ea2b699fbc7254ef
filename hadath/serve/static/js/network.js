// The actor network: who acts on whom, an arrow per (actor, recipient) pair weighted by events,
// placed by a small force layout (repulsion between all nodes, springs along edges, a pull to
// the centre). A few dozen nodes settle in a few hundred steps, computed before drawing.
import { getJSON, query } from './api.js';
import { fmt, h, s } from './dom.js';
import { pick } from './filters.js';

const PULL = 0.08; // towards the centre: keeps unlinked pairs from drifting off

function layout(nodes, edges, W, H) {
  const n = nodes.length;
  const pos = nodes.map((_, i) => ({ // a circle to start from: the same data, the same picture
    x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / n),
    y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / n),
  }));
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const k = Math.sqrt((W * H) / Math.max(1, n)) * 0.55;
  const maxW = Math.max(1, ...edges.map((e) => e.events));
  for (let step = 0, heat = W / 8; step < 400; step++, heat *= 0.985) {
    const force = pos.map(() => ({ x: 0, y: 0 }));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
        const d = Math.max(1, Math.hypot(dx, dy)), f = (k * k) / d;
        force[i].x += (dx / d) * f; force[i].y += (dy / d) * f;
        force[j].x -= (dx / d) * f; force[j].y -= (dy / d) * f;
      }
    }
    for (const e of edges) {
      const a = index.get(e.source), b = index.get(e.target);
      const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(1, Math.hypot(dx, dy)), f = ((d * d) / k) * (0.3 + 0.7 * Math.sqrt(e.events / maxW));
      force[a].x -= (dx / d) * f; force[a].y -= (dy / d) * f;
      force[b].x += (dx / d) * f; force[b].y += (dy / d) * f;
    }
    pos.forEach((p, i) => {
      force[i].x += (W / 2 - p.x) * PULL; force[i].y += (H / 2 - p.y) * PULL;
      const len = Math.max(1e-9, Math.hypot(force[i].x, force[i].y)), move = Math.min(len, heat);
      p.x += (force[i].x / len) * move; p.y += (force[i].y / len) * move;
    });
  }
  // Fit the result into the frame, leaving room for labels.
  const xs = pos.map((p) => p.x), ys = pos.map((p) => p.y), pad = 60;
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = Math.min((W - 2 * pad) / Math.max(1, x1 - x0), (H - 2 * pad) / Math.max(1, y1 - y0));
  return pos.map((p) => ({ x: pad + (p.x - x0) * scale + (W - 2 * pad - (x1 - x0) * scale) / 2,
    y: pad + (p.y - y0) * scale + (H - 2 * pad - (y1 - y0) * scale) / 2 }));
}

export async function showNetwork(section, params, navigate) {
  const level = params.level || 'country';
  const data = await getJSON('/api/stats/network', { ...pick(params), level });
  const choose = h('select', { onchange: (ev) => navigate('#/network' + query({ ...pick(params), level: ev.target.value })) },
    [['country', 'countries'], ['sector', 'countries and sectors']].map(([v, l]) => h('option', { value: v, selected: v === level }, l)));
  const head = h('div', { class: 'chart-legend' }, h('label', {}, 'Nodes ', choose),
    h('span', { class: 'note' }, 'Arrow: actor → recipient; width: events. Click a node for the events it acts in.'));
  if (!data.edges.length) {
    section.replaceChildren(head, h('p', { class: 'muted' }, 'No event with a coded actor and recipient matches these filters.'));
    return;
  }
  const W = Math.max(600, section.clientWidth || 1100), H = 620;
  const pos = layout(data.nodes, data.edges, W, H);
  const at = new Map(data.nodes.map((node, i) => [node.id, pos[i]]));
  const maxW = Math.max(...data.edges.map((e) => e.events));
  const maxN = Math.max(...data.nodes.map((node) => node.events));
  const radius = (node) => 6 + 16 * Math.sqrt(node.events / maxN);
  const rOf = new Map(data.nodes.map((node) => [node.id, radius(node)]));
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Actor network' },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: 'userSpaceOnUse', orient: 'auto' },
      s('path', { d: 'M0,0 L10,5 L0,10 z', fill: '#8aa1b8' }))));
  for (const e of data.edges) {
    const a = at.get(e.source), b = at.get(e.target);
    const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(1, Math.hypot(dx, dy));
    // Bend every edge to its left, so that A→B and B→A are two distinct arcs.
    const mx = (a.x + b.x) / 2 - (dy / d) * d * 0.12, my = (a.y + b.y) / 2 + (dx / d) * d * 0.12;
    const tx = b.x - ((b.x - mx) / Math.hypot(b.x - mx, b.y - my)) * (rOf.get(e.target) + 2);
    const ty = b.y - ((b.y - my) / Math.hypot(b.x - mx, b.y - my)) * (rOf.get(e.target) + 2);
    svg.append(s('path', { class: 'edge', d: `M${a.x},${a.y} Q${mx},${my} ${tx},${ty}`,
      'stroke-width': 1 + 7 * Math.sqrt(e.events / maxW), 'marker-end': 'url(#arrow)' },
    s('title', {}, `${e.source} → ${e.target}: ${fmt(e.events)} events`)));
  }
  data.nodes.forEach((node, i) => {
    const { x, y } = pos[i];
    svg.append(s('g', { class: 'node', onclick: () => navigate('#/events' + query({ ...pick(params), actor: node.code })) },
      s('circle', { cx: x, cy: y, r: radius(node), fill: '#2c7fb8', 'fill-opacity': 0.85, stroke: '#fff', 'stroke-width': 1.5 }),
      s('text', { x, y: y - radius(node) - 4, 'text-anchor': 'middle' }, node.sector ? `${node.code} ${node.sector}` : node.code),
      s('title', {}, `${node.label}: ${fmt(node.events)} events in the edges shown`)));
  });
  section.replaceChildren(head, svg, h('p', { class: 'note' }, `${data.nodes.length} actors, the ${data.edges.length} heaviest links.`));
}
