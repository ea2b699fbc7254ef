// The article view: the text right-to-left with every annotation drawn from its spans, and the
// event list beside it. One renderer for a stored article and for a text just analysed: both
// arrive in the shape of Doc.to_dict().
import { badge } from './colors.js';
import { codes, h } from './dom.js';

const KINDS = [
  ['event', 'Events'], ['actor', 'Actors'], ['place', 'Places'], ['time', 'Times'], ['quote', 'Quotes'],
];

const who = (ps) => ps.map((p) => [p.entity_text, codes(p.code, p.sector)].filter(Boolean).join(' ')).join('، ') || '—';

// Annotations as {kind, key, start, end, label} per field ("title" | "text").
function annotations(doc, events) {
  const out = { title: [], text: [] };
  const add = (kind, key, spans, label, type) => {
    for (const sp of spans || []) out[sp.field]?.push({ kind, key, start: sp.start, end: sp.end, label, type });
  };
  for (const a of doc.actors || []) {
    const label = `Actor: ${a.entity_text} ${codes(a.code, a.sector)}${a.name_en ? ` (${a.name_en})` : ''}`;
    const mentions = a.mentions?.length ? a.mentions : [a];
    for (const m of mentions) add('actor', a.id, m.spans, label);
  }
  for (const e of events) add('event', e.key, e.spans, `${e.event}${e.mode ? ' / ' + e.mode : ''}: ${who(e.actor)} → ${who(e.recipient)}`, e.event);
  for (const q of doc.quotes || []) add('quote', null, q.spans, `Quote (${q.kind}) by ${q.speaker?.entity_text || 'unknown speaker'}`);
  for (const t of doc.times || []) add('time', null, t.spans, `Time: ${t.text} = ${t.value}`);
  for (const p of doc.places || []) add('place', null, p.spans, `Place: ${p.name_en} (${p.country}) ${p.lat}, ${p.lon}`);
  return out;
}

