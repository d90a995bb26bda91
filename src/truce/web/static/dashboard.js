/* truce dashboard: map, timeline, compliance, accounts and incident detail.
 *
 * One script for both ways the page is opened: the offline file carries its data in
 * <script type="application/json" id="truce-data">; the served page fetches it from
 * /api/v1/dashboard with the viewer's token. Nothing is loaded from anywhere else, and
 * nothing is written into the page as markup except text escaped here and the accounts
 * table that truce rendered (and escaped) itself.
 */
(function () {
  "use strict";

  var COLOURS = { violation: "#b42318", no_violation: "#2e7d32", undetermined: "#a15c00" };
  var CORROBORATION = ["single_source", "multiple_sources", "both_sides", "independent"];
  var TOKEN_KEY = "truce-token";
  var DAY = 86400000;

  var state = {
    data: null, rows: [], version: 0, map: null, markers: null, outlines: null,
    selected: null, offline: false, byId: {},
  };

  // --- small DOM helpers ------------------------------------------------------------

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (key) {
        if (key === "text") node.textContent = attrs[key];
        else if (key === "class") node.className = attrs[key];
        else if (attrs[key] !== null && attrs[key] !== undefined) node.setAttribute(key, attrs[key]);
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function append(parent, child) { if (child) parent.appendChild(child); }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); return node; }

  function badge(verdict) {
    return el("span", { class: "verdict " + verdict, text: verdict.replace("_", " ") });
  }

  // --- data -------------------------------------------------------------------------

  /* Incident rows become objects once, with the verdict index under each version. */
  function prepare(data) {
    var cols = data.columns;
    state.data = data;
    state.byId = {};
    state.rows = data.incidents.map(function (values, index) {
      var row = { index: index };
      cols.forEach(function (name, i) { row[name] = values[i]; });
      row.reasons = data.rulings[index];
      row.verdicts = row.reasons.map(function (r) { return data.reasons[r][1]; });
      state.byId[row.id] = row;
      return row;
    });
    if (state.version >= data.versions.length) state.version = 0;
  }

  function verdictOf(row, version) { return state.data.verdicts[row.verdicts[version]]; }

  // --- header, selectors, downloads -------------------------------------------------

  function renderHeader() {
    var data = state.data;
    $("title").textContent = data.agreement.title || data.agreement.id;
    var located = state.rows.filter(function (r) { return r.map_lat !== null; }).length;
    $("summary").textContent = "Agreement " + data.agreement.id + " · " + data.versions.length +
      " versions · " + state.rows.length + " incidents (" + located + " on the map) · generated " +
      data.generated + " by truce " + data.truce_version;
    var versionSelect = clear($("version-select"));
    data.versions.forEach(function (v, i) {
      versionSelect.appendChild(el("option", { value: String(i), text: v.id + " (according to " + v.according_to + ")" }));
    });
    versionSelect.value = String(state.version);
    var agreementBox = $("agreement-box");
    if (!state.offline && data.agreements.length > 1) {
      var select = clear($("agreement-select"));
      data.agreements.forEach(function (id) { select.appendChild(el("option", { value: id, text: id })); });
      select.value = data.agreement.id;
      agreementBox.hidden = false;
    } else {
      agreementBox.hidden = true;
    }
  }

  function saveBlob(text, name, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function rulingsOf(row) {
    return state.data.versions.map(function (v, i) {
      var reason = state.data.reasons[row.reasons[i]];
      return { version: v.id, verdict: state.data.verdicts[reason[1]], reason: reason[0],
               explanation: state.data.explanations[row.index][i] };
    });
  }

  /* The same shapes as `truce export --format json|geojson` (truce.exports), built from
   * the data in the page: the offline file has no server to ask. */
  var EXPORTED = ["id", "occurred_at", "place", "lat", "lon", "country", "region", "perpetrator",
    "target", "target_detail", "weapon", "killed", "injured", "source", "source_alignment", "url",
    "text", "time_precision"];

  function incidentRecord(row) {
    var record = {};
    EXPORTED.forEach(function (name) { record[name] = row[name]; });
    record.occurred_from = row.earliest;
    record.occurred_to = row.latest;
    return record;
  }

  function exportJson() {
    var agreement = state.data.agreement;
    var body = {
      agreements: [{ id: agreement.id, title: agreement.title, versions: state.data.versions.map(function (v) {
        return { id: v.id, according_to: v.according_to };
      }) }],
      incidents: state.rows.map(function (row) {
        var record = incidentRecord(row);
        record.rulings = rulingsOf(row).map(function (r) {
          return { agreement: agreement.id, version: r.version, verdict: r.verdict, reason: r.reason,
                   explanation: r.explanation };
        });
        return record;
      }),
    };
    return JSON.stringify(body);
  }

  function exportGeoJson() {
    var agreement = state.data.agreement.id;
    var features = state.rows.map(function (row) {
      var props = incidentRecord(row);
      rulingsOf(row).forEach(function (r) {
        props["verdict:" + agreement + "/" + r.version] = r.verdict;
        props["reason:" + agreement + "/" + r.version] = r.reason;
      });
      return {
        type: "Feature", id: row.id, properties: props,
        // Only coordinates given with the incident: a town, region or country centre
        // that the map stands in for is not a location to hand on.
        geometry: row.lat === null || row.lon === null ? null : { type: "Point", coordinates: [row.lon, row.lat] },
      };
    });
    return JSON.stringify({ type: "FeatureCollection", features: features });
  }

  function download(format) {
    var id = state.data.agreement.id;
    if (state.offline) {
      if (format === "json") saveBlob(exportJson(), id + ".json", "application/json");
      else saveBlob(exportGeoJson(), id + ".geojson", "application/geo+json");
      return;
    }
    var url = "/api/v1/export?format=" + format + "&agreement=" + encodeURIComponent(id);
    fetch(url, { headers: authHeaders() }).then(function (response) {
      if (!response.ok) throw new Error("export failed: HTTP " + response.status);
      return response.blob();
    }).then(function (blob) {
      var ext = format === "geojson" ? "geojson" : format;
      var href = URL.createObjectURL(blob);
      var link = el("a", { href: href, download: id + "." + ext });
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(href); }, 1000);
    }).catch(function (error) { $("download-status").textContent = String(error.message || error); });
  }

  function renderDownloads() {
    var box = clear($("downloads"));
    var formats = state.offline ? ["json", "geojson"] : ["csv", "json", "geojson"];
    box.appendChild(el("span", { class: "muted", text: "Download: " }));
    formats.forEach(function (format) {
      var button = el("button", { type: "button", "data-format": format, text: format.toUpperCase() });
      button.addEventListener("click", function () { download(format); });
      box.appendChild(button);
    });
    box.appendChild(el("span", { id: "download-status", class: "muted" }));
  }

  // --- map --------------------------------------------------------------------------

  function outlines() {
    if (state.outlines) return Promise.resolve(state.outlines);
    var embedded = $("truce-outlines");
    if (embedded) {
      state.outlines = JSON.parse(embedded.textContent);
      return Promise.resolve(state.outlines);
    }
    return fetch("static/outlines.json").then(function (r) { return r.json(); })
      .then(function (data) { state.outlines = data; return data; });
  }

  function setupMap(shapes) {
    if (state.map) return;
    var box = shapes.bbox;
    var map = L.map("map-canvas", {
      preferCanvas: true, attributionControl: true, zoomSnap: 0.25, minZoom: 3, maxZoom: 12,
      maxBounds: [[box[1] - 5, box[0] - 10], [box[3] + 5, box[2] + 10]],
    });
    map.attributionControl.setPrefix("Leaflet");
    map.attributionControl.addAttribution("Outlines: Natural Earth (world-atlas); places: GeoNames");
    L.geoJSON({ type: "FeatureCollection", features: shapes.features }, {
      style: { color: "#7a8594", weight: 1, fillColor: "#e9edf1", fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    var labels = L.layerGroup(), placed = [];
    shapes.labels.forEach(function (f) {
      var c = f.geometry.coordinates, lat = c[1];
      // A city that is a region of its own (Kyiv) sits inside the region around it:
      // move its name down until it clears the names already placed.
      while (placed.some(function (q) { return Math.abs(q[0] - lat) < 0.3 && Math.abs(q[1] - c[0]) < 1.2; })) lat -= 0.3;
      placed.push([lat, c[0]]);
      labels.addLayer(L.marker([lat, c[0]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ className: "region-label", html: "", iconSize: null }),
      }).on("add", function (event) {
        var icon = event.target.getElement();
        if (icon) icon.textContent = f.properties.name.replace(/ Oblast$/, " obl.");
      }));
    });
    state.updateLabels = function () {
      if (map.getZoom() >= 5) labels.addTo(map); else labels.remove();
    };
    map.on("zoomend", state.updateLabels);
    map.fitBounds([[44, 22], [57, 45]]);
    state.map = map;
    state.markers = L.layerGroup().addTo(map);
  }

  function drawMarkers() {
    var layer = state.markers;
    layer.clearLayers();
    var renderer = state.map.options.renderer || L.canvas();
    state.rows.forEach(function (row) {
      if (row.map_lat === null) return;
      var verdict = verdictOf(row, state.version);
      var exact = row.map_precision === "exact" || row.map_precision === "place";
      var offset = jitter(row);
      var marker = L.circleMarker([row.map_lat + offset[0], row.map_lon + offset[1]], {
        renderer: renderer, radius: exact ? 6 : 8, color: COLOURS[verdict], weight: exact ? 1 : 2,
        fillColor: COLOURS[verdict], fillOpacity: exact ? 0.75 : 0.15,
        dashArray: exact ? null : "3 3",
      });
      marker.on("click", function () { showIncident(row.id); });
      marker.bindTooltip(row.id + " · " + verdict.replace("_", " ") +
        (exact ? "" : " (placed at its " + row.map_precision + ")"));
      row.marker = marker;
      layer.addLayer(marker);
    });
  }

  /* Start on where the incidents are (those inside the outlines' box, with a margin;
   * all of them when none is), else on the whole box. */
  function fitMarkers() {
    var box = state.outlines.bbox;
    var all = state.rows.filter(function (r) { return r.marker; })
      .map(function (r) { return r.marker.getLatLng(); });
    var inside = all.filter(function (p) {
      return p.lng >= box[0] && p.lng <= box[2] && p.lat >= box[1] && p.lat <= box[3];
    });
    var points = inside.length ? inside : all;
    if (points.length) state.map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 6, animate: false });
    state.updateLabels();
  }

  /* Incidents placed only at a region's or country's centre would sit on each other;
   * spread them on a small spiral so each can be clicked. */
  function jitter(row) {
    if (row.map_precision === "exact" || row.map_precision === "place") return [0, 0];
    var n = row.index;
    var angle = n * 2.39996;
    var radius = 0.25 * Math.sqrt(n % 200);
    return [radius * Math.sin(angle), radius * Math.cos(angle) * 1.5];
  }

  function renderLegend() {
    var legend = clear($("map-legend"));
    state.data.verdicts.forEach(function (v) { legend.appendChild(badge(v)); legend.appendChild(document.createTextNode(" ")); });
    legend.appendChild(el("span", { class: "muted", text: " filled: coordinates or a named town; hollow, dashed: only its region or country is known (drawn near its centre)." }));
  }

  // --- incident detail --------------------------------------------------------------

  function field(name, value) {
    if (value === null || value === undefined || value === "") return null;
    return el("div", { class: "field" }, [el("span", { class: "label", text: name }), String(value)]);
  }

  function link(url, text) {
    return el("a", { href: url, rel: "noopener noreferrer", target: "_blank", text: text || url });
  }

  function showIncident(id) {
    var row = state.byId[id];
    var panel = clear($("incident-body"));
    if (!row) return;
    state.selected = id;
    panel.setAttribute("data-incident", id);
    panel.appendChild(el("h3", { text: row.id }));
    var place = [row.place, row.region, row.country].filter(Boolean).join(", ");
    append(panel, field("when", (row.occurred_at || "unknown") + " (" + row.time_precision.replace("_", " ") + ")" +
      (row.earliest ? " · UTC " + row.earliest.replace("T", " ").replace("Z", "") + " to " + row.latest.replace("T", " ").replace("Z", "") : "")));
    append(panel, field("where", (place || "unknown") +
      (row.lat !== null ? " (" + row.lat + ", " + row.lon + ")" : row.map_precision ? " · on the map at " + (row.map_precision === "place" ? "the named place" : "its " + row.map_precision + "'s centre") : " · not on the map")));
    append(panel, field("who", row.perpetrator));
    append(panel, field("target", (row.target || "unknown") + (row.target_detail ? " (" + row.target_detail + ")" : "")));
    append(panel, field("weapon", row.weapon));
    append(panel, field("killed", row.killed));
    append(panel, field("injured", row.injured));
    append(panel, field("corroboration", row.corroboration));
    append(panel, field("denied by", row.denied_by && row.denied_by.length ? row.denied_by.join(", ") : null));
    var evidence = el("div", { class: "field" }, [el("span", { class: "label", text: "evidence" })]);
    var list = el("ul", { class: "evidence" });
    list.appendChild(el("li", null, [
      (row.source || "source not given") + (row.source_alignment ? " (" + row.source_alignment + ")" : ""),
      row.url ? " · " : null, row.url ? link(row.url) : null,
    ]));
    (row.reports || []).forEach(function (id) {
      var report = state.data.reports[id];
      if (!report) return;
      list.appendChild(el("li", { "data-report": id, class: report.stance === "deny" ? "denial" : "" }, [
        "report " + id + ": " + (report.source || "") + (report.source_alignment ? " (" + report.source_alignment + ")" : "") +
          (report.published ? ", published " + report.published : "") + (report.stance === "deny" ? ", denies it" : ""),
        report.url ? " · " : null, report.url ? link(report.url) : null,
      ]));
    });
    evidence.appendChild(list);
    panel.appendChild(evidence);
    if (row.text) panel.appendChild(el("blockquote", { text: row.text }));
    var table = el("table", { class: "rulings-of-incident" });
    table.appendChild(el("thead", null, [el("tr", null, [el("th", { text: "version" }), el("th", { text: "ruling" })])]));
    var body = el("tbody");
    rulingsOf(row).forEach(function (r) {
      body.appendChild(el("tr", { "data-version": r.version }, [
        el("td", { text: r.version }),
        el("td", null, [badge(r.verdict), " ", el("span", { class: "reason", text: r.reason }),
          el("div", { class: "explanation", text: r.explanation })]),
      ]));
    });
    table.appendChild(body);
    panel.appendChild(table);
    if (row.marker && state.map && !state.map.getBounds().contains(row.marker.getLatLng())) {
      state.map.panTo(row.marker.getLatLng(), { animate: false });
    }
  }

  // --- timeline ---------------------------------------------------------------------

  function dayNumber(text) { return Math.floor(Date.parse(text.slice(0, 10) + "T00:00:00Z") / DAY); }
  function dayText(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  function renderTimeline() {
    var box = clear($("timeline-chart"));
    var rows = state.rows.filter(function (r) { return r.day; });
    var undated = state.rows.length - rows.length;
    var versions = state.data.versions;
    if (!rows.length) {
      box.appendChild(el("p", { class: "muted", text: "No incident has a known day." }));
      return;
    }
    var first = Infinity, last = -Infinity;
    rows.forEach(function (r) { r.dayN = dayNumber(r.day); first = Math.min(first, r.dayN); last = Math.max(last, r.dayN); });
    versions.forEach(function (v) {
      first = Math.min(first, dayNumber(v.window[0]));
      if (v.window[1]) last = Math.max(last, dayNumber(v.window[1]));
    });
    first -= 1; last += 1;
    var parties = {};
    rows.forEach(function (r) { parties[r.perpetrator] = true; });
    var partyList = Object.keys(parties).sort(function (a, b) {
      return (a === "unknown") - (b === "unknown") || (a < b ? -1 : a > b ? 1 : 0);
    });
    var counts = {}; // party → day → [per verdict]
    var peak = 1;
    rows.forEach(function (r) {
      var byDay = counts[r.perpetrator] || (counts[r.perpetrator] = {});
      var c = byDay[r.dayN] || (byDay[r.dayN] = [0, 0, 0]);
      c[r.verdicts[state.version]] += 1;
      peak = Math.max(peak, c[0] + c[1] + c[2]);
    });
    // One line per version's window name above the rows, so the names never overlap them.
    var width = Math.max(box.clientWidth || 900, 600), left = 70, right = 10, rowHeight = 90, gap = 16;
    var top = 18 + versions.length * 14;
    var height = top + partyList.length * (rowHeight + gap) + 24;
    var days = last - first + 1;
    var step = (width - left - right) / days;
    var chart = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "Incidents per day by party and verdict" });
    function x(n) { return left + (n - first) * step; }
    // Version windows, shaded across every row, their names on top.
    versions.forEach(function (v, i) {
      var start = Date.parse(v.window[0]) / DAY;
      var end = v.window[1] ? Date.parse(v.window[1]) / DAY : last + 1;
      var selected = i === state.version;
      chart.appendChild(svg("rect", { x: x(start), y: top - 4 + i * 3, width: Math.max(1, x(end) - x(start)),
        height: height - top - 20, fill: selected ? "#1d5fbf" : "#6b7785", "fill-opacity": selected ? 0.1 : 0.06,
        class: "window", "data-version": v.id }));
      chart.appendChild(svg("text", { x: x(start) + 3, y: 12 + i * 14, "font-size": 11, fill: selected ? "#1d5fbf" : "#4d5866" },
        v.id + " window " + v.window[0].slice(0, 10) + " → " + (v.window[1] ? v.window[1].slice(0, 10) : "open-ended")));
    });
    partyList.forEach(function (party, p) {
      var base = top + p * (rowHeight + gap) + rowHeight;
      chart.appendChild(svg("text", { x: 4, y: base - rowHeight / 2, "font-size": 12, "font-weight": 600, fill: "#1d2430" }, party));
      chart.appendChild(svg("line", { x1: left, x2: width - right, y1: base, y2: base, stroke: "#c4cbd4" }));
      var byDay = counts[party];
      Object.keys(byDay).forEach(function (key) {
        var n = Number(key), c = byDay[key], y = base;
        [0, 2, 1].forEach(function (v) {
          if (!c[v]) return;
          var h = (c[v] / peak) * (rowHeight - 6);
          y -= h;
          var bar = svg("rect", { x: x(n) + 0.5, y: y, width: Math.max(1, step - 1), height: h,
            fill: COLOURS[state.data.verdicts[v]] });
          bar.appendChild(svg("title", {}, party + " · " + dayText(n) + " · " + c[v] + " " + state.data.verdicts[v].replace("_", " ")));
          chart.appendChild(bar);
        });
      });
    });
    var ticks = Math.min(days, Math.floor((width - left) / 90));
    for (var t = 0; t <= ticks; t++) {
      var n = first + Math.round((t * (days - 1)) / Math.max(ticks, 1));
      var anchor = t === 0 ? "start" : t === ticks ? "end" : "middle";
      chart.appendChild(svg("text", { x: x(n) + (t === ticks ? step : 0), y: height - 6, "font-size": 10,
        fill: "#5b6675", "text-anchor": anchor }, dayText(n)));
    }
    box.appendChild(chart);
    $("timeline-note").textContent = "Bars: incidents per day (the local day each was reported on), coloured by verdict under " +
      versions[state.version].id + "; peak " + peak + " a day." + (undated ? " " + undated + " incidents without a day are left out." : "");
  }

  // --- compliance -------------------------------------------------------------------

  function setupComplianceFilters() {
    var days = state.rows.filter(function (r) { return r.day; }).map(function (r) { return r.day; }).sort();
    var from = $("filter-from"), to = $("filter-to");
    from.value = ""; to.value = "";
    if (days.length) { from.min = to.min = days[0]; from.max = to.max = days[days.length - 1]; }
    var hasCorroboration = state.rows.some(function (r) { return r.corroboration; });
    $("filter-corroboration-box").hidden = !hasCorroboration;
    $("filter-corroboration").disabled = !hasCorroboration;
    var alignments = {};
    state.rows.forEach(function (r) { if (r.source_alignment) alignments[r.source_alignment] = true; });
    var select = clear($("filter-alignment"));
    select.appendChild(el("option", { value: "", text: "any source" }));
    Object.keys(alignments).sort().forEach(function (a) { select.appendChild(el("option", { value: a, text: a })); });
  }

  function renderCompliance() {
    var from = $("filter-from").value, to = $("filter-to").value;
    var minimum = CORROBORATION.indexOf($("filter-corroboration").value);
    var alignment = $("filter-alignment").value;
    var chosen = state.rows.filter(function (r) {
      if ((from || to) && !r.day) return false;
      if (from && r.day < from) return false;
      if (to && r.day > to) return false;
      if (minimum > 0 && CORROBORATION.indexOf(r.corroboration) < minimum) return false;
      if (alignment && r.source_alignment !== alignment) return false;
      return true;
    });
    var table = el("table", { class: "compliance-table" });
    var head = el("tr", null, [el("th", { text: "version" }), el("th", { text: "perpetrator" })]);
    state.data.verdicts.forEach(function (v) { head.appendChild(el("th", { class: "num" }, [badge(v)])); });
    table.appendChild(el("thead", null, [head]));
    var body = el("tbody");
    state.data.versions.forEach(function (v, i) {
      var counts = {};
      chosen.forEach(function (r) {
        var c = counts[r.perpetrator] || (counts[r.perpetrator] = [0, 0, 0]);
        c[r.verdicts[i]] += 1;
      });
      Object.keys(counts).sort(function (a, b) { return (a === "unknown") - (b === "unknown") || (a < b ? -1 : a > b ? 1 : 0); })
        .forEach(function (party) {
          var tr = el("tr", { "data-version": v.id, "data-party": party, class: i === state.version ? "current" : "" },
            [el("td", { text: v.id }), el("td", { text: party })]);
          counts[party].forEach(function (n, k) {
            tr.appendChild(el("td", { class: "num", "data-verdict": state.data.verdicts[k], text: String(n) }));
          });
          body.appendChild(tr);
        });
    });
    table.appendChild(body);
    var box = clear($("compliance-table"));
    box.appendChild(table);
    $("compliance-note").textContent = chosen.length + " of " + state.rows.length + " incidents counted.";
  }

  // --- accounts, commitments, versions ----------------------------------------------

  function renderAccounts() {
    var box = $("accounts-body");
    var accounts = state.data.accounts;
    if (!accounts) {
      clear(box).appendChild(el("p", { class: "muted", text:
        "No accounts are stored for this agreement (truce compare A B --store --agreement " + state.data.agreement.id + ")." }));
      return;
    }
    $("accounts-note").textContent = accounts.accounts.map(function (a) {
      return a.id + ": " + (a.title || a.source) + (a.party ? " (" + a.party + ")" : "");
    }).join(" · ") + " — " + accounts.matches + " matched statements, " + accounts.differences +
      " differences, " + accounts.unmatched + " said by one account only.";
    if (box.getAttribute("data-rendered") === "server") return;
    box.innerHTML = accounts.html; // rendered and escaped by truce (truce.accounts.views)
  }

  function renderCommitments() {
    var section = $("commitments");
    var items = state.data.commitments;
    section.hidden = !items || !items.length;
    if (section.hidden) return;
    var table = el("table");
    table.appendChild(el("thead", null, [el("tr", null, ["commitment", "actors", "due", "status"].map(function (h) { return el("th", { text: h }); }))]));
    var body = el("tbody");
    items.forEach(function (c) {
      body.appendChild(el("tr", null, [
        el("td", null, [el("div", { text: c.text }), el("div", { class: "explanation", text: c.explanation })]),
        el("td", { text: c.actors.join(", ") }), el("td", { text: c.due || "—" }),
        el("td", null, [el("span", { class: "status " + c.status, text: c.status.replace("_", " ") })]),
      ]));
    });
    table.appendChild(body);
    clear($("commitments-body")).appendChild(table);
  }

  function renderVersions() {
    var box = $("versions-body");
    if (box.getAttribute("data-rendered") === "server") return;
    var versions = state.data.versions;
    var fields = [
      ["according to", function (v) { return v.according_to; }],
      ["bound", function (v) { return v.bound.join(", ") || "nobody"; }],
      ["protects", function (v) { return v.protects.join(", "); }],
      ["excludes", function (v) { return v.excludes.join(", ") || "—"; }],
      ["area", function (v) { return v.area.join(", ") || "anywhere"; }],
      ["window (UTC)", function (v) { return v.window[0] + " → " + (v.window[1] || "open-ended"); }],
      ["source", function (v) { return v.source || "—"; }],
    ];
    var table = el("table");
    table.appendChild(el("thead", null, [el("tr", null, [el("th")].concat(versions.map(function (v) { return el("th", { text: v.id }); })))]));
    var body = el("tbody");
    fields.forEach(function (f) {
      var values = versions.map(f[1]);
      var differs = values.some(function (x) { return x !== values[0]; });
      body.appendChild(el("tr", { class: differs ? "differs" : "" },
        [el("th", { scope: "row", text: f[0] })].concat(values.map(function (x) { return el("td", { text: x }); }))));
    });
    table.appendChild(body);
    clear(box).appendChild(table);
  }

  // --- the whole page ---------------------------------------------------------------

  function render(data) {
    prepare(data);
    renderHeader();
    renderDownloads();
    renderVersions();
    setupComplianceFilters();
    renderCompliance();
    renderAccounts();
    renderCommitments();
    renderTimeline();
    renderLegend();
    return outlines().then(function (shapes) {
      setupMap(shapes);
      state.map.invalidateSize();
      drawMarkers();
      fitMarkers();
      var first = state.selected && state.byId[state.selected] ? state.selected : null;
      if (!first) {
        var violation = state.rows.filter(function (r) { return r.verdicts[state.version] === 0; })[0];
        first = (violation || state.rows[0] || {}).id;
      }
      if (first) showIncident(first);
      document.body.setAttribute("data-ready", "true");
    });
  }

  function recolour() {
    state.version = Number($("version-select").value);
    drawMarkers();
    renderTimeline();
    renderCompliance();
  }

  // --- the served page: token and fetch ---------------------------------------------

  function authHeaders() {
    var token = sessionStorage.getItem(TOKEN_KEY);
    return token ? { Authorization: "Bearer " + token } : {};
  }

  function showLogin(message) {
    $("login").hidden = false;
    $("dashboard").hidden = true;
    $("login-error").textContent = message || "";
    $("token").focus();
  }

  function load(agreement) {
    var url = "api/v1/dashboard" + (agreement ? "?agreement=" + encodeURIComponent(agreement) : "");
    $("loading").hidden = false;
    return fetch(url, { headers: authHeaders() }).then(function (response) {
      if (response.status === 401 || response.status === 403) {
        var had = sessionStorage.getItem(TOKEN_KEY);
        sessionStorage.removeItem(TOKEN_KEY);
        showLogin(had ? "That token was refused (HTTP " + response.status + ")." : "");
        return null;
      }
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(body.message || "HTTP " + response.status);
        });
      }
      return response.json();
    }).then(function (data) {
      $("loading").hidden = true;
      if (!data) return;
      $("login").hidden = true;
      $("dashboard").hidden = false;
      return render(data);
    }).catch(function (error) {
      $("loading").hidden = true;
      $("dashboard").hidden = false;
      $("summary").textContent = "Could not load the dashboard: " + (error.message || error);
    });
  }

  function start() {
    $("version-select").addEventListener("change", recolour);
    ["filter-from", "filter-to", "filter-corroboration", "filter-alignment"].forEach(function (id) {
      $(id).addEventListener("change", renderCompliance);
    });
    var embedded = $("truce-data");
    state.offline = !!embedded;
    if (state.offline) {
      render(JSON.parse(embedded.textContent));
      return;
    }
    $("agreement-select").addEventListener("change", function (event) { load(event.target.value); });
    $("login-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var token = $("token").value.trim();
      if (!token) return;
      sessionStorage.setItem(TOKEN_KEY, token);
      $("token").value = "";
      load(null);
    });
    load(null);
  }

  /* For the browser tests: where a marker is on the page, in CSS pixels. */
  window.truceDashboard = {
    markerPoint: function (id) {
      var row = state.byId[id];
      if (!row || !row.marker) return null;
      var point = state.map.latLngToContainerPoint(row.marker.getLatLng());
      var rect = $("map-canvas").getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    incidents: function () { return state.rows.map(function (r) { return r.id; }); },
  };

  start();
})();
