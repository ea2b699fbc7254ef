// The map: countries shaded by the events located in them, a circle per event place. The world
// outline ships with the package (static/world.json, Natural Earth); nothing comes from a tile
// server. Equirectangular projection, narrowed by the cosine of the middle latitude so that the
// region shown keeps its shape; the wheel zooms, dragging pans.
import { getJSON, query } from './api.js';
import { fmt, h, s } from './dom.js';
import { pick } from './filters.js';

let world = null;

function extent(places) {
  if (!places.length) return [-170, -58, 180, 80];
  let [x0, y0, x1, y1] = [180, 90, -180, -90];
  for (const p of places) { x0 = Math.min(x0, p.lon); x1 = Math.max(x1, p.lon); y0 = Math.min(y0, p.lat); y1 = Math.max(y1, p.lat); }
  // Room around the places, and at least a region's size, so one place is not a close-up.
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const w = Math.max(40, x1 - x0 + 12), hh = Math.max(24, y1 - y0 + 8);
  return [cx - w / 2, Math.max(-85, cy - hh / 2), cx + w / 2, Math.min(85, cy + hh / 2)];
}

const path = (polygons, k) => polygons.map((rings) => rings.map((ring) =>
  'M' + ring.map(([lon, lat]) => `${(lon * k).toFixed(2)},${(-lat).toFixed(2)}`).join('L') + 'Z').join('')).join('');

export async function showMap(section, params, navigate) {
  const [data, outline] = await Promise.all([
    getJSON('/api/stats/places', { ...pick(params), limit: 400 }),
    world || getJSON('/static/world.json'),
  ]);
  world = outline;
  const [x0, y0, x1, y1] = extent(data.places);
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180); // horizontal scale at the middle latitude
  const W = Math.max(600, section.clientWidth || 1100), H = 600;
  let view = { x: x0 * k, y: -y1, w: (x1 - x0) * k, h: y1 - y0 };
  const ratio = W / H; // widen the box to the frame's shape, centred
  if (view.w / view.h < ratio) { const w = view.h * ratio; view.x -= (w - view.w) / 2; view.w = w; } else { const hh = view.w / ratio; view.y -= (hh - view.h) / 2; view.h = hh; }
  const shade = new Map(data.countries.map((c) => [c.key, c]));
  const maxC = Math.max(1, ...data.countries.map((c) => c.count));
  const maxP = Math.max(1, ...data.places.map((p) => p.events));
  const svg = s('svg', { class: 'chart map', viewBox: `${view.x} ${view.y} ${view.w} ${view.h}`, role: 'img', 'aria-label': 'Map of event places', style: `height:${H}px;background:#dbe9f4` });
  const countries = s('g');
  for (const f of world.features) {
    const c = shade.get(f.properties.iso3);
    const t = c ? Math.log(1 + c.count) / Math.log(1 + maxC) : 0;
    countries.append(s('path', { class: 'country', d: path(f.geometry.coordinates, k), style: c ? `fill:rgb(${255 - 20 * t},${236 - 120 * t},${214 - 170 * t})` : null },
      s('title', {}, `${f.properties.name}${c ? `: ${fmt(c.count)} events located here` : ''}`)));
  }
  const spots = s('g');
  const draw = () => {
    const unit = view.w / W; // degrees per pixel: circles keep their size on screen when zooming
    spots.replaceChildren(...data.places.map((p) => s('circle', {
      class: 'spot', cx: p.lon * k, cy: -p.lat, r: (3 + 14 * Math.sqrt(p.events / maxP)) * unit,
      onclick: () => p.country && navigate('#/events' + query({ ...pick(params), country: p.country })),
    }, s('title', {}, `${p.text || ''} (${p.country || '?'}): ${fmt(p.events)} events`))));
    svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.w} ${view.h}`);
  };
  svg.append(countries, spots);
  svg.addEventListener('wheel', (ev) => {
    ev.preventDefault();
    const box = svg.getBoundingClientRect();
    const fx = (ev.clientX - box.left) / box.width, fy = (ev.clientY - box.top) / box.height;
    const z = ev.deltaY < 0 ? 0.8 : 1.25;
    view = { x: view.x + view.w * fx * (1 - z), y: view.y + view.h * fy * (1 - z), w: view.w * z, h: view.h * z };
    draw();
  }, { passive: false });
  let drag = null;
  svg.addEventListener('pointerdown', (ev) => { drag = { x: ev.clientX, y: ev.clientY, view: { ...view } }; });
  svg.addEventListener('pointermove', (ev) => {
    if (!drag) return;
    const box = svg.getBoundingClientRect();
    view = { ...drag.view, x: drag.view.x - ((ev.clientX - drag.x) * view.w) / box.width, y: drag.view.y - ((ev.clientY - drag.y) * view.h) / box.height };
    draw();
  });
  for (const end of ['pointerup', 'pointerleave']) svg.addEventListener(end, () => { drag = null; });
  draw();
  const top = data.countries.slice(0, 8).map((c) => `${c.label || c.key} ${fmt(c.count)}`).join(' · ');
  section.replaceChildren(svg, h('p', { class: 'note' },
    `${fmt(data.places.length)} places. Wheel to zoom, drag to pan, click a place for its country's events. `, top ? `Most events: ${top}.` : ''));
}
