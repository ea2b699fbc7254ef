// Routing: the address holds the view and its parameters (#/events?type=CONSULT,
// #/article/<doc_id>?event=<event_id>), so the back button, bookmarks and shared links work.
import { articlePath, getJSON, query } from './api.js';
import { initAnalyze } from './analyze.js';
import { renderArticle } from './article.js';
import { fmt, h } from './dom.js';
import { showEvents } from './events.js';
import { fillChoices, pick, readFilters, writeFilters } from './filters.js';
import { showMap } from './map.js';
import { showNetwork } from './network.js';
import { showTimeline } from './timeline.js';

const form = document.getElementById('filters');
const message = document.getElementById('message');
const FILTERED = ['events', 'timeline', 'network', 'map'];
let current = 'events';

function showError(err) {
  message.hidden = !err;
  if (!err) return;
  message.className = 'message error';
  message.replaceChildren(h('b', {}, err.message), err.fix ? h('span', { class: 'fix' }, 'Fix: ' + err.fix) : '');
}

const navigate = (hash) => { if (location.hash === hash) route(); else location.hash = hash; };

function parse() {
  const [path, search] = location.hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = path.split('/');
  return { view: view || 'events', arg: rest.length ? decodeURIComponent(rest.join('/')) : null,
    params: Object.fromEntries(new URLSearchParams(search || '')) };
}

async function showArticle(section, docId, params) {
  const doc = await getJSON(articlePath(docId));
  renderArticle(section, doc, {
    selected: params.event,
    // Remember the chosen event in the address without re-rendering the article.
    onSelect: (key) => history.replaceState(null, '', `#/article/${encodeURIComponent(docId)}${query({ event: key })}`),
  });
}

const VIEWS = {
  events: (section, r) => showEvents(section, r.params, navigate),
  article: (section, r) => showArticle(section, r.arg, r.params),
  timeline: (section, r) => showTimeline(section, r.params, navigate),
  network: (section, r) => showNetwork(section, r.params, navigate),
  map: (section, r) => showMap(section, r.params, navigate),
  analyze: async () => {},
};

async function route() {
  const r = parse();
  const view = VIEWS[r.view] ? r.view : 'events';
  current = view;
  for (const name of Object.keys(VIEWS)) document.getElementById('view-' + name).hidden = name !== view;
  document.querySelectorAll('#nav a[data-view]').forEach((a) => a.classList.toggle('active', a.dataset.view === view));
  form.hidden = !FILTERED.includes(view);
  if (FILTERED.includes(view)) writeFilters(form, r.params);
  showError(null);
  document.body.dataset.loading = view;
  try {
    await VIEWS[view](document.getElementById('view-' + view), r);
  } catch (err) {
    showError(err);
  } finally {
    delete document.body.dataset.loading;
  }
}

form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const view = FILTERED.includes(current) ? current : 'events';
  const setting = { events: 'sort', timeline: 'bucket', network: 'level' }[view]; // the view's own choice stays
  navigate(`#/${view}` + query({ ...readFilters(form), ...(setting ? { [setting]: parse().params[setting] } : {}) }));
});
document.getElementById('clear-filters').addEventListener('click', () => navigate(`#/${current}`));
// Keep the filters when moving between the filtered views.
document.querySelectorAll('#nav a[data-view]').forEach((a) => a.addEventListener('click', (ev) => {
  if (!FILTERED.includes(a.dataset.view) || !FILTERED.includes(current)) return;
  ev.preventDefault();
  navigate(`#/${a.dataset.view}` + query(pick(readFilters(form))));
}));
initAnalyze(document.getElementById('analyze-form'), document.getElementById('analyze-result'), showError);

getJSON('/api/stats').then((stats) => {
  fillChoices(form, stats);
  document.getElementById('summary').textContent =
    `${fmt(stats.articles)} articles · ${fmt(stats.events)} events · ${stats.writable ? 'ingest enabled' : 'read-only'}`;
  if (FILTERED.includes(parse().view)) writeFilters(form, parse().params);
}).catch(showError);
window.addEventListener('hashchange', route);
route();
