// The what-if page of Pressure: sliders, indicators in words and charts drawn as inline SVG.
// One script for both pages: `serve` asks the local server for each run; `publish` looks the
// run up in the table of runs embedded in the page. No other network request is made.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('pressure-data').textContent);
  var SERVE = D.mode === 'serve';
  var SVGNS = 'http://www.w3.org/2000/svg';
  var STATUTORY = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#5A4A8A', '#8C510A'];
  var DISCRETIONARY = ['#F0E442', '#56B4E9', '#E69F00', '#A6DBA0', '#F4A6C8', '#BFBFBF'];
  var AGENCY = ['#1A1A1A', '#0072B2', '#D55E00', '#009E73', '#CC79A7', '#8C510A'];
  var FAINT = '#8a8a8a';
  var LABELS = {
    failure_year: 'The budget cannot be balanced (a section 114 notice is due)',
    gap_year: 'A budget gap first opens',
    crossover_year: 'Statutory costs overtake income',
    reserves_exhausted_year: 'Usable reserves run out',
    reserves_negative_year: 'Reserves fall below zero',
    cumulative_gap: 'Budget gaps added up',
    gap_end: 'Budget gap in the final year',
    total_cuts: 'Closed by cuts to discretionary services',
    total_reserves_drawn: 'Drawn from reserves',
    failure_demand_cost: 'Cost of failure demand',
    final_reserves: 'Reserves at the end',
    statutory_share_end: 'Statutory spend as a share of income, final year',
    total_overspend: 'Overspends added up',
    undelivered_savings: 'Savings not delivered',
    efs_total: 'Exceptional financial support',
    public_cost_total: 'Cost to all public bodies'
  };

  var state = D.levers.map(function (l) { return l.base; });
  var baseline = D.baseline;
  var current = baseline;
  var decimals = decimalsOf(baseline);
  var timings = [];
  // changes: slider moves so far; drawn: the move whose answer was last painted; serverMs and drawMs:
  // the round trip of each run and the time to draw it (tests and timing read these)
  window.pressure = { timings: timings, lastRedrawMs: null, changes: 0, drawn: 0, ready: false, pending: false,
    serverMs: [], drawMs: [] };
  // the levers as the page holds them, for the browser test
  window.pressureLevers = function () { return D.levers; };

  // ---- words ----
  function fy(y) { return y + '/' + String((y + 1) % 100).padStart(2, '0'); }
  // the engine's indicators, by name: label and kind (year, money, share)
  var INDICATORS = {};
  (D.indicators || []).forEach(function (i) { INDICATORS[i.name] = i; });
  function kind(name) { return INDICATORS[name] ? INDICATORS[name].kind : /_year$/.test(name) ? 'year' : /share/.test(name) ? 'share' : 'money'; }
  function isYear(name) { return kind(name) === 'year'; }
  function isShare(name) { return kind(name) === 'share'; }
  function label(name) {
    if (INDICATORS[name]) return INDICATORS[name].label;
    if (LABELS[name]) return LABELS[name];
    var s = name.replace(/_/g, ' ');
    return s.charAt(0).toUpperCase() + s.slice(1);
  }
  function decimalsOf(run) {
    var largest = 0;
    ['income', 'statutory_spend', 'discretionary_planned'].forEach(function (c) {
      (run.columns[c] || []).forEach(function (x) { largest = Math.max(largest, Math.abs(x)); });
    });
    return largest >= 100 ? 1 : largest >= 10 ? 2 : 3;
  }
  function number(x, d) {
    var s = Math.abs(x).toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
    return /^[0.,]*$/.test(s) ? s : (x < 0 ? '-' : '') + s;
  }
  function money(x) {
    var n = number(x, decimals), u = D.units || '';
    var sign = n.charAt(0) === '-' ? '-' : '';
    if (sign) n = n.slice(1);
    if (u && !/^[\p{L}\p{N}\s]/u.test(u)) {
      var symbol = String.fromCodePoint(u.codePointAt(0));
      return sign + symbol + n + u.slice(symbol.length);
    }
    return sign + n + (u ? ' ' + u : '');
  }
  function value(name, v) {
    if (isYear(name)) return v == null ? 'never' : fy(v);
    if (v == null) return 'n/a';
    if (isShare(name)) return (100 * v).toFixed(1) + '%';
    return money(v);
  }
  function change(name, v, was) {
    if (isYear(name)) {
      if (v === was) return null;
      if (v == null) return 'now never happens (was ' + fy(was) + ')';
      if (was == null) return 'now happens in ' + fy(v) + ' (never before)';
      var d = v - was, years = Math.abs(d) + (Math.abs(d) === 1 ? ' year ' : ' years ');
      return 'moves from ' + fy(was) + ' to ' + fy(v) + ' (' + years + (d > 0 ? 'later' : 'earlier') + ')';
    }
    if (v == null || was == null) return v === was ? null : 'was ' + value(name, was);
    if (isShare(name)) {
      var p = 100 * (v - was);
      if (Math.abs(p) < 0.05) return null;
      return 'was ' + value(name, was) + ', ' + Math.abs(p).toFixed(1) + ' points ' + (p > 0 ? 'higher' : 'lower');
    }
    var diff = v - was;
    if (Math.abs(diff) < 0.5 * Math.pow(10, -decimals)) return null;
    return 'was ' + money(was) + ', ' + money(Math.abs(diff)) + (diff > 0 ? ' more' : ' less');
  }
  function indicatorNames(run) {
    // only the indicators the page lists: those of features the scenario does not use are left out
    var names = Object.keys(run.summary.indicators).filter(function (n) { return !D.indicators || INDICATORS[n]; });
    var i = names.indexOf('failure_year');
    if (i > 0) { names.splice(i, 1); names.unshift('failure_year'); }
    return names;
  }

  // ---- sliders ----
  function leverText(i, k) {
    var l = D.levers[i], v = l.values[k];
    return l.unit && l.unit.charAt(0) === '%' ? v + l.unit.slice(1) : v + (l.unit ? ' ' + l.unit : '');
  }
  function buildLevers() {
    var box = document.getElementById('levers');
    D.levers.forEach(function (l, i) {
      var div = document.createElement('div');
      div.className = 'lever';
      div.id = 'lever-box-' + i;
      var id = 'lever-' + i;
      div.innerHTML = '<label for="' + id + '"></label>' +
        '<div class="row"><input type="range" id="' + id + '" min="0" step="1"><output id="out-' + i + '" for="' + id + '"></output></div>' +
        '<p class="base" id="base-' + i + '"></p><p class="source" id="src-' + i + '"></p>';
      div.querySelector('label').textContent = l.label;
      var input = div.querySelector('input');
      input.max = String(l.values.length - 1);
      input.value = String(l.base);
      input.dataset.path = l.path;
      input.setAttribute('aria-describedby', 'base-' + i + ' src-' + i);
      div.querySelector('.base').textContent = 'Scenario: ' + leverText(i, l.base) + ' (' + l.path + ')';
      div.querySelector('.source').textContent = l.comment || '';
      input.addEventListener('input', function () { moved(i, Number(input.value)); });
      box.appendChild(div);
      showLever(i);
    });
    if (D.levers.length === 0) box.textContent = 'This page has no levers.';
  }
  function showLever(i) {
    var text = leverText(i, state[i]);
    var input = document.getElementById('lever-' + i);
    input.value = String(state[i]);
    input.setAttribute('aria-valuetext', text);
    var l = D.levers[i];
    // the slider's own box shows the value briefly; the full unit is in its spoken text and below it
    document.getElementById('out-' + i).textContent = l.values[state[i]] +
      (l.unit && l.unit.charAt(0) !== '%' && l.unit.length <= 4 ? ' ' + l.unit : '');
    document.getElementById('lever-box-' + i).classList.toggle('changed', state[i] !== D.levers[i].base);
  }
  function values() {
    var out = {};
    D.levers.forEach(function (l, i) { if (state[i] !== l.base) out[l.path] = l.values[state[i]]; });
    return out;
  }

  // ---- runs ----
  var started = null, inFlight = false, queued = false;
  function moved(i, k) {
    state[i] = k;
    showLever(i);
    changed();
  }
  // the address keeps the changed values (#path=value&...), so a variant can be bookmarked or shared
  function remember() {
    var v = values(), parts = Object.keys(v).map(function (p) { return encodeURIComponent(p) + '=' + encodeURIComponent(v[p]); });
    try { history.replaceState(null, '', parts.length ? '#' + parts.join('&') : location.pathname + location.search); } catch (e) { /* file: pages may refuse */ }
  }
  function recall() {
    var any = false;
    location.hash.replace(/^#/, '').split('&').forEach(function (part) {
      var kv = part.split('='), path, v;
      try { path = decodeURIComponent(kv[0]); v = decodeURIComponent(kv[1] || ''); } catch (e) { return; }
      D.levers.forEach(function (l, i) {
        var k = l.values.indexOf(v);
        if (l.path === path && k >= 0) { state[i] = k; showLever(i); any = true; }
      });
    });
    return any;
  }
  function changed() {
    remember();
    started = performance.now();
    window.pressure.changes++;
    request();
  }
  function request() {
    if (!SERVE) { show(lookup(), started, window.pressure.changes); return; }
    if (inFlight) { queued = true; return; }
    inFlight = true;
    window.pressure.pending = true;
    var t0 = started, seq = window.pressure.changes, sent = values(), asked = performance.now();
    post('api/run', sent).then(function (r) {
      return r.json().then(function (body) { return { ok: r.ok, body: body }; });
    }).then(function (res) {
      window.pressure.serverMs.push(performance.now() - asked);
      if (res.ok) { res.body.asWritten = Object.keys(sent).length === 0; show(res.body, t0, seq); }
      else { problem(res.body.error || 'The run failed.'); window.pressure.drawn = seq; }
    }).catch(function () {
      problem('The page cannot reach the Pressure server. Is the pressure serve command still running?');
      window.pressure.drawn = seq;
    }).then(function () {
      inFlight = false;
      if (queued) { queued = false; request(); } else window.pressure.pending = false;
    });
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ values: body }) });
  }
  function lookup() {
    var t = D.table, index = 0, unchanged = true;
    D.levers.forEach(function (l, i) { index = index * l.values.length + state[i]; if (state[i] !== l.base) unchanged = false; });
    if (unchanged) return baseline;
    if (t.errors && t.errors[index]) return { error: t.errors[index] };
    var refs = t.runs[index], columns = {};
    t.columns.forEach(function (c, j) { columns[c] = t.pool[refs[j]]; });
    var ind = {};
    t.indicators.forEach(function (n, j) { ind[n] = t.values[index][j]; });
    return { columns: columns, summary: { indicators: ind } };
  }
  function problem(text) {
    var p = document.getElementById('problem');
    p.textContent = text;
    p.hidden = !text;
  }
  function show(run, t0, seq) {
    if (run.error) { problem(run.error); window.pressure.drawn = seq; return; }
    problem('');
    current = run;
    var d0 = performance.now();
    draw();
    window.pressure.drawMs.push(performance.now() - d0);
    // measured to the next frame: the time from the slider's move until the new chart is painted
    requestAnimationFrame(function () {
      window.pressure.lastRedrawMs = performance.now() - t0;
      timings.push(window.pressure.lastRedrawMs);
      window.pressure.drawn = seq;
    });
  }

  // ---- indicators ----
  function drawIndicators() {
    var ul = document.getElementById('indicators');
    ul.innerHTML = '';
    var now = current.summary.indicators, was = baseline.summary.indicators, moves = [];
    var asWritten = current === baseline || current.asWritten;
    indicatorNames(current).forEach(function (n, k) {
      var li = document.createElement('li');
      li.id = 'indicator-' + n;
      if (k === 0 && n === 'failure_year') li.className = 'first';
      var c = change(n, now[n], was[n]);
      li.innerHTML = '<span class="label"></span><strong class="value"></strong><span class="change"></span>';
      li.querySelector('.label').textContent = label(n);
      if (n === 'failure_year') {
        // the term residents will not know, explained where they meet it
        var note = document.createElement('span');
        note.className = 'note';
        note.textContent = 'A section 114 notice is the report a council\u2019s chief finance officer must make ' +
          'when the money it has will not cover the year\u2019s spending; new spending then stops.';
        li.appendChild(note);
      }
      var v = li.querySelector('.value');
      v.textContent = value(n, now[n]);
      v.dataset.indicator = n;
      v.dataset.value = now[n] == null ? '' : String(now[n]);
      var ch = li.querySelector('.change');
      ch.textContent = c == null ? (asWritten ? 'as written' : 'unchanged') : c;
      if (c != null) ch.classList.add('moved');
      if (c != null && isYear(n)) moves.push(label(n) + ' ' + c.replace(/ \(.*\)$/, ''));
      ul.appendChild(li);
    });
    var headline = asWritten ? 'The scenario as written.'
      : moves.length ? moves.join('. ') + '.' : 'No year changes; see the amounts below.';
    document.getElementById('changes').textContent = headline;
    document.getElementById('headline-bar').textContent = asWritten ? '' : headline;
  }

  // ---- charts ----
  function col(run, name) { return run.columns[name]; }
  function years() { var y = [], n = baseline.columns.income.length; for (var i = 0; i < n; i++) y.push(D.start + i); return y; }
  function niceStep(span) {
    var raw = span / 6, e = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / e;
    return (f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10) * e;
  }
  function el(name, attrs, text) {
    var e = document.createElementNS(SVGNS, name);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }
  // spec: {stacks: [{label, color, values}], bars: [...], lines: [{label, color, width, dash, values, faint}],
  //        hlines: [{value, color, label}], vlines: [{year, color, label}]}
  function chart(svg, spec) {
    // T leaves a band above the plot for the units and the labels of year lines, so neither sits
    // on the top tick or on a line of the chart
    var W = 640, H = 350, L = 58, R = 12, T = 40, B = 30;
    var ys = years(), n = ys.length;
    var lo = 0, hi = 0;
    function scan(v) { v.forEach(function (x) { if (isFinite(x)) { lo = Math.min(lo, x); hi = Math.max(hi, x); } }); }
    var stackTop = new Array(n).fill(0), barTop = new Array(n).fill(0), barBottom = new Array(n).fill(0);
    (spec.stacks || []).forEach(function (s) { s.values.forEach(function (x, i) { stackTop[i] += x; }); });
    (spec.bars || []).forEach(function (s) { s.values.forEach(function (x, i) { if (x >= 0) barTop[i] += x; else barBottom[i] += x; }); });
    scan(stackTop); scan(barTop); scan(barBottom);
    (spec.lines || []).forEach(function (s) { scan(s.values); });
    (spec.hlines || []).forEach(function (h) { scan([h.value]); });
    if (hi === lo) hi = lo + 1;
    var step = niceStep(hi - lo);
    lo = Math.floor(lo / step) * step; hi = Math.ceil(hi / step) * step;
    var x = function (i) { return L + (n === 1 ? 0 : i * (W - L - R) / (n - 1)); };
    var y = function (v) { return T + (hi - v) * (H - T - B) / (hi - lo); };
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
    var g = el('g', { 'aria-hidden': 'true' });
    svg.appendChild(g);
    for (var v = lo; v <= hi + step / 2; v += step) {
      g.appendChild(el('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: Math.abs(v) < step / 2 ? '#1a1a1a' : '#d9d9d9', 'stroke-width': 1 }));
      g.appendChild(el('text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end' }, number(v, Math.max(0, -Math.floor(Math.log10(step) + 1e-9)))));
    }
    var every = Math.max(1, Math.ceil(n / 8));
    ys.forEach(function (yr, i) {
      if (i % every === 0) g.appendChild(el('text', { x: x(i), y: H - 10, 'text-anchor': 'middle' }, fy(yr)));
    });
    g.appendChild(el('text', { x: 4, y: 14 }, D.units || ''));
    // stacked areas
    var base = new Array(n).fill(0);
    (spec.stacks || []).forEach(function (s) {
      var top = base.map(function (b, i) { return b + s.values[i]; });
      var d = 'M' + top.map(function (t, i) { return x(i).toFixed(1) + ',' + y(t).toFixed(1); }).join('L') +
        'L' + base.map(function (b, i) { return x(i).toFixed(1) + ',' + y(b).toFixed(1); }).reverse().join('L') + 'Z';
      g.appendChild(el('path', { d: d, fill: s.color, stroke: 'none', 'data-series': s.label }));
      base = top;
    });
    // stacked bars
    var bw = Math.max(2, (W - L - R) / n * 0.7), up = new Array(n).fill(0);
    (spec.bars || []).forEach(function (s) {
      s.values.forEach(function (v, i) {
        if (!(v > 0)) return;
        g.appendChild(el('rect', { x: (x(i) - bw / 2).toFixed(1), y: y(up[i] + v).toFixed(1), width: bw.toFixed(1),
          height: Math.max(0, y(up[i]) - y(up[i] + v)).toFixed(1), fill: s.color, 'data-series': s.label }));
        up[i] += v;
      });
    });
    (spec.hlines || []).forEach(function (h) {
      g.appendChild(el('line', { x1: L, x2: W - R, y1: y(h.value), y2: y(h.value), stroke: h.color, 'stroke-width': 2, 'stroke-dasharray': '6 4' }));
    });
    (spec.lines || []).forEach(function (s) {
      var d = 'M' + s.values.map(function (v, i) { return x(i).toFixed(1) + ',' + y(v).toFixed(1); }).join('L');
      g.appendChild(el('path', { d: d, fill: 'none', stroke: s.faint ? FAINT : s.color, 'stroke-width': s.width || 2.5,
        'stroke-dasharray': s.dash || (s.faint ? '5 4' : 'none'), opacity: s.faint ? 0.9 : 1, 'data-series': s.label }));
    });
    // drawn last first, so that where two share a year the first (the budget failing) is on top
    (spec.vlines || []).slice().reverse().forEach(function (m) {
      var i = m.year - D.start;
      if (i < 0 || i >= n) return;
      g.appendChild(el('line', { x1: x(i), x2: x(i), y1: T, y2: H - B, stroke: m.color, 'stroke-width': 2,
        'stroke-dasharray': '4 3', 'data-year-line': m.label }));
      var right = i < n / 2;
      g.appendChild(el('text', { x: x(i) + (right ? 4 : -4), y: T - 18 + (m.offset || 0), 'text-anchor': right ? 'start' : 'end',
        fill: m.color, 'data-label': m.label }, m.label));
    });
  }
  function legend(ul, items) {
    ul.innerHTML = '';
    items.forEach(function (it) {
      var li = document.createElement('li');
      var key = document.createElement('span');
      key.className = 'key' + (it.line ? ' line' : '');
      key.style.background = it.color;
      li.appendChild(key);
      li.appendChild(document.createTextNode(it.label));
      ul.appendChild(li);
    });
  }
  function figure(id, title) {
    var f = document.getElementById(id);
    if (f) return f;
    f = document.createElement('figure');
    f.id = id;
    f.innerHTML = '<figcaption><h3 id="' + id + '-title"></h3><p id="' + id + '-desc"></p></figcaption>' +
      '<svg class="chart" role="img" xmlns="' + SVGNS + '" aria-labelledby="' + id + '-title ' + id + '-desc"></svg><ul class="legend"></ul>';
    f.querySelector('h3').textContent = title;
    document.getElementById('charts').appendChild(f);
    return f;
  }
  function total(run, names) {
    var out = new Array(years().length).fill(0);
    names.forEach(function (c) { (col(run, c) || []).forEach(function (v, i) { out[i] += v; }); });
    return out;
  }
  function drawCharts() {
    var ind = current.summary.indicators;
    var stacks = [], items = [], ks = 0, kd = 0;
    D.stacks.forEach(function (st) {
      var c = st.statutory ? STATUTORY[ks++ % STATUTORY.length] : DISCRETIONARY[kd++ % DISCRETIONARY.length];
      stacks.push({ label: st.label, color: c, values: col(current, st.column) });
      items.push({ label: st.label, color: c });
    });
    var statNames = D.stacks.filter(function (st) { return st.statutory; }).map(function (st) { return st.column; });
    var allNames = D.stacks.map(function (st) { return st.column; });
    var incomeLabel = D.income === 'income' ? 'Total income' : 'Income available to close the gap';
    var vlines = [];
    if (ind.failure_year != null) vlines.push({ year: ind.failure_year, color: '#7B0000', label: 'Budget fails ' + fy(ind.failure_year) });
    if (ind.crossover_year != null) vlines.push({ year: ind.crossover_year, color: '#B2182B', label: 'Statutory > income ' + fy(ind.crossover_year), offset: vlines.length * 14 });
    var f = figure('chart-doom', 'The graph of doom: services against income');
    chart(f.querySelector('svg'), {
      stacks: stacks,
      lines: [
        { label: 'Scenario as written: statutory', faint: true, values: total(baseline, statNames) },
        { label: 'Scenario as written: all services funded', faint: true, values: total(baseline, allNames) },
        { label: 'Scenario as written: income', faint: true, values: col(baseline, D.income) },
        { label: incomeLabel, color: '#000', width: 3.5, values: col(current, D.income) }
      ],
      vlines: vlines
    });
    f.querySelector('p').textContent = 'Statutory services (bottom) are funded in full; discretionary services (top) show what is left after cuts. ' +
      (ind.crossover_year != null ? 'Statutory costs overtake income in ' + fy(ind.crossover_year) + '.' : 'Statutory costs stay below income to ' + fy(D.end) + '.');
    legend(f.querySelector('.legend'), items.concat([{ label: incomeLabel, color: '#000', line: true },
      { label: 'Scenario as written', color: FAINT, line: true }]));

    var minimum = col(current, 'minimum_reserves');
    f = figure('chart-reserves', 'Reserves against the minimum');
    chart(f.querySelector('svg'), {
      lines: [{ label: 'Scenario as written', faint: true, values: col(baseline, 'reserves') },
        { label: 'Reserves', color: '#0072B2', width: 3, values: col(current, 'reserves') }]
        .concat(minimum ? [{ label: 'Minimum reserves', color: '#D55E00', dash: '6 4', width: 2, values: minimum }] : []),
      hlines: minimum ? [] : [{ value: D.minimumReserves, color: '#D55E00', label: 'Minimum' }]
    });
    f.querySelector('p').textContent = ind.reserves_exhausted_year != null
      ? 'Usable reserves reach the minimum in ' + fy(ind.reserves_exhausted_year) + '. Below zero, reserves are an unfunded deficit.'
      : 'Usable reserves stay above the minimum to ' + fy(D.end) + '.';
    legend(f.querySelector('.legend'), [{ label: 'Reserves at the end of the year', color: '#0072B2', line: true },
      { label: 'Minimum reserves', color: '#D55E00', line: true }, { label: 'Scenario as written', color: FAINT, line: true }]);

    f = figure('chart-gap', 'The budget gap and how it is closed');
    // a draw that takes reserves below zero is not money the council has: shown apart, as a deficit
    var draw = col(current, 'reserves_draw'), left = col(current, 'reserves');
    var held = draw.map(function (d, i) { return d > 0 ? Math.max(0, Math.min(d, left[i] + d)) : d; });
    var beyond = draw.map(function (d, i) { return d > 0 ? d - held[i] : 0; });
    var deficit = beyond.some(function (b) { return b > 1e-9; });
    chart(f.querySelector('svg'), {
      bars: [{ label: 'Cuts', color: '#E69F00', values: col(current, 'cuts') },
        { label: 'Reserves drawn', color: '#0072B2', values: held }]
        .concat(deficit ? [{ label: 'Beyond reserves', color: '#CC3311', values: beyond }] : []),
      lines: [{ label: 'Scenario as written: gap', faint: true, values: col(baseline, 'budget_gap') },
        { label: 'Budget gap', color: '#000', width: 2.5, values: col(current, 'budget_gap') }]
    });
    var sumOf = function (v) { return v.reduce(function (a, b) { return a + Math.max(0, b); }, 0); };
    f.querySelector('p').textContent = 'Budget gaps add up to ' + money(ind.cumulative_gap) + ': ' + money(ind.total_cuts) +
      ' closed by cuts, ' + (deficit ? money(sumOf(held)) + ' drawn from reserves and ' + money(sumOf(beyond)) +
      ' left unfunded once reserves were below zero.' : money(ind.total_reserves_drawn) + ' drawn from reserves.');
    legend(f.querySelector('.legend'), [{ label: 'Closed by cuts to discretionary services', color: '#E69F00' },
      { label: 'Drawn from reserves', color: '#0072B2' }]
      .concat(deficit ? [{ label: 'Unfunded: reserves below zero (a deficit)', color: '#CC3311' }] : [])
      .concat([{ label: 'Budget gap before action', color: '#000', line: true }, { label: 'Scenario as written', color: FAINT, line: true }]));

    var agencies = Object.keys(current.columns).filter(function (c) { return /^agency\.[^.]+\.cost$/.test(c); });
    if (agencies.length) {
      f = figure('chart-agencies', 'Cost by agency');
      var lines = [], keys = [];
      agencies.forEach(function (c, k) {
        var name = c.split('.')[1], colour = AGENCY[k % AGENCY.length];
        // short names are initials (nhs, dwp); longer ones are words
        var given = D.agencyLabels && D.agencyLabels[name];
        var lbl = given ? given : name.length <= 3 ? name.toUpperCase() : name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ');
        lines.push({ label: 'Scenario as written: ' + lbl, faint: true, values: col(baseline, c) });
        lines.push({ label: lbl, color: colour, width: 2.5, values: col(current, c) });
        keys.push({ label: lbl, color: colour, line: true });
      });
      chart(f.querySelector('svg'), { lines: lines });
      // each body's cost over the whole projection, and what the change from the scenario as written moves
      var sum = function (v) { return v.reduce(function (a, b) { return a + b; }, 0); };
      var totals = agencies.map(function (c, k) {
        var now = sum(col(current, c)), was = sum(col(baseline, c)), d = now - was;
        var moved = Math.abs(d) >= 0.5 * Math.pow(10, -decimals);
        return keys[k].label + ' ' + money(now) + (moved ? ' (' + money(Math.abs(d)) + (d > 0 ? ' more' : ' less') + ')' : '');
      });
      f.querySelector('p').textContent = 'What each public body spends, the council included, year by year. Over the projection: ' +
        totals.join('; ') + '.';
      legend(f.querySelector('.legend'), keys.concat([{ label: 'Scenario as written', color: FAINT, line: true }]));
    }
  }
  // the charts' figures as a table, for reading out and for checking
  function drawFigures() {
    var box = document.getElementById('figures');
    if (!box) {
      box = document.createElement('details');
      box.id = 'figures';
      box.innerHTML = '<summary>The figures year by year</summary><div class="scroll"><table><thead></thead><tbody></tbody></table></div>';
      document.getElementById('results').appendChild(box);
    }
    var stat = D.stacks.filter(function (st) { return st.statutory; }).map(function (st) { return st.column; });
    var disc = D.stacks.filter(function (st) { return !st.statutory; }).map(function (st) { return st.column; });
    var cols = [[D.income === 'income' ? 'Income' : 'Income available', col(current, D.income)], ['Statutory services', total(current, stat)],
      ['Discretionary services funded', total(current, disc)], ['Budget gap', col(current, 'budget_gap')],
      ['Closed by cuts', col(current, 'cuts')], ['Drawn from reserves', col(current, 'reserves_draw')],
      ['Reserves at the end of the year', col(current, 'reserves')]];
    var head = '<tr><th scope="col">Year</th>' + cols.map(function (c) { return '<th scope="col">' + c[0] + ' (' + esc(D.units) + ')</th>'; }).join('') + '</tr>';
    var rows = years().map(function (y, i) {
      return '<tr><th scope="row">' + fy(y) + '</th>' + cols.map(function (c) { return '<td>' + number(c[1][i], decimals) + '</td>'; }).join('') + '</tr>';
    });
    box.querySelector('thead').innerHTML = head;
    box.querySelector('tbody').innerHTML = rows.join('');
  }
  function esc(t) { return String(t).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'); }
  function draw() {
    drawIndicators();
    drawCharts();
    drawFigures();
  }

  // ---- buttons ----
  function reset() {
    state = D.levers.map(function (l) { return l.base; });
    D.levers.forEach(function (l, i) { showLever(i); });
    problem('');
    changed();
  }
  function download(path, fallbackName) {
    post(path, values()).then(function (r) {
      if (!r.ok) return r.json().then(function (b) { problem(b.error || 'The download failed.'); });
      var disposition = r.headers.get('Content-Disposition') || '';
      var m = /filename="([^"]+)"/.exec(disposition);
      return r.blob().then(function (blob) {
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = m ? m[1] : fallbackName;
        document.body.appendChild(a);
        a.click();
        setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
        problem('');
      });
    }).catch(function () { problem('The page cannot reach the Pressure server. Is the pressure serve command still running?'); });
  }
  function addButton(id, text, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.id = id;
    b.textContent = text;
    b.addEventListener('click', onClick);
    document.getElementById('buttons').appendChild(b);
  }

  buildLevers();
  document.getElementById('reset').addEventListener('click', reset);
  if (SERVE) {
    addButton('save', 'Save this variant (.yaml)', function () { download('api/variant', 'variant.yaml'); });
    addButton('report-html', 'Report (.html)', function () { download('api/report?format=html', 'report.html'); });
    addButton('report-xlsx', 'Report (.xlsx)', function () { download('api/report?format=xlsx', 'report.xlsx'); });
  }
  draw();
  if (recall()) changed();
  window.pressure.ready = true;
})();
