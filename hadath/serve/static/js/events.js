// The events table: one row per reported event, newest first; a row opens its article at the event.
import { getJSON, query } from './api.js';
import { badge } from './colors.js';
import { codes, fmt, h } from './dom.js';
import { pick } from './filters.js';

const PAGE = 50;

const side = (participants) => participants.map((p) => h('div', {},
  h('span', { class: 'ar', dir: 'rtl' }, p.entity_text || '—'), ' ',
  h('span', { class: 'code' }, codes(p.code, p.sector))));

export const articleLink = (docId, eventId) =>
  `#/article/${encodeURIComponent(docId)}` + (eventId ? query({ event: eventId }) : '');

export async function showEvents(section, params, navigate) {
  const offset = Math.max(0, parseInt(params.offset || '0', 10) || 0);
  const sort = params.sort === 'day' ? 'day' : '';
  const page = await getJSON('/api/events', { ...pick(params), sort, limit: PAGE, offset });
  const order = section.querySelector('select[name=sort]');
  order.value = sort || 'reported';
  order.onchange = () => navigate('#/events' + query({ ...pick(params), sort: order.value === 'day' ? 'day' : '' }));
  const body = section.querySelector('tbody');
  body.replaceChildren(...page.items.map((e) => h('tr', {
    dataset: { eventId: e.event_id, type: e.event },
    onclick: () => navigate(articleLink(e.doc_id, e.event_id)),
  },
  h('td', { class: 'code' }, e.day || '—'),
  h('td', {}, badge(e.event), e.mode ? h('div', { class: 'code' }, e.mode) : null),
  h('td', {}, side(e.actor)),
  h('td', {}, side(e.recipient)),
  h('td', {}, e.place ? [h('span', { class: 'ar', dir: 'rtl' }, e.place.text || ''), ' ', h('span', { class: 'code' }, e.place.country || '')] : ''),
  h('td', { class: 'evidence', dir: 'rtl', lang: 'ar', title: e.event_text || '' }, h('div', { class: 'clamp' }, e.event_text || '')),
  h('td', { class: 'article', dir: 'rtl', lang: 'ar' },
    h('div', { class: 'clamp' }, h('a', { href: articleLink(e.doc_id, e.event_id), onclick: (ev) => ev.stopPropagation() }, e.title || e.doc_id)),
    h('div', { class: 'code', dir: 'ltr' }, codes(e.source, e.published))))));
  if (!page.items.length) body.append(h('tr', {}, h('td', { colspan: 7, class: 'muted' }, 'No event matches these filters.')));
  const [newer, label, older] = section.querySelector('.pager').children;
  label.textContent = page.total ? `${fmt(offset + 1)}–${fmt(offset + page.items.length)} of ${fmt(page.total)} events` : '';
  const go = (to) => navigate('#/events' + query({ ...pick(params), sort, offset: to || '' }));
  newer.disabled = offset === 0;
  older.disabled = offset + PAGE >= page.total;
  newer.onclick = () => go(Math.max(0, offset - PAGE));
  older.onclick = () => go(offset + PAGE);
}
