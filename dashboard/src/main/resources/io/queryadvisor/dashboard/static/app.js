'use strict';
/*
 * Query Advisor dashboard. Every value that comes from the API (SQL text, call sites, evidence)
 * reaches the page through textContent or createElement, never as markup: SQL can contain
 * anything, including <script>.
 */
(() => {
  const REFRESH_MILLIS = 3000;
  const $ = id => document.getElementById(id);

  const state = {
    view: 'queries',
    paused: false,
    sort: { key: 'totalMillis', descending: true },
    queries: [],
    openFindings: new Set(),
    rules: new Map(),
  };

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function list(items) {
    const ul = el('ul', 'plain');
    for (const item of items) ul.append(el('li', null, item));
    return ul;
  }

  const count = n => Number(n).toLocaleString('en-US');
  const millis = n => Number(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  // One entry per column: numeric ones have a format, the others build their own cell.
  const COLUMNS = [
    { key: 'fingerprint', label: 'Statement', cell: q => el('code', 'sql', q.fingerprint) },
    { key: 'count', label: 'Count', format: count },
    { key: 'totalMillis', label: 'Total ms', format: millis },
    { key: 'meanMillis', label: 'Mean ms', format: millis },
    { key: 'p50Millis', label: 'p50 ms', format: millis },
    { key: 'p95Millis', label: 'p95 ms', format: millis },
    { key: 'p99Millis', label: 'p99 ms', format: millis },
    { key: 'maxMillis', label: 'Max ms', format: millis },
    { key: 'rows', label: 'Rows', format: count },
    { key: 'errors', label: 'Errors', format: count, warn: q => q.errors > 0 },
    {
      key: 'endpoints', label: 'Endpoints (executions)',
      cell: q => list((q.endpoints || []).map(e => e.endpoint + ' \u00d7' + count(e.count))),
      sortValue: q => (q.endpoints && q.endpoints.length ? q.endpoints[0].endpoint : ''),
    },
    {
      key: 'callSites', label: 'Call sites (sampled executions)',
      cell: q => list(q.callSites.map(s => s.callSite + ' \u00d7' + count(s.count))),
      sortValue: q => (q.callSites.length ? q.callSites[0].callSite : ''),
    },
  ];

  function sortValue(column, query) {
    return column.sortValue ? column.sortValue(query) : query[column.key];
  }

  function sortedQueries() {
    const column = COLUMNS.find(c => c.key === state.sort.key);
    const sign = state.sort.descending ? -1 : 1;
    return [...state.queries].sort((a, b) => {
      const x = sortValue(column, a);
      const y = sortValue(column, b);
      return sign * (typeof x === 'string' ? x.localeCompare(y) : x - y);
    });
  }

  function sortBy(column) {
    if (state.sort.key === column.key) {
      state.sort.descending = !state.sort.descending;
    } else {
      // Numbers start with the largest, text with A.
      state.sort = { key: column.key, descending: Boolean(column.format) };
    }
    renderHead();
    renderQueries();
  }

  function renderHead() {
    $('query-head').replaceChildren(...COLUMNS.map(column => {
      const th = el('th', column.format ? 'num' : null);
      const button = el('button', 'sort', column.label);
      button.type = 'button';
      button.addEventListener('click', () => sortBy(column));
      th.append(button);
      if (state.sort.key === column.key) {
        th.setAttribute('aria-sort', state.sort.descending ? 'descending' : 'ascending');
      }
      return th;
    }));
  }

  function renderQueries() {
    const rows = sortedQueries().map(q => {
      const tr = el('tr');
      for (const column of COLUMNS) {
        const td = el('td', column.format ? 'num' : null);
        if (column.cell) td.append(column.cell(q));
        else td.textContent = column.format(q[column.key]);
        if (column.warn && column.warn(q)) td.classList.add('warn');
        tr.append(td);
      }
      return tr;
    });
    $('query-rows').replaceChildren(...rows);
    $('queries-empty').hidden = rows.length > 0;
  }

  function renderHealth(health) {
    const metrics = [
      ['Statements observed', health.statementsObserved, false],
      ['Events dropped', health.eventsDropped, health.eventsDropped > 0],
      ['Fingerprints tracked', health.fingerprintsTracked, false],
      ['Fingerprints evicted', health.fingerprintsEvicted, health.fingerprintsEvicted > 0],
      ['Parses deferred', health.parsesDeferred, health.parsesDeferred > 0],
    ];
    // A part of the advisor that failed and switched itself off: its findings are missing.
    const off = health.switchedOff || [];
    // What a rule left out to stay bounded: a finding missing for want of room must be visible.
    for (const [rule, counters] of Object.entries(health.rules || {})) {
      for (const [name, value] of Object.entries(counters)) {
        if (value > 0) metrics.push([rule + ' ' + name, value, true]);
      }
    }
    const shown = metrics.map(([label, value, warn]) => {
      const metric = el('span', warn ? 'metric warn' : 'metric', label + ': ');
      metric.append(el('strong', null, count(value)));
      return metric;
    });
    if (off.length > 0) {
      const metric = el('span', 'metric warn', 'Switched off after failing: ');
      metric.append(el('strong', null, off.join(', ')));
      shown.push(metric);
    }
    $('health').replaceChildren(...shown);
  }

  function section(title, content) {
    const div = el('div', 'part');
    div.append(el('h3', null, title), content);
    return div;
  }

  // The words for an evidence key, by the rules of io.queryadvisor.advisor.report.EvidenceLabels
  // (the Markdown and HTML reports use that class): keep the two alike.
  const SPECIAL_LABELS = {
    p50Millis: 'p50 (ms)', p95Millis: 'p95 (ms)', p99Millis: 'p99 (ms)',
    sourceQuery: 'Query the loop follows', unitOfWorkKind: 'Unit of work',
  };
  function evidenceLabel(key) {
    if (SPECIAL_LABELS[key]) return SPECIAL_LABELS[key];
    if (!/^[a-z][A-Za-z0-9]*$/.test(key)) return key;
    let unit = '';
    let words = key;
    if (words.endsWith('Percent')) { words = words.slice(0, -7); unit = ' (%)'; }
    else if (words.endsWith('Millis')) { words = words.slice(0, -6); unit = ' (ms)'; }
    const spaced = words.replace(/([A-Z])/g, c => ' ' + c.toLowerCase());
    return spaced.charAt(0).toUpperCase() + spaced.slice(1) + unit;
  }

  function evidenceTable(evidence) {
    const table = el('table', 'evidence');
    for (const [name, value] of Object.entries(evidence)) {
      const tr = el('tr');
      const label = el('th', null, evidenceLabel(name));
      label.title = name;
      const multiline = typeof value === 'string' && value.includes('\n');
      const cell = el('td', typeof value === 'number' ? 'num' : 'text', multiline ? null : value);
      if (multiline) cell.append(codeBlock(value, 'plan')); // a plan tree keeps its lines and indentation
      tr.append(label, cell);
      table.append(tr);
    }
    return table;
  }

  function codeBlock(text, className) {
    const pre = el('pre', className);
    pre.append(el('code', null, text));
    return pre;
  }

  function renderFinding(finding) {
    const details = el('details', 'finding');
    details.open = state.openFindings.has(finding.id);
    // Remember what is open: the list is rebuilt on every refresh.
    details.addEventListener('toggle', () => {
      if (details.open) state.openFindings.add(finding.id);
      else state.openFindings.delete(finding.id);
    });
    const summary = el('summary');
    summary.append(el('span', 'badge severity-' + finding.severity, finding.severity),
      ruleBadge(finding.rule), el('span', 'title', finding.title));
    details.append(summary, section('Evidence', evidenceTable(finding.evidence)));
    if (finding.callSites.length) details.append(section('Call sites (sampled executions)', list(finding.callSites.map(s => s.callSite + ' \u00d7' + count(s.count)))));
    if (finding.sql) details.append(section('Example SQL', codeBlock(finding.sql, 'sql')));
    if (finding.suggestion) {
      const suggestion = el('div');
      suggestion.append(el('p', null, finding.suggestion.text));
      if (finding.suggestion.code) suggestion.append(codeBlock(finding.suggestion.code, 'code'));
      details.append(section('Suggestion', suggestion));
    }
    return details;
  }

  /** The rule's name, with its help (from api/rules) as the tooltip. */
  function ruleBadge(id) {
    const badge = el('span', 'rule', id);
    const rule = state.rules.get(id);
    if (rule) badge.title = rule.name + ': ' + rule.help + ' (' + rule.checklist + ')';
    return badge;
  }

  function renderRecommendations(findings) {
    $('recommendation-list').replaceChildren(...findings.map(renderFinding));
    $('recommendations-empty').hidden = findings.length > 0;
  }

  async function fetchJson(path) {
    const response = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(path + ' answered HTTP ' + response.status);
    return response.json();
  }

  const endpointsView = window.QueryAdvisorEndpoints({ $, el, count, millis, fetchJson });

  function showProblem(message) {
    $('problem').textContent = message || '';
    $('problem').hidden = !message;
  }

  async function refresh() {
    try {
      if (state.view === 'queries') {
        const snapshot = await fetchJson('api/queries');
        state.queries = snapshot.queries;
        renderHealth(snapshot.health);
        renderQueries();
      } else if (state.view === 'endpoints') {
        await endpointsView.refresh();
      } else if (state.view === 'pools') {
        const shown = window.QueryAdvisorPools.render(await fetchJson('api/pools'), $('pool-list'), { el, count, millis });
        $('pools-empty').hidden = shown > 0;
      } else {
        if (!state.rules.size) {
          try {
            for (const rule of await fetchJson('api/rules')) state.rules.set(rule.id, rule);
          } catch (e) {
            // the rules' help texts are a nicety: findings show without them
          }
        }
        renderRecommendations(await fetchJson('api/recommendations'));
      }
      $('updated').textContent = 'Updated ' + new Date().toLocaleTimeString();
      showProblem(null);
    } catch (e) {
      showProblem('Cannot read the advisor: ' + e.message);
    }
  }

  function show(view) {
    state.view = view;
    for (const tab of document.querySelectorAll('[role=tab]')) {
      const selected = tab.dataset.view === view;
      tab.setAttribute('aria-selected', String(selected));
      $(tab.dataset.view).hidden = !selected;
    }
    if (!location.hash.startsWith('#' + view)) history.replaceState(null, '', '#' + view);
    refresh();
  }

  // A timeout chain, not an interval: a slow answer never piles up requests.
  async function poll() {
    if (!state.paused) await refresh();
    setTimeout(poll, REFRESH_MILLIS);
  }

  for (const tab of document.querySelectorAll('[role=tab]')) {
    tab.addEventListener('click', () => show(tab.dataset.view));
  }
  $('pause').addEventListener('click', () => {
    state.paused = !state.paused;
    $('pause').setAttribute('aria-pressed', String(state.paused));
    $('pause').textContent = state.paused ? 'Resume refresh' : 'Pause refresh';
  });

  // Opened with the link the agent printed (/?token=...): the dashboard answered with a cookie that
  // the page's requests now carry, so the token leaves the address bar, the history and bookmarks.
  if (new URLSearchParams(location.search).has('token')) {
    history.replaceState(null, '', location.pathname + location.hash);
  }

  renderHead();
  const ENDPOINT_LINK = '#endpoints/';
  if (location.hash.startsWith(ENDPOINT_LINK)) endpointsView.select(decodeURIComponent(location.hash.slice(ENDPOINT_LINK.length)));
  const linked = location.hash.slice(1).split('/')[0];
  show(['recommendations', 'endpoints', 'pools'].includes(linked) ? linked : 'queries');
  setTimeout(poll, REFRESH_MILLIS);
})();
