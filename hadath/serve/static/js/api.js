// The API client: every failure arrives as {"error": {"code", "message", "fix"}}.
export class ApiError extends Error {
  constructor(error, status) {
    super(error.message || `HTTP ${status}`);
    this.fix = error.fix || '';
    this.code = error.code;
    this.status = status;
  }
}

async function parse(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(body.error || {}, response.status);
  return body;
}

export function query(params) {
  const clean = Object.entries(params || {}).filter(([, v]) => v !== '' && v !== null && v !== undefined);
  return clean.length ? '?' + new URLSearchParams(clean).toString() : '';
}

export async function getJSON(path, params) {
  return parse(await fetch(path + query(params), { headers: { Accept: 'application/json' } }));
}

export async function postJSON(path, body) {
  return parse(await fetch(path, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

export const articlePath = (docId) => '/api/articles/' + encodeURIComponent(docId);
