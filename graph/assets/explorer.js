/* newsgraph explorer: draws the embedded graph with vis-network.
 * All text from articles is untrusted: it only ever reaches the page through textContent,
 * text nodes, vis-network's canvas labels and plain-text tooltips, and links are made only
 * for http(s) URLs. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("ng-data").textContent);
  var opts = data.options;
  var LABEL_MAX = 40;
  var FACTS_SHOWN = 200;
  var RESULTS_SHOWN = 30;
  var WEB_URL = /^https?:\/\//i;

  var adjacency = new Map();
  data.edges.forEach(function (e) {
    addTo(adjacency, e.from, e.id);
    if (e.to !== e.from) addTo(adjacency, e.to, e.id);
  });
  var searchKeys = data.nodes.map(function (n) {
    return [n.label].concat(n.aliases).join("\u0000").toLowerCase();
  });

  var state = {
    shown: topNodes(),
    types: new Set(Object.keys(data.types)),
    preds: new Set(Object.keys(data.predicates)),
    minConf: 0,
    from: "",
    to: "",
    linkedOnly: false
  };
  var placed = new Map();
  var edgeCounts = new Map();
  var visibleNodes = new Set();
  var visibleEdges = new Set();
  var nodeSet = new vis.DataSet();
  var edgeSet = new vis.DataSet();
  var nodeView = new vis.DataView(nodeSet, {
    filter: function (item) { return visibleNodes.has(item.id); }
  });
  var edgeView = new vis.DataView(edgeSet, {
    filter: function (item) { return visibleEdges.has(item.id); }
  });
  var network = null;
  var panel = document.getElementById("ng-panel");
  var status = document.getElementById("ng-status");

  /* ---------- small helpers ---------- */

  function addTo(map, key, value) {
    var list = map.get(key);
    if (list) list.push(value); else map.set(key, [value]);
  }

  function topNodes() {
    var ids = new Set();
    data.nodes.forEach(function (n) { if (n.top) ids.add(n.id); });
    return ids;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(function () { timer = null; fn(); }, ms);
    };
  }

  function isWebUrl(value) {
    return typeof value === "string" && WEB_URL.test(value);
  }

  function webLink(text, href) {
    if (!isWebUrl(href)) return el("span", "ng-text", text);
    var a = el("a", "ng-text", text || href);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function shortLabel(text) {
    return text.length > LABEL_MAX ? text.slice(0, LABEL_MAX - 1) + "\u2026" : text;
  }

  function predicateLabel(name) {
    return data.predicates[name].label;
  }

  function articleOf(statement) {
    return data.articles[statement.article] || { title: "", date: "", url: "", href: "", iri: "" };
  }

  function dayOf(statement) {
    return articleOf(statement).date.slice(0, 10);
  }

  /* ---------- filtering ---------- */

  function statementPasses(statement) {
    if (statement.confidence < state.minConf) return false;
    if (state.from || state.to) {
      var day = dayOf(statement);
      if (!day) return false;
      if (state.from && day < state.from) return false;
      if (state.to && day > state.to) return false;
    }
    return true;
  }

  function passingCount(edge) {
    if (!state.preds.has(edge.predicate)) return 0;
    var count = 0;
    edge.statements.forEach(function (i) { if (statementPasses(data.statements[i])) count += 1; });
    return count;
  }

  function visNode(n) {
    var colour = data.types[n.type].color;
    var item = {
      id: n.id,
      label: shortLabel(n.label),
      title: n.label + "\n" + n.type + " \u00b7 " + n.mentions + " mentions \u00b7 " +
        n.articles + " articles",
      shape: data.types[n.type].shape,
      value: Math.max(n.mentions, 1),
      color: {
        background: colour, border: colour,
        highlight: { background: colour, border: "#000000" },
        hover: { background: colour, border: "#000000" }
      }
    };
    var at = n.x !== undefined ? n : placed.get(n.id);
    if (at) { item.x = at.x; item.y = at.y; }
    return item;
  }

  function visEdge(e, count) {
    var p = data.predicates[e.predicate];
    var item = {
      id: e.id,
      from: e.from,
      to: e.to,
      width: Math.min(1 + 1.6 * Math.log(count), 8),
      color: { color: p.color, highlight: p.color, hover: p.color, opacity: 0.85 },
      arrows: { to: { enabled: !p.symmetric, scaleFactor: 0.6 } },
      title: data.nodes[e.from].label + " \u2014 " + p.label +
        (p.symmetric ? " \u2014 " : " \u2192 ") + data.nodes[e.to].label + "\n" + count +
        (count === 1 ? " statement" : " statements")
    };
    if (opts.edgeLabels) item.label = count > 1 ? p.label + " \u00d7" + count : p.label;
    if (e.curve > 0) {
      item.smooth = {
        enabled: true,
        type: e.curve % 2 ? "curvedCW" : "curvedCCW",
        roundness: 0.15 * Math.ceil(e.curve / 2)
      };
    }
    return item;
  }

  function storePositions() {
    if (!network) return;
    var ids = nodeView.getIds();
    var positions = network.getPositions(ids);
    var updates = [];
    ids.forEach(function (id) {
      var p = positions[id];
      if (p) updates.push({ id: id, x: Math.round(p.x), y: Math.round(p.y) });
    });
    if (updates.length) nodeSet.update(updates);
  }

  function applyFilters() {
    storePositions();
    var base = new Set();
    state.shown.forEach(function (id) {
      if (state.types.has(data.nodes[id].type)) base.add(id);
    });
    var linked = new Set();
    var edgeChanges = [];
    visibleEdges.clear();
    data.edges.forEach(function (e) {
      if (!base.has(e.from) || !base.has(e.to)) return;
      var count = passingCount(e);
      if (count === 0) return;
      visibleEdges.add(e.id);
      linked.add(e.from);
      linked.add(e.to);
      if (edgeCounts.get(e.id) !== count) {
        edgeCounts.set(e.id, count);
        edgeChanges.push(visEdge(e, count));
      }
    });
    visibleNodes.clear();
    var newNodes = [];
    base.forEach(function (id) {
      if (state.linkedOnly && !linked.has(id)) return;
      visibleNodes.add(id);
      if (nodeSet.get(id) === null) newNodes.push(visNode(data.nodes[id]));
    });
    if (newNodes.length) nodeSet.add(newNodes);
    if (edgeChanges.length) edgeSet.update(edgeChanges);
    nodeView.refresh();
    edgeView.refresh();
    updateStatus();
  }

  function updateStatus() {
    var text = "Showing " + visibleNodes.size + " of " + data.nodes.length + " entities, " +
      visibleEdges.size + " connections";
    if (opts.overview && state.shown.size < data.nodes.length) {
      text += " (overview of the most mentioned; search to add others)";
    }
    status.textContent = text;
  }

  /* ---------- growing the view ---------- */

  function anchorOf(id, neighbours) {
    if (network && visibleNodes.has(id)) return network.getPositions([id])[id];
    var known = neighbours.filter(function (n) { return visibleNodes.has(n); });
    if (network && known.length) {
      var positions = network.getPositions(known);
      var sum = known.reduce(function (acc, n) {
        return { x: acc.x + positions[n].x, y: acc.y + positions[n].y };
      }, { x: 0, y: 0 });
      return { x: sum.x / known.length, y: sum.y / known.length };
    }
    return network ? network.getViewPosition() : { x: 0, y: 0 };
  }

  function expand(id) {
    var neighbours = [];
    (adjacency.get(id) || []).forEach(function (eid) {
      var e = data.edges[eid];
      neighbours.push(e.from === id ? e.to : e.from);
    });
    var added = [id].concat(neighbours).filter(function (n, i, all) {
      return !state.shown.has(n) && all.indexOf(n) === i;
    });
    if (opts.physics && added.length) {
      var anchor = anchorOf(id, neighbours);
      var radius = 60 + 12 * Math.sqrt(added.length);
      added.forEach(function (n, k) {
        if (nodeSet.get(n) !== null || placed.has(n)) return;
        var angle = (2 * Math.PI * k) / added.length;
        var offset = n === id ? 0 : radius;
        placed.set(n, { x: anchor.x + offset * Math.cos(angle), y: anchor.y + offset * Math.sin(angle) });
      });
    }
    added.forEach(function (n) { state.shown.add(n); });
    applyFilters();
    if (opts.physics && added.length && network) {
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(150);
    }
  }

  function focusNode(id) {
    var n = data.nodes[id];
    if (!state.types.has(n.type)) {
      state.types.add(n.type);
      var box = document.querySelector('#ng-types input[data-index="' + typeIndex(n.type) + '"]');
      if (box) box.checked = true;
    }
    expand(id);
    if (network && visibleNodes.has(id)) {
      network.selectNodes([id]);
      network.focus(id, {
        scale: Math.max(network.getScale(), 1),
        animation: { duration: 500, easingFunction: "easeInOutQuad" }
      });
    }
    showNode(id);
  }

  /* ---------- evidence panel ---------- */

  function entityButton(id) {
    var n = data.nodes[id];
    var button = el("button", "ng-entity ng-text", n.label);
    button.type = "button";
    button.title = n.type;
    button.addEventListener("click", function () { focusNode(id); });
    return button;
  }

  function relationLine(e) {
    var line = el("p", "ng-relation");
    var symmetric = data.predicates[e.predicate].symmetric;
    line.append(entityButton(e.from), " " + predicateLabel(e.predicate) + (symmetric ? " " : " \u2192 "),
      entityButton(e.to));
    return line;
  }

  function statementItem(index, edge) {
    var s = data.statements[index];
    var a = articleOf(s);
    var item = el("li", "ng-fact");
    if (edge) item.appendChild(relationLine(edge));
    if (s.post) item.appendChild(el("p", "ng-meta ng-text", "Post: " + s.post));
    item.appendChild(el("blockquote", "ng-sentence", s.sentence || "(no evidence sentence)"));
    var source = el("p", "ng-meta");
    var web = isWebUrl(a.href);
    source.appendChild(webLink(a.title || (web ? a.href : "") || a.iri || "article", a.href));
    if (a.url && !web) source.append(" \u00b7 ", el("span", "ng-text", a.url));
    if (a.date) source.append(" \u00b7 " + a.date);
    item.appendChild(source);
    var facts = "confidence " + s.confidence.toFixed(2);
    if (s.modality) facts += " \u00b7 " + s.modality;
    if (s.trigger) facts += " \u00b7 trigger \u201c" + s.trigger + "\u201d";
    if (!statementPasses(s) || (edge && !state.preds.has(edge.predicate))) {
      facts += " \u00b7 hidden by filters";
    }
    item.appendChild(el("p", "ng-meta ng-text", facts));
    return item;
  }

  function factList(rows) {
    var list = el("ul", "ng-facts");
    var render = function (limit) {
      clear(list);
      rows.slice(0, limit).forEach(function (row) { list.appendChild(statementItem(row.s, row.e)); });
      if (rows.length > limit) {
        var more = el("button", "ng-action", "Show all " + rows.length);
        more.type = "button";
        more.addEventListener("click", function () { render(rows.length); });
        list.appendChild(more);
      }
    };
    render(FACTS_SHOWN);
    return list;
  }

  function byDate(a, b) {
    var da = dayOf(data.statements[a.s]);
    var db = dayOf(data.statements[b.s]);
    return da < db ? 1 : da > db ? -1 : 0;
  }

  function plainList(title, values, make) {
    if (!values.length) return;
    panel.appendChild(el("h3", null, title));
    var list = el("ul", "ng-plain");
    values.forEach(function (v) {
      var li = el("li");
      li.appendChild(make(v));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  function showNode(id) {
    var n = data.nodes[id];
    clear(panel);
    panel.appendChild(el("h2", "ng-text", n.label));
    panel.appendChild(el("p", "ng-meta", n.type + " \u00b7 " + n.mentions + " mentions \u00b7 " +
      n.articles + " articles"));
    panel.appendChild(el("p", "ng-meta ng-text", n.iri));
    plainList("Also known as", n.aliases, function (a) { return el("span", "ng-text", a); });
    plainList("Same as", n.sameAs, function (l) { return webLink(l.text, l.href); });
    var more = el("button", "ng-action", "Show neighbours");
    more.type = "button";
    more.addEventListener("click", function () { expand(id); });
    panel.appendChild(more);
    var rows = [];
    (adjacency.get(id) || []).forEach(function (eid) {
      var e = data.edges[eid];
      e.statements.forEach(function (s) { rows.push({ s: s, e: e }); });
    });
    rows.sort(byDate);
    panel.appendChild(el("h3", null, "Facts (" + rows.length + ")"));
    panel.appendChild(factList(rows));
  }

  function showEdge(eid) {
    var e = data.edges[eid];
    clear(panel);
    var head = el("h2", "ng-text");
    head.appendChild(relationLine(e));
    panel.appendChild(head);
    panel.appendChild(el("p", "ng-meta", e.statements.length +
      (e.statements.length === 1 ? " statement" : " statements")));
    panel.appendChild(factList(e.statements.map(function (s) { return { s: s, e: null }; })));
  }

  /* ---------- controls ---------- */

  function typeIndex(name) {
    return Object.keys(data.types).indexOf(name);
  }

  function legendRow(container, index, swatch, text, count, onChange) {
    var li = el("li");
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-index", String(index));
    box.addEventListener("change", function () { onChange(box.checked); });
    label.append(box, swatch, el("span", "ng-text", text), el("span", "ng-count", count));
    li.appendChild(label);
    container.appendChild(li);
  }

  function buildLegend() {
    var typeCounts = new Map();
    data.nodes.forEach(function (n) { typeCounts.set(n.type, (typeCounts.get(n.type) || 0) + 1); });
    var types = document.getElementById("ng-types");
    Object.keys(data.types).forEach(function (name, i) {
      var swatch = el("span", "ng-swatch ng-shape-" + data.types[name].shape);
      swatch.style.background = data.types[name].color;
      legendRow(types, i, swatch, name, typeCounts.get(name) || 0, function (on) {
        if (on) state.types.add(name); else state.types.delete(name);
        applyFilters();
      });
    });
    var preds = document.getElementById("ng-predicates");
    Object.keys(data.predicates).forEach(function (name, i) {
      var p = data.predicates[name];
      var swatch = el("span", "ng-swatch ng-line");
      swatch.style.background = p.color;
      legendRow(preds, i, swatch, p.label, p.count, function (on) {
        if (on) state.preds.add(name); else state.preds.delete(name);
        applyFilters();
      });
    });
    var setAll = function (on) {
      preds.querySelectorAll("input").forEach(function (box) { box.checked = on; });
      state.preds = on ? new Set(Object.keys(data.predicates)) : new Set();
      applyFilters();
    };
    document.getElementById("ng-preds-all").addEventListener("click", function () { setAll(true); });
    document.getElementById("ng-preds-none").addEventListener("click", function () { setAll(false); });
  }

  function buildFilters() {
    var slider = document.getElementById("ng-confidence");
    var shown = document.getElementById("ng-confidence-value");
    var later = debounce(applyFilters, 150);
    slider.addEventListener("input", function () {
      state.minConf = parseFloat(slider.value) || 0;
      shown.textContent = state.minConf.toFixed(2);
      later();
    });
    var days = data.articles.map(function (a) { return a.date.slice(0, 10); })
      .filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d); }).sort();
    ["from", "to"].forEach(function (which) {
      var input = document.getElementById("ng-date-" + which);
      if (days.length) { input.min = days[0]; input.max = days[days.length - 1]; }
      input.addEventListener("change", function () { state[which] = input.value; applyFilters(); });
    });
    var linked = document.getElementById("ng-linked-only");
    linked.addEventListener("change", function () { state.linkedOnly = linked.checked; applyFilters(); });
  }

  function buildSearch() {
    var input = document.getElementById("ng-search");
    var results = document.getElementById("ng-results");
    var first = null;
    var run = function () {
      clear(results);
      first = null;
      var query = input.value.trim().toLowerCase();
      if (!query) return;
      var hits = [];
      for (var i = 0; i < data.nodes.length; i++) {
        if (searchKeys[i].indexOf(query) < 0) continue;
        var label = data.nodes[i].label.toLowerCase();
        hits.push({ id: i, rank: label === query ? 0 : label.indexOf(query) === 0 ? 1 : 2 });
      }
      hits.sort(function (a, b) {
        return a.rank - b.rank || data.nodes[b.id].mentions - data.nodes[a.id].mentions;
      });
      if (!hits.length) { results.appendChild(el("li", "ng-note", "No match")); return; }
      first = hits[0].id;
      hits.slice(0, RESULTS_SHOWN).forEach(function (hit) {
        var n = data.nodes[hit.id];
        var li = el("li");
        var button = el("button");
        button.type = "button";
        button.append(el("span", "ng-text", n.label), el("span", "ng-kind", n.type));
        button.addEventListener("click", function () { focusNode(hit.id); });
        li.appendChild(button);
        results.appendChild(li);
      });
    };
    input.addEventListener("input", debounce(run, 120));
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { run(); if (first !== null) focusNode(first); }
      if (event.key === "Escape") { input.value = ""; clear(results); }
    });
    document.getElementById("ng-reset").addEventListener("click", function () {
      state.shown = topNodes();
      input.value = "";
      clear(results);
      applyFilters();
      if (network) network.fit();
    });
  }

  /* ---------- network ---------- */

  function networkOptions() {
    return {
      nodes: {
        borderWidth: 1,
        scaling: { min: 8, max: 40, label: { enabled: true, min: 11, max: 22, drawThreshold: 6 } },
        font: { size: 12, color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" }
      },
      edges: {
        smooth: opts.physics ? { enabled: true, type: "continuous", roundness: 0.3 } : false,
        font: { size: 10, color: "#444444", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
        selectionWidth: 2,
        hoverWidth: 1.5
      },
      physics: opts.physics ? {
        enabled: true,
        solver: "forceAtlas2Based",
        forceAtlas2Based: {
          gravitationalConstant: -60, centralGravity: 0.01, springLength: 110,
          springConstant: 0.08, avoidOverlap: 0.4
        },
        stabilization: { enabled: true, iterations: 400, updateInterval: 25, fit: true },
        minVelocity: 0.75
      } : { enabled: false },
      interaction: {
        hover: true,
        tooltipDelay: 150,
        hideEdgesOnDrag: opts.hideEdgesOnDrag,
        hideEdgesOnZoom: opts.hideEdgesOnDrag
      },
      layout: { randomSeed: opts.seed, improvedLayout: opts.physics && visibleNodes.size <= 150 }
    };
  }

  function start() {
    buildLegend();
    buildFilters();
    buildSearch();
    applyFilters();
    var container = document.getElementById("ng-network");
    network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, networkOptions());
    network.on("click", function (params) {
      if (params.nodes.length) showNode(params.nodes[0]);
      else if (params.edges.length) showEdge(params.edges[0]);
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) expand(params.nodes[0]);
    });
    if (opts.physics) {
      network.on("stabilizationProgress", function (p) {
        status.textContent = "Laying out\u2026 " + Math.round((100 * p.iterations) / p.total) + "%";
      });
      network.on("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false, stabilization: { fit: false } } });
        updateStatus();
      });
    }
  }

  start();
})();
