// The filter bar: one set of event filters for the table, the timeline, the network and the map,
// kept in the address (#/view?type=CONSULT&…) so that a view can be bookmarked and shared.
import { h } from './dom.js';

export const FILTERS = ['type', 'country', 'actor', 'sector', 'start', 'end', 'q'];

export function fillChoices(form, stats) {
  const options = (select, items) => select.append(...items.map(([value, label]) => h('option', { value }, label)));
  const perType = Object.fromEntries(stats.per_type.map((c) => [c.key, c.count]));
  options(form.elements.type, stats.types.map((t) => [t, perType[t] ? `${t} (${perType[t]})` : t]));
  options(form.elements.country, stats.countries.map((c) => [c.key, c.label ? `${c.key} — ${c.label}` : c.key]));
  options(form.elements.sector, stats.sectors.map((s) => [s, s]));
}

export function readFilters(form) {
  const out = {};
  for (const name of FILTERS) {
    const value = form.elements[name].value.trim();
    if (value) out[name] = value;
  }
  return out;
}

export function writeFilters(form, params) {
  for (const name of FILTERS) {
    const field = form.elements[name];
    const value = params[name] || '';
    if (field.tagName === 'SELECT' && value && ![...field.options].some((o) => o.value === value)) {
      field.append(h('option', { value }, value)); // a code from a link that the store lists no more
    }
    field.value = value;
  }
}

export const pick = (params) => Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
