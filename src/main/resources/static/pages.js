// The pages' script (article-kg): the filter box of long pages, the entity picker of saved-query
// forms, and the result views (timeline, charts with ECharts; graph with Cytoscape.js). Every page
// reads without it: it only adds to what the server wrote.
(function () {
  'use strict';

  /** Text folded for matching: lower case, accents removed. */
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // Filter box: shows only the facts, list items and table rows of the page's sections that match.
  var filter = document.getElementById('filter');
  if (filter) {
    filter.closest('.filter').hidden = false;
    filter.addEventListener('input', function () {
      var words = fold(filter.value).split(/\s+/).filter(Boolean);
      document.querySelectorAll('.filterable').forEach(function (section) {
        var shown = 0;
        section.querySelectorAll('.fact, li, tr').forEach(function (item) {
          var text = fold(item.textContent);
          var match = words.every(function (w) { return text.indexOf(w) >= 0; });
          item.hidden = !match;
          if (match) shown++;
        });
        section.hidden = words.length > 0 && shown === 0;
      });
    });
  }

  // Entity picker: a field that takes an IRI searches the text index as one types a name.
  document.querySelectorAll('input[data-entity]').forEach(function (input) {
    var list = document.createElement('ul');
    list.className = 'picker';
    list.setAttribute('role', 'listbox');
    list.hidden = true;
    input.parentNode.appendChild(list);
    var picked = document.getElementById('picked-' + input.dataset.entity);
    var hits = [], active = -1, timer = null;
    function choose(hit) {
      input.value = hit.iri;
      if (picked) picked.textContent = hit.label;
      list.hidden = true;
    }
    function show() {
      list.innerHTML = '';
      hits.forEach(function (hit, i) {
        var li = document.createElement('li');
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', i === active ? 'true' : 'false');
        li.textContent = hit.label + ' (' + hit.type + ')';
        li.addEventListener('mousedown', function (e) { e.preventDefault(); choose(hit); });
        list.appendChild(li);
      });
      list.hidden = hits.length === 0;
    }
    input.addEventListener('input', function () {
      var q = input.value.trim();
      clearTimeout(timer);
      if (q.length < 2 || /^(https?:|urn:|id\/)/.test(q)) { hits = []; show(); return; }
      timer = setTimeout(function () {
        fetch('/explore/search.json?q=' + encodeURIComponent(q)).then(function (r) { return r.ok ? r.json() : []; })
          .then(function (found) { hits = found.slice(0, 10); active = hits.length ? 0 : -1; show(); });
      }, 150);
    });
    input.addEventListener('keydown', function (e) {
      if (list.hidden) return;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        active = (active + (e.key === 'ArrowDown' ? 1 : hits.length - 1)) % hits.length;
        show();
        e.preventDefault();
      } else if (e.key === 'Enter' && active >= 0) {
        choose(hits[active]);
        e.preventDefault();
      } else if (e.key === 'Escape') {
        list.hidden = true;
      }
    });
    input.addEventListener('blur', function () { list.hidden = true; });
  });

  // Result views.
  var COLOURS = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#edc948', '#b07aa1', '#9c755f'];
  /** "2018", "2018-03", "2018-03-11" as a time. */
  function time(date) {
    return Date.parse(date.length === 4 ? date + '-07-01' : date.length === 7 ? date + '-15' : date);
  }
  /**
   * A time axis with room around its first and last marks (and a year around a single date); its
   * months and days say their year, which a span within one year would otherwise never show, and
   * labels that would overlap on a narrow screen are left out.
   */
  function timeAxis() {
    var pad = function (v) { return Math.max(120 * 86400000, (v.max - v.min) * 0.04); };
    return { type: 'time', min: function (v) { return v.min - pad(v); }, max: function (v) { return v.max + pad(v); },
             axisLabel: { hideOverlap: true, formatter: { year: '{yyyy}', month: '{MMM} {yyyy}', day: '{d} {MMM} {yyyy}' } } };
  }
  var compact = new Intl.NumberFormat(document.documentElement.lang || 'en', { notation: 'compact' });
  function timeline(el, items) {
    var kinds = [];
    items.forEach(function (it) { if (kinds.indexOf(it.kind) < 0) kinds.push(it.kind); });
    var chart = echarts.init(el);
    chart.setOption({
      grid: { left: 110, right: 20, top: 20, bottom: 40 },
      tooltip: { formatter: function (p) {
        var it = p.data.item;
        return echarts.format.encodeHTML(it.when + ': ' + it.label) + (it.undated ? '<br><i>undated: reported by then</i>' : '')
          + (it.disputed ? '<br><b>disputed</b>' : '');
      } },
      xAxis: timeAxis(),
      yAxis: { type: 'category', data: kinds },
      series: [{
        type: 'scatter', symbolSize: 14,
        data: items.map(function (it) {
          return { value: [time(it.date), it.kind], item: it, symbol: it.undated ? 'emptyCircle' : 'circle',
                   itemStyle: { color: it.disputed ? '#d9822b' : '#4e79a7' } };
        })
      }]
    });
    chart.on('click', function (p) { if (p.data && p.data.item.href) location.href = p.data.item.href; });
    return chart;
  }
  function bars(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      color: COLOURS, tooltip: { trigger: 'axis' }, legend: { type: 'scroll', top: 0 },
      grid: { left: 80, right: 20, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: data.categories },
      yAxis: { type: 'value', name: data.unit, axisLabel: { formatter: function (v) { return compact.format(v); } } },
      series: data.series.map(function (s) { return { name: s.name, type: 'bar', stack: 'all', data: s.data }; })
    });
    return chart;
  }
  function lines(el, data) {
    var chart = echarts.init(el);
    chart.setOption({
      color: COLOURS, legend: { type: 'scroll', top: 0 }, grid: { left: 80, right: 20, top: 40, bottom: 30 },
      tooltip: { trigger: 'item', formatter: function (p) {
        return echarts.format.encodeHTML(p.seriesName + ': ' + p.data.shown + ' (' + p.data.date + ')');
      } },
      xAxis: timeAxis(), yAxis: { type: 'value', scale: true, axisLabel: { formatter: function (v) { return compact.format(v); } } },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'line', symbolSize: 10,
                 data: s.data.map(function (pt) { return { value: [time(pt[0]), pt[1]], date: pt[0], shown: pt[2] }; }) };
      })
    });
    return chart;
  }
  function graph(el, data) {
    var cy = cytoscape({
      container: el,
      elements: data.nodes.map(function (n) { return { data: n }; }).concat(data.edges.map(function (e, i) {
        return { data: { id: 'e' + i, source: e.source, target: e.target, label: e.label, disputed: e.disputed === true } };
      })),
      style: [
        { selector: 'node', style: { label: 'data(label)', 'font-size': 10, 'background-color': '#4e79a7', 'text-wrap': 'wrap', 'text-max-width': 120 } },
        { selector: 'edge', style: { label: 'data(label)', 'font-size': 8, 'curve-style': 'bezier', 'target-arrow-shape': 'triangle', width: 1.5, 'line-color': '#aab', 'target-arrow-color': '#aab' } },
        { selector: 'edge[?disputed]', style: { 'line-style': 'dashed', 'line-color': '#c0392b', 'target-arrow-color': '#c0392b' } }
      ],
      layout: { name: 'cose', animate: false, nodeRepulsion: 8000, idealEdgeLength: 90 }
    });
    cy.on('tap', 'node', function (e) { if (e.target.data('href')) location.href = e.target.data('href'); });
    return cy;
  }
  var DRAW = { timeline: timeline, bars: bars, lines: lines, graph: graph };
  var drawn = [];
  document.querySelectorAll('[data-view]').forEach(function (el) {
    var draw = DRAW[el.dataset.view];
    var ready = el.dataset.view === 'graph' ? typeof cytoscape === 'function' : typeof echarts === 'object';
    if (!draw || !ready) return;
    drawn.push(draw(el, JSON.parse(el.dataset.items)));
  });
  window.addEventListener('resize', function () { drawn.forEach(function (c) { if (c.resize) c.resize(); }); });
  window.articleKgViews = drawn;
  document.body.dataset.views = String(drawn.length);
})();
