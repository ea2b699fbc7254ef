// The timeline: matching events per period, stacked by type, drawn as SVG. A bar opens the
// events of its period.
import { getJSON, query } from './api.js';
import { typeColor, TYPE_COLORS } from './colors.js';
import { fmt, h, s } from './dom.js';
import { pick } from './filters.js';

const DAY = 86400000;
const iso = (t) => new Date(t).toISOString().slice(0, 10);

// Every period from the first to the last, empty ones included, so the axis is true to time.
function periods(start, end, bucket) {
  const out = [];
  let t = Date.parse(start + 'T00:00:00Z');
  const last = Date.parse(end + 'T00:00:00Z');
  if (bucket === 'week') t -= ((new Date(t).getUTCDay() + 6) % 7) * DAY; // weeks start on Monday
  if (bucket === 'month') t = Date.UTC(new Date(t).getUTCFullYear(), new Date(t).getUTCMonth(), 1);
  while (t <= last && out.length < 5000) {
    out.push(iso(t));
    if (bucket === 'month') { const d = new Date(t); t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1); } else t += (bucket === 'week' ? 7 : 1) * DAY;
  }
  return out;
}

// A round step (1, 2 or 5 times a power of ten) giving about four gridlines.
function step(max) {
  const raw = Math.max(1, max / 4), power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((v) => v >= raw);
}

function periodEnd(start, bucket) {
  const d = new Date(start + 'T00:00:00Z');
  if (bucket === 'month') return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0));
  return iso(d.getTime() + ((bucket === 'week' ? 7 : 1) - 1) * DAY);
}

export async function showTimeline(section, params, navigate) {
  const bucket = params.bucket || 'auto';
  const data = await getJSON('/api/stats/timeline', { ...pick(params), bucket });
  const choose = h('select', { onchange: (ev) => navigate('#/timeline' + query({ ...pick(params), bucket: ev.target.value })) },
    ['auto', 'day', 'week', 'month'].map((b) => h('option', { value: b, selected: b === bucket }, b)));
  const head = h('div', { class: 'chart-legend' }, h('label', {}, 'Period ', choose));
  if (!data.periods.length) {
    section.replaceChildren(head, h('p', { class: 'muted' }, 'No dated event matches these filters.'));
    return;
  }
  const counts = Object.fromEntries(data.periods.map((p) => [p.period, p.counts]));
  const axis = periods(data.periods[0].period, data.end, data.bucket);
  const types = Object.keys(TYPE_COLORS).filter((t) => data.periods.some((p) => p.counts[t]));
  const totals = axis.map((p) => Object.values(counts[p] || {}).reduce((a, b) => a + b, 0));
  const tick = step(Math.max(...totals));
  const max = tick * Math.ceil(Math.max(1, ...totals) / tick);
  const W = Math.max(600, section.clientWidth || 1100), H = 360, left = 44, bottom = 28, top = 10;
  const bw = (W - left - 10) / axis.length;
  const y = (v) => top + (H - top - bottom) * (1 - v / max);
  const svg = s('svg', { class: 'chart', viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': 'Events per period and type' });
  for (let v = 0; v <= max; v += tick) {
    svg.append(s('line', { x1: left, x2: W - 10, y1: y(v), y2: y(v), stroke: '#eee' }),
      s('text', { x: left - 6, y: y(v) + 4, 'text-anchor': 'end' }, fmt(v)));
  }
  const every = Math.ceil(axis.length / 10);
  axis.forEach((period, i) => {
    const x = left + i * bw;
    let base = 0;
    const c = counts[period] || {};
    const tip = `${period} (${data.bucket}): ${fmt(totals[i])} events\n` + types.filter((t) => c[t]).map((t) => `${t} ${c[t]}`).join('\n');
    const group = s('g', { class: 'bar', onclick: () => navigate('#/events' + query({ ...pick(params), start: period, end: periodEnd(period, data.bucket) })) },
      s('title', {}, tip));
    for (const t of types) {
      if (!c[t]) continue;
      group.append(s('rect', { x: x + 0.5, width: Math.max(1, bw - 1), y: y(base + c[t]), height: y(base) - y(base + c[t]), fill: typeColor(t) }));
      base += c[t];
    }
    svg.append(group);
    if (i % every === 0) svg.append(s('text', { x: x + bw / 2, y: H - 10, 'text-anchor': 'middle' }, period));
  });
  const legend = h('div', { class: 'chart-legend' }, types.map((t) => h('span', {}, h('span', { class: 'swatch', style: `background:${typeColor(t)}` }), t)));
  const note = h('p', { class: 'note' }, `${data.start} – ${data.end}, by ${data.bucket}. `,
    data.outside ? `${fmt(data.outside)} matching events are undated or outside this range (set From/To to see them). ` : '',
    'Click a bar for its events.');
  section.replaceChildren(head, legend, svg, note);
}
