// One colour per PLOVER type, cooperative (greens, blues) to conflictual (oranges, reds, purples),
// shared by the table badges, the article's event list and the timeline.
import { h } from './dom.js';

export const TYPE_COLORS = {
  AGREE: '#1b9e77', CONSULT: '#2c7fb8', SUPPORT: '#41ab5d', CONCEDE: '#66a61e',
  COOPERATE: '#08589e', AID: '#4eb3d3', RETREAT: '#7b9fc4', REQUEST: '#e6ab02',
  ACCUSE: '#f46d43', REJECT: '#d73027', THREATEN: '#a50026', PROTEST: '#e7298a',
  SANCTION: '#9e0142', MOBILIZE: '#c51b7d', COERCE: '#762a83', ASSAULT: '#40004b',
};

export const typeColor = (type) => TYPE_COLORS[type] || '#888';
export const badge = (type) => h('span', { class: 'badge', style: `background:${typeColor(type)}` }, type);
