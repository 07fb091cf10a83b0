'use strict';
/*
 * The Pools view: one card per pool or data source, with its gauges, acquire p95 and hold p95 drawn
 * over the last minutes (uPlot, served by the dashboard itself), the thresholds the pool rules judge
 * by drawn as lines, and the longest holders with their call sites. Values reach the page through
 * textContent only (app.js's el). Each chart's container says what it drew (data-points, data-ink:
 * pixels painted), for the browser test and for anyone inspecting the page.
 */
window.QueryAdvisorPools = (() => {
  const COLORS = { active: '#0969da', idle: '#1a7f37', waiting: '#cf222e', checkedOut: '#8250df',
    acquire: '#bc4c00', hold: '#0969da', limit: '#59636e', leak: '#cf222e' };
  let charts = [];

  const gauge = v => (v < 0 ? null : v);

  function line(label, values, color, dashed) {
    const series = { label, stroke: color, width: dashed ? 1 : 2, points: { show: false } };
    if (dashed) series.dash = [6, 4];
    return { series, values };
  }

  // A threshold as a constant line over the whole window; none when it is not set.
  function threshold(label, value, x, color) {
    if (!(value > 0)) return [];
    const limit = line(label, x.map(() => value), color, true);
    limit.threshold = value;
    return [limit];
  }

  // How far above the data's peak a threshold may be and still set a time chart's scale: the data
  // then keeps at least a twentieth of the chart's height.
  const REACH = 20;

  // The top of a time chart's y scale: the data's peak, and the thresholds within REACH times it. A
  // threshold far above (a 30 s leak line over holds of 150 ms) would press the data flat onto the
  // axis: it is left above the chart, and its legend label says so.
  function fittedTop(lines) {
    let peak = 0;
    for (const l of lines) {
      if (l.threshold === undefined) for (const v of l.values) if (v != null && v > peak) peak = v;
    }
    let top = peak;
    for (const l of lines) {
      if (l.threshold === undefined) continue;
      if (peak === 0 || l.threshold <= peak * REACH) top = Math.max(top, l.threshold);
      else l.series.label += ' (above the chart)';
    }
    return top > 0 ? top * 1.1 : 1;
  }

  // Pixels painted, and those in the first series' colour (its line, not the axes): what was drawn.
  function markInk(u, hex) {
    const canvas = u.ctx.canvas;
    const pixels = u.ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    const rgb = typeof hex === 'string' && /^#[0-9a-f]{6}$/i.test(hex)
      ? [1, 3, 5].map(i => parseInt(hex.substring(i, i + 2), 16)) : null;
    let ink = 0;
    let seriesInk = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      if (pixels[i + 3] === 0) continue;
      ink++;
      if (rgb && pixels[i + 3] > 128 && Math.abs(pixels[i] - rgb[0]) + Math.abs(pixels[i + 1] - rgb[1])
          + Math.abs(pixels[i + 2] - rgb[2]) < 60) seriesInk++;
    }
    const box = u.root.parentElement.parentElement;
    box.dataset.ink = String(ink);
    box.dataset.seriesInk = String(seriesInk);
  }

  // fit: scale the y axis to the data (see fittedTop) rather than to every line
  function chart(h, title, x, lines, fit) {
    const box = h.el('div', 'chart');
    box.append(h.el('h4', null, title));
    box.dataset.points = String(x.length);
    const holder = h.el('div');
    box.append(holder);
    const options = {
      width: 560, height: 170,
      series: [{}].concat(lines.map(l => l.series)),
      axes: [{}, { size: 56 }],
      scales: fit ? { x: { time: true }, y: { range: [0, fittedTop(lines)] } } : { x: { time: true } },
      hooks: { draw: [u => markInk(u, lines.length ? lines[0].series.stroke : null)] },
    };
    // uPlot is a nicety: without it (a failed load) the tables below still tell the story
    if (window.uPlot) charts.push(new window.uPlot(options, [x].concat(lines.map(l => l.values)), holder));
    return box;
  }

  function settingsLine(h, pool) {
    if (!pool.sampled) return h.el('p', 'muted', 'Not a pool whose gauges can be read: figures from its checkouts.');
    const s = pool.settings;
    const ms = v => (v < 0 ? '?' : h.count(v) + ' ms');
    return h.el('p', 'muted', 'maximumPoolSize ' + s.maximumPoolSize + ' \u00b7 minimumIdle ' + s.minimumIdle
      + ' \u00b7 connectionTimeout ' + ms(s.connectionTimeoutMillis) + ' \u00b7 maxLifetime ' + ms(s.maxLifetimeMillis)
      + ' \u00b7 idleTimeout ' + ms(s.idleTimeoutMillis) + ' \u00b7 leakDetectionThreshold ' + ms(s.leakDetectionThresholdMillis));
  }

  function figures(h, pool) {
    return h.el('p', 'figures', 'Checkouts ' + h.count(pool.acquire.count) + ' \u00b7 acquire p95 '
      + h.millis(pool.acquire.p95Millis) + ' ms (max ' + h.millis(pool.acquire.maxMillis) + ') \u00b7 hold p95 '
      + h.millis(pool.hold.p95Millis) + ' ms (max ' + h.millis(pool.hold.maxMillis) + ') \u00b7 timeouts '
      + h.count(pool.timeouts) + ' \u00b7 most threads waiting ' + (pool.maxWaiting < 0 ? '?' : pool.maxWaiting)
      + ' \u00b7 connections out at once p95 ' + pool.concurrent.p95 + ' (max ' + pool.concurrent.max + ')'
      + ' \u00b7 transactions per request, mean ' + pool.transactionsPerRequest.mean);
  }

  function table(h, className, head, rows) {
    const t = h.el('table', className);
    const tr = h.el('tr');
    for (const label of head) tr.append(h.el('th', null, label));
    t.append(tr);
    for (const row of rows) {
      const r = h.el('tr');
      for (const cell of row) r.append(h.el('td', null, cell));
      t.append(r);
    }
    return t;
  }

  function card(h, pool, thresholds) {
    const x = pool.series.map(p => p.epochMillis / 1000);
    const article = h.el('article', 'pool');
    article.dataset.pool = pool.name;
    article.append(h.el('h3', null, pool.name), settingsLine(h, pool), figures(h, pool));
    const connections = pool.sampled
      ? [line('active', pool.series.map(p => gauge(p.active)), COLORS.active),
         line('idle', pool.series.map(p => gauge(p.idle)), COLORS.idle),
         line('waiting', pool.series.map(p => gauge(p.waiting)), COLORS.waiting)]
      : [];
    connections.push(line('checked out', pool.series.map(p => p.checkedOut), COLORS.checkedOut));
    const charts = h.el('div', 'charts');
    charts.append(
      chart(h, 'Connections', x, connections.concat(threshold('maximum', pool.settings.maximumPoolSize, x, COLORS.limit))),
      chart(h, 'Acquire p95 (ms)', x, [line('acquire p95', pool.series.map(p => p.acquireP95Millis), COLORS.acquire)]
        .concat(threshold('saturation threshold', thresholds.acquireMillis, x, COLORS.limit)), true),
      chart(h, 'Hold p95 (ms)', x, [line('hold p95', pool.series.map(p => p.holdP95Millis), COLORS.hold)]
        .concat(threshold('long-held threshold', thresholds.holdMillis, x, COLORS.limit))
        .concat(threshold('leak threshold', thresholds.leakMillis, x, COLORS.leak)), true));
    article.append(charts);
    article.append(h.el('h4', null, 'Longest holders'), table(h, 'holders',
      ['Acquired at', 'Thread', 'Endpoint', 'Held ms', 'Statements ms', ''],
      pool.longestHolders.map(o => [o.callSite || 'not sampled', o.thread || '', o.endpoint || '',
        h.millis(o.heldMillis), o.open ? '' : h.millis(o.statementMillis), o.open ? 'still out' : ''])));
    article.append(h.el('h4', null, 'By acquiring call site'), table(h, 'sites',
      ['Call site', 'Checkouts', 'Acquire p95 ms', 'Hold p95 ms', 'Hold max ms', 'Timeouts'],
      pool.callSites.map(s => [s.where, h.count(s.acquisitions), h.millis(s.acquireP95Millis),
        h.millis(s.holdP95Millis), h.millis(s.holdMaxMillis), h.count(s.timeouts)])));
    return article;
  }

  /** Renders {@code snapshot} (GET /api/pools) into {@code container}; {@code h} holds app.js's helpers. */
  function render(snapshot, container, h) {
    for (const c of charts) c.destroy();
    charts = [];
    container.replaceChildren(...snapshot.pools.map(pool => card(h, pool, snapshot.thresholds)));
    return snapshot.pools.length;
  }

  return { render };
})();
