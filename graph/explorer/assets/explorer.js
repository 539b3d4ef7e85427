/* newsgraph explorer: draws the embedded graph with vis-network.
 * All text from articles is untrusted: it only ever reaches the page through textContent,
 * text nodes, vis-network's canvas labels and plain-text tooltips, and links are made only
 * for http(s) URLs.
 * Large graphs: positions come with the data (no physics), edges are hidden while dragging or
 * zooming, edge labels are drawn only for the selection, and the first view is an overview of
 * the top entities; clicking an entity opens its neighbourhood. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("ng-data").textContent);
  performance.mark("m-json"); var opts = data.options;
  var LABEL_MAX = 40;
  var FACTS_SHOWN = 200;
  var RESULTS_SHOWN = 30;
  var NEIGHBOURS_SHOWN = 100;
  var WEB_URL = /^https?:\/\//i;
  var typeNames = Object.keys(data.types);
  var hasNegated = data.edges.some(function (e) { return e.negated; });

  var adjacency = new Map();
  data.edges.forEach(function (e) {
    addTo(adjacency, e.from, e.id);
    if (e.to !== e.from) addTo(adjacency, e.to, e.id);
  });
  var searchKeys = data.nodes.map(function (n) {
    return [n.label].concat(n.aliases || []).join("\u0000").toLowerCase();
  });

  var state = {
    shown: topNodes(),
    types: new Set(typeNames),
    preds: new Set(Object.keys(data.predicates)),
    minConf: 0,
    from: "",
    to: "",
    negated: true,
    linkedOnly: false
  };
  var placed = new Map();
  var edgeCounts = new Map();
  var labelled = new Set();
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
  var settled = !opts.physics;
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

  function articleOf(statement) {
    return data.articles[statement.article] ||
      { title: "", date: "", source: "", url: "", href: "", iri: "" };
  }

  function dayOf(statement) {
    return articleOf(statement).date.slice(0, 10);
  }

  function neighboursOf(id) {
    var seen = new Set();
    (adjacency.get(id) || []).forEach(function (eid) {
      var e = data.edges[eid];
      seen.add(e.from === id ? e.to : e.from);
    });
    seen.delete(id);
    return Array.from(seen);
  }

  /* ---------- filtering ---------- */

  function statementPasses(statement) {
    if (statement.confidence < state.minConf) return false;
    if (!state.negated && statement.polarity === "negated") return false;
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
    var item = {
      id: n.id,
      label: shortLabel(n.label),
      group: "t" + typeNames.indexOf(n.type),
      title: n.label + "\n" + n.type + " \u00b7 " + n.mentions + " mentions \u00b7 " +
        n.articles + " articles",
      value: Math.max(n.mentions, 1)
    };
    var at = n.x !== undefined ? n : placed.get(n.id);
    if (at) { item.x = at.x; item.y = at.y; }
    return item;
  }

  function edgeText(e, count) {
    var p = data.predicates[e.predicate];
    return (e.negated ? "not " : "") + p.label + (count > 1 ? " \u00d7" + count : "");
  }

  function visEdge(e, count) {
    var p = data.predicates[e.predicate];
    var item = {
      id: e.id,
      from: e.from,
      to: e.to,
      width: Math.min(1 + 1.6 * Math.log(count), 8),
      dashes: Boolean(e.negated),
      color: p.color,
      arrows: p.symmetric ? "" : "to",
      title: data.nodes[e.from].label + " \u2014 " + edgeText(e, count) +
        (p.symmetric ? " \u2014 " : " \u2192 ") + data.nodes[e.to].label + "\n" + count +
        (count === 1 ? " statement" : " statements"),
      label: labelled.has(e.id) ? edgeText(e, count) : null
    };
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
    if (!network || !opts.physics) return;
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
      text += " (overview: top entities by " + (opts.rank === "pagerank" ? "PageRank" : "mentions") +
        "; click an entity or search to open more)";
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

  /* Show ``id`` and up to ``limit`` of its hidden neighbours (most mentioned first); returns
   * how many neighbours stay hidden. */
  function expand(id, limit) {
    var neighbours = neighboursOf(id);
    var hidden = neighbours.filter(function (n) { return !state.shown.has(n); });
    hidden.sort(function (a, b) { return data.nodes[b].mentions - data.nodes[a].mentions; });
    var added = hidden.slice(0, limit);
    if (!state.shown.has(id)) added.unshift(id);
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
    if (added.length) applyFilters();
    if (opts.physics && added.length && network) {
      network.setOptions({ physics: { enabled: true } });
      network.stabilize(150);
    }
    return Math.max(hidden.length - limit, 0);
  }

  function showType(type) {
    if (state.types.has(type)) return;
    state.types.add(type);
    var box = document.querySelector('#ng-types input[data-index="' + typeNames.indexOf(type) + '"]');
    if (box) box.checked = true;
  }

  /* Open an entity: show it with its neighbourhood, select it and list its facts. */
  function openNode(id, move) {
    showType(data.nodes[id].type);
    var more = expand(id, NEIGHBOURS_SHOWN);
    if (network && visibleNodes.has(id)) {
      network.selectNodes([id]);
      labelSelection();
      if (move) {
        network.focus(id, {
          scale: Math.max(network.getScale(), 1),
          animation: { duration: 400, easingFunction: "easeInOutQuad" }
        });
      }
    }
    showNode(id, more);
  }

  /* Edge labels only for the selection (the clicked entity's relations, or one relation).
   * A label cannot be unset by an update, so edges that lose theirs are added anew. */
  function labelSelection() {
    var wanted = new Set(network ? network.getSelectedEdges() : []);
    var dropped = Array.from(labelled).filter(function (eid) { return !wanted.has(eid); });
    var gained = Array.from(wanted).filter(function (eid) {
      return !labelled.has(eid) && visibleEdges.has(eid);
    });
    dropped.forEach(function (eid) { labelled.delete(eid); });
    gained.forEach(function (eid) { labelled.add(eid); });
    if (dropped.length) {
      edgeSet.remove(dropped);
      edgeSet.add(dropped.map(function (eid) {
        return visEdge(data.edges[eid], edgeCounts.get(eid) || 1);
      }));
    }
    if (gained.length) {
      edgeSet.update(gained.map(function (eid) {
        return { id: eid, label: edgeText(data.edges[eid], edgeCounts.get(eid) || 1) };
      }));
    }
  }

  /* ---------- evidence panel ---------- */

  function entityButton(id) {
    var n = data.nodes[id];
    var button = el("button", "ng-entity ng-text", n.label);
    button.type = "button";
    button.title = n.type;
    button.addEventListener("click", function () { openNode(id, true); });
    return button;
  }

  function relationLine(e) {
    var line = el("p", "ng-relation");
    var symmetric = data.predicates[e.predicate].symmetric;
    line.append(entityButton(e.from), " " + edgeText(e, 1) + (symmetric ? " " : " \u2192 "),
      entityButton(e.to));
    return line;
  }

  function sourceLine(a) {
    var source = el("p", "ng-meta ng-source");
    var web = isWebUrl(a.href);
    source.appendChild(webLink(a.title || (web ? a.href : "") || a.iri || "article", a.href));
    if (a.url && !web) source.append(" \u00b7 ", el("span", "ng-text", a.url));
    if (a.source) source.append(" \u00b7 ", el("span", "ng-text", a.source));
    if (a.date) source.append(" \u00b7 " + a.date);
    return source;
  }

  function statementItem(index, edge) {
    var s = data.statements[index];
    var a = articleOf(s);
    var item = el("li", "ng-fact");
    if (edge) item.appendChild(relationLine(edge));
    if (s.post) item.appendChild(el("p", "ng-meta ng-text", "Post: " + s.post));
    if (s.kb) {
      /* a fact the knowledge base gives: no sentence, no article */
      item.appendChild(el("p", "ng-kb", "knowledge base"));
      item.appendChild(el("p", "ng-meta ng-source ng-text", "Source: " + s.kb));
    } else {
      item.appendChild(el("blockquote", "ng-sentence", s.sentence || "(no evidence sentence)"));
      if (s.coref) item.appendChild(el("p", "ng-meta ng-text", "Resolved: " + s.coref));
      item.appendChild(sourceLine(a));
    }
    if (s.by !== undefined && data.nodes[s.by]) {
      var by = el("p", "ng-meta", "According to ");
      by.appendChild(entityButton(s.by));
      item.appendChild(by);
    }
    var facts = "confidence " + s.confidence.toFixed(2) + " \u00b7 " + (s.polarity || "asserted");
    if (s.modality) facts += " \u00b7 " + s.modality;
    if (s.trigger) facts += " \u00b7 trigger \u201c" + s.trigger + "\u201d";
    var codes = [s.cameo, s.plover].filter(Boolean).join(" ");
    if (codes) facts += " \u00b7 " + codes;
    if (!statementPasses(s) || (edge && !state.preds.has(edge.predicate))) {
      facts += " \u00b7 hidden by filters";
    }
    item.appendChild(el("p", "ng-meta ng-text ng-facts-line", facts));
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
    if (!values || !values.length) return;
    panel.appendChild(el("h3", null, title));
    var list = el("ul", "ng-plain");
    values.forEach(function (v) {
      var li = el("li");
      li.appendChild(make(v));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }

  function showNode(id, hiddenNeighbours) {
    var n = data.nodes[id];
    clear(panel);
    panel.appendChild(el("h2", "ng-text", n.label));
    panel.appendChild(el("p", "ng-meta", n.type + " \u00b7 " + n.mentions + " mentions \u00b7 " +
      n.articles + " articles \u00b7 " + neighboursOf(id).length + " neighbours"));
    panel.appendChild(el("p", "ng-meta ng-text", n.iri));
    plainList("Also known as", n.aliases, function (a) { return el("span", "ng-text", a); });
    plainList("Same as", n.sameAs, function (l) { return webLink(l.text, l.href); });
    if (hiddenNeighbours > 0) {
      var more = el("button", "ng-action", "Show " + hiddenNeighbours + " more neighbours");
      more.type = "button";
      more.addEventListener("click", function () { expand(id, Infinity); openNode(id, false); });
      panel.appendChild(more);
    }
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
      (e.statements.length === 1 ? " statement" : " statements") +
      (data.predicates[e.predicate].codes ? " \u00b7 " + data.predicates[e.predicate].codes : "")));
    panel.appendChild(factList(e.statements.map(function (s) { return { s: s, e: null }; })));
  }

  /* ---------- controls ---------- */

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
    typeNames.forEach(function (name, i) {
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
    var negated = document.getElementById("ng-negated");
    negated.parentNode.hidden = !hasNegated;
    negated.addEventListener("change", function () { state.negated = negated.checked; applyFilters(); });
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
        button.addEventListener("click", function () { openNode(hit.id, true); });
        li.appendChild(button);
        results.appendChild(li);
      });
    };
    input.addEventListener("input", debounce(run, 120));
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { run(); if (first !== null) openNode(first, true); }
      if (event.key === "Escape") { input.value = ""; clear(results); }
    });
    document.getElementById("ng-reset").addEventListener("click", function () {
      state.shown = topNodes();
      input.value = "";
      clear(results);
      if (network) network.unselectAll();
      labelSelection();
      applyFilters();
      if (network) network.fit();
    });
  }

  /* ---------- network ---------- */

  function networkOptions() {
    var groups = {};
    typeNames.forEach(function (name, i) {
      var colour = data.types[name].color;
      groups["t" + i] = {
        shape: data.types[name].shape,
        color: {
          background: colour, border: colour,
          highlight: { background: colour, border: "#000000" },
          hover: { background: colour, border: "#000000" }
        }
      };
    });
    return {
      groups: groups,
      nodes: {
        borderWidth: 1,
        scaling: { min: 8, max: 40, label: { enabled: true, min: 11, max: 22, drawThreshold: 6 } },
        font: { size: 12, color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" }
      },
      edges: {
        smooth: false,
        font: { size: 10, color: "#444444", strokeWidth: 3, strokeColor: "#ffffff", align: "middle" },
        color: { opacity: 0.85 },
        arrows: { to: { scaleFactor: 0.6 } },
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
    performance.mark("m-prep"); applyFilters(); performance.mark("m-filters");
    var container = document.getElementById("ng-network");
    network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, networkOptions());
    performance.mark("m-network"); network.once("afterDrawing", function () { performance.mark("ng-first-draw"); });
    network.on("click", function (params) {
      if (params.nodes.length) openNode(params.nodes[0], false);
      else if (params.edges.length) { labelSelection(); showEdge(params.edges[0]); }
      else labelSelection();
    });
    network.on("doubleClick", function (params) {
      if (params.nodes.length) expand(params.nodes[0], Infinity);
    });
    if (opts.physics) {
      network.on("stabilizationProgress", function (p) {
        status.textContent = "Laying out\u2026 " + Math.round((100 * p.iterations) / p.total) + "%";
      });
      network.on("stabilizationIterationsDone", function () {
        network.setOptions({ physics: { enabled: false, stabilization: { fit: false } } });
        settled = true;
        updateStatus();
      });
    }
    window.newsgraphExplorer = {
      network: network,
      open: function (id) { openNode(id, true); },
      settled: function () { return settled; },
      visibleNodes: function () { return visibleNodes.size; },
      visibleEdges: function () { return visibleEdges.size; }
    };
  }

  start();
})();
