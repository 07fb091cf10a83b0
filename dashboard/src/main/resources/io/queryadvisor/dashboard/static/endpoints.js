'use strict';
/*
 * The Endpoints view of the Query Advisor dashboard: every endpoint (requests, statements and time
 * in the database per request, errors) and, for the one selected, the queries it ran. Like app.js,
 * it puts every value from the API on the page through textContent, never as markup.
 */
window.QueryAdvisorEndpoints = ({ $, el, count, millis, fetchJson }) => {
  let selected = null;
  // A dash where a figure has no meaning: statements outside any request have no requests.
  const perRequest = (e, value, format) => (e.requests > 0 ? format(value) : '\u2013');

  const COLUMNS = [
    ['Requests', e => count(e.requests)],
    ['Statements', e => count(e.statements)],
    ['Statements/request p50', e => perRequest(e, e.statementsPerRequestP50, count)],
    ['Statements/request p95', e => perRequest(e, e.statementsPerRequestP95, count)],
    ['DB ms/request p50', e => perRequest(e, e.dbMillisPerRequestP50, millis)],
    ['DB ms/request p95', e => perRequest(e, e.dbMillisPerRequestP95, millis)],
    ['Total ms', e => millis(e.totalMillis)],
    ['Errors', e => count(e.errors)],
  ];

  function head(labels) {
    const tr = el('tr');
    labels.forEach((label, i) => tr.append(el('th', i ? 'num' : null, label)));
    return tr;
  }

  function row(e) {
    const tr = el('tr');
    tr.dataset.id = e.id;
    if (e.id === selected) tr.className = 'selected';
    const name = el('button', 'endpoint', e.endpoint);
    name.type = 'button';
    name.addEventListener('click', () => {
      selected = e.id;
      history.replaceState(null, '', '#endpoints/' + e.id); // a link to this endpoint
      refresh();
    });
    const cell = el('td');
    cell.append(name);
    tr.append(cell);
    for (const [, figure] of COLUMNS) tr.append(el('td', 'num', figure(e)));
    if (e.errors > 0) tr.lastChild.classList.add('warn');
    return tr;
  }

  function renderDetail(detail) {
    if (!detail) {
      $('endpoint-detail').replaceChildren();
      return;
    }
    const table = el('table', 'queries');
    const thead = el('thead');
    thead.append(head(['Statement', 'Executions', 'Total ms']));
    const tbody = el('tbody');
    for (const q of detail.queries) {
      const tr = el('tr');
      const sql = el('td');
      sql.append(el('code', 'sql', q.fingerprint));
      tr.append(sql, el('td', 'num', count(q.count)), el('td', 'num', millis(q.totalMillis)));
      tbody.append(tr);
    }
    table.append(thead, tbody);
    $('endpoint-detail').replaceChildren(el('h2', null, 'Queries of ' + detail.endpoint.endpoint), table);
  }

  async function refresh() {
    const page = await fetchJson('api/endpoints');
    $('endpoint-head').replaceChildren(head(['Endpoint', ...COLUMNS.map(([label]) => label)]));
    $('endpoint-rows').replaceChildren(...page.endpoints.map(row));
    $('endpoints-empty').hidden = page.endpoints.length > 0;
    if (selected && !page.endpoints.some(e => e.id === selected)) selected = null;
    renderDetail(selected ? await fetchJson('api/endpoints/' + encodeURIComponent(selected)) : null);
  }

  /** Shows the queries of the endpoint with this id (from a #endpoints/{id} link). */
  function select(id) {
    selected = id;
  }

  return { refresh, select };
};
