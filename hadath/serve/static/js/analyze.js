// Paste an article, see it analysed: POST /api/analyze, shown by the same article view.
import { postJSON } from './api.js';
import { renderArticle } from './article.js';

export function initAnalyze(form, result, showError) {
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const body = form.elements.text.value;
    const request = { title: form.elements.title.value || null, published: form.elements.published.value || null };
    if (body.trimStart().startsWith('<')) request.html = body; else request.text = body;
    const button = form.querySelector('button');
    button.disabled = true;
    button.textContent = 'Analysing…';
    try {
      const doc = await postJSON('/api/analyze', request);
      renderArticle(result, doc, { meta: `analysed just now${doc.published ? ' · published ' + doc.published : ''} · not stored` });
      showError(null);
    } catch (err) {
      showError(err);
    } finally {
      button.disabled = false;
      button.textContent = 'Analyse';
    }
  });
}