// The field cut at every span boundary; each piece carries the classes of all spans covering it,
// so nested and overlapping annotations (an actor inside an event's evidence) all stay visible.
function highlighted(text, spans) {
  const cuts = new Set([0, text.length]);
  for (const sp of spans) {
    cuts.add(Math.max(0, Math.min(text.length, sp.start)));
    cuts.add(Math.max(0, Math.min(text.length, sp.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [from, to] = [points[i], points[i + 1]];
    const piece = text.slice(from, to);
    const on = spans.filter((sp) => sp.start <= from && sp.end >= to);
    if (!on.length) { out.push(piece); continue; }
    const events = on.filter((sp) => sp.kind === 'event');
    out.push(h('span', {
      class: ['hl', ...new Set(on.map((sp) => 'hl-' + sp.kind))].join(' '),
      title: [...new Set(on.map((sp) => sp.label))].join('\n'),
      dataset: events.length ? { events: events.map((sp) => sp.key).join(' '), types: [...new Set(events.map((sp) => sp.type))].join(' ') } : null,
    }, piece));
  }
  return out;
}

// Where an event is first reported: the title comes before the text.
const position = (e) => {
  const first = (e.spans || [])[0];
  return first ? (first.field === 'title' ? 0 : 1e9) + first.start : 2e9;
};

export function renderArticle(container, doc, { selected, onSelect, meta } = {}) {
  const events = (doc.events || []).map((e, i) => ({ ...e, key: e.event_id || `e${i}` }))
    .sort((a, b) => position(a) - position(b));
  const spans = annotations(doc, events);
  const root = h('div', { class: 'reader' });
  const counts = { event: events.length, actor: doc.actors?.length || 0, place: doc.places?.length || 0, time: doc.times?.length || 0, quote: doc.quotes?.length || 0 };
  const legend = h('div', { class: 'legend' }, KINDS.map(([kind, label]) => h('label', {},
    h('input', { type: 'checkbox', checked: true, onchange: (ev) => root.classList.toggle('hide-' + kind, !ev.target.checked) }),
    h('span', { class: `swatch hl-${kind}` }), `${label} (${counts[kind]})`)));
  const textPane = h('div', {},
    h('div', { class: 'meta' }, meta || [doc.published, doc.source, doc.doc_id].filter(Boolean).join(' · '),
      doc.url ? [' · ', h('a', { href: doc.url, target: '_blank', rel: 'noopener noreferrer' }, 'source page')] : null),
    h('h2', { class: 'title', dir: 'rtl', lang: 'ar' }, highlighted(doc.title || '', spans.title)),
    legend,
    h('div', { class: 'body', dir: 'rtl', lang: 'ar' }, highlighted(doc.text || '', spans.text)));

  const items = new Map();
  const select = (key, { scroll = true } = {}) => {
    root.querySelectorAll('.selected').forEach((el) => el.classList.remove('selected', 'flash'));
    const marks = [...root.querySelectorAll('.hl.hl-event')].filter((el) => el.dataset.events.split(' ').includes(key));
    for (const el of marks) {
      el.classList.add('selected');
      void el.offsetWidth; // restart the flash animation when the same event is chosen again
      el.classList.add('flash');
    }
    items.get(key)?.classList.add('selected');
    if (scroll) {
      marks[0]?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      items.get(key)?.scrollIntoView({ block: 'nearest' });
    }
    onSelect?.(key);
  };
  const eventList = h('ol', {}, events.map((e) => {
    const li = h('li', { class: 'event', dataset: { key: e.key, type: e.event }, onclick: () => select(e.key) },
      h('div', {}, badge(e.event), ' ', h('span', { class: 'code' }, [e.mode, e.date || e.day].filter(Boolean).join(' · '))),
      h('div', { class: 'who', dir: 'rtl', lang: 'ar' }, who(e.actor), ' ← ', who(e.recipient)),
      e.event_loc ? h('div', { class: 'code' }, '@ ', h('span', { class: 'ar' }, e.event_loc.text || ''), ' ', e.event_loc.country || '') : null,
      h('div', { class: 'evidence', dir: 'rtl', lang: 'ar' }, '«', e.event_text, '»'));
    items.set(e.key, li);
    return li;
  }));
  const list = (title, rows) => h('details', {}, h('summary', {}, `${title} (${rows.length})`), h('ol', {}, rows));
  const side = h('aside', { class: 'side' },
    h('h3', {}, 'Events — click to see the evidence'), events.length ? eventList : h('p', { class: 'muted' }, 'No event found.'),
    list('Actors', (doc.actors || []).map((a) => h('li', {}, h('span', { class: 'ar', dir: 'rtl' }, a.entity_text), ' ',
      h('span', { class: 'code' }, codes(a.code, a.sector)), a.name_en ? ` ${a.name_en}` : '', ` ×${a.mentions?.length || 1}`))),
    list('Quotes', (doc.quotes || []).map((q) => h('li', { dir: 'rtl', lang: 'ar' }, h('b', {}, q.speaker?.entity_text || '؟'), ': ', q.text))),
    list('Times', (doc.times || []).map((t) => h('li', {}, h('span', { class: 'ar', dir: 'rtl' }, t.text), ' → ', h('span', { class: 'code' }, t.value)))),
    list('Places', (doc.places || []).map((p) => h('li', {}, h('span', { class: 'ar', dir: 'rtl' }, p.text), ` → ${p.name_en} `, h('span', { class: 'code' }, p.country)))));

  root.append(textPane, side);
  root.addEventListener('click', (ev) => {
    const mark = ev.target.closest?.('.hl.hl-event');
    if (mark && !root.classList.contains('hide-event')) select(mark.dataset.events.split(' ')[0]);
  });
  container.replaceChildren(root);
  if (selected && items.has(selected)) requestAnimationFrame(() => select(selected));
}
