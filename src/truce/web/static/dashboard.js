/* truce dashboard: map, timeline, compliance, incident list, accounts and incident detail.
 *
 * One script for both ways the page is opened. The offline file carries its data in
 * <script type="application/json" id="truce-data"> (columns, codes, reasons) and works
 * it out here; the served page asks the API for what it shows and no more: counts per
 * day, party and version, one page of the list, the map's cells for its extent and
 * zoom, and one incident at a time (/api/v1/dashboard/…). Both answer the same
 * questions through one interface (`source`), so every panel is drawn by the same code.
 * Nothing is loaded from anywhere else, and nothing is written into the page as markup
 * except text escaped here and the accounts table that truce rendered (and escaped).
 */
(function () {
  "use strict";

  var COLOURS = { violation: "#b42318", no_violation: "#2e7d32", undetermined: "#a15c00" };
  var CORROBORATION = ["single_source", "multiple_sources", "both_sides", "independent"];
  var TOKEN_KEY = "truce-token";
  var DAY = 86400000;
  var PAGE = 50;
  var FILTERS = ["filter-verdict", "filter-party", "filter-from", "filter-to", "filter-alignment",
    "filter-corroboration", "filter-placed", "filter-text"];

  var state = {
    summary: null, source: null, version: 0, map: null, markers: null, outlines: null,
    selected: null, offline: false, offset: 0, box: null, points: {}, clusters: [], drawn: 0,
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

  function partyOrder(a, b) { return (a === "unknown") - (b === "unknown") || (a < b ? -1 : a > b ? 1 : 0); }

  // --- filters ----------------------------------------------------------------------

  /* The filters every panel follows: the page's controls, plus the map extent a cluster
   * click chose. Days are local days (YYYY-MM-DD). */
  function filters() {
    var verdict = $("filter-verdict").value;
    var placed = $("filter-placed").value;
    return {
      version: state.version,
      verdict: verdict === "" ? null : Number(verdict),
      party: $("filter-party").value || null,
      from: $("filter-from").value || null,
      to: $("filter-to").value || null,
      alignment: $("filter-alignment").value || null,
      corroboration: $("filter-corroboration").value || null,
      text: $("filter-text").value.trim() || null,
      placed: placed === "" ? null : placed === "yes",
      box: state.box,
    };
  }

  function setFilter(id, value) { $(id).value = value === null || value === undefined ? "" : String(value); }

  function clearFilters() {
    FILTERS.forEach(function (id) { setFilter(id, ""); });
    state.box = null;
  }

  // --- the offline source: everything is in the page --------------------------------

  /* A column of the offline data: a plain list, one value for every row, codes into a
   * list of values, or instants as seconds (truce.web.dashboard.compact). */
  function column(data, name) {
    var c = data.data[name];
    if (!c || Array.isArray(c)) return c;
    if ("value" in c) { var same = new Array(data.count); for (var i = 0; i < data.count; i++) same[i] = c.value; return same; }
    if (c.seconds) return c.seconds.map(function (t) { return t === null ? null : new Date(t * 1000).toISOString().slice(0, 19) + "Z"; });
    return c.codes.map(function (k) { return c.values[k]; });
  }

  function offlineSource(data) {
    var n = data.count;
    var cols = {};
    data.columns.forEach(function (name) { cols[name] = column(data, name); });
    var rows = new Array(n);
    var byId = {};
    for (var i = 0; i < n; i++) {
      var row = { index: i };
      for (var c = 0; c < data.columns.length; c++) row[data.columns[c]] = cols[data.columns[c]][i];
      row.reasons = data.rulings.map(function (perVersion) { return perVersion[i]; });
      row.verdicts = row.reasons.map(function (r) { return data.reasons[r][1]; });
      rows[i] = row;
      byId[row.id] = row;
    }
    var parties = {}, days = [];
    rows.forEach(function (r) { parties[r.perpetrator] = true; if (r.day) days.push(r.day); });
    days.sort();
    var summary = {
      agreement: data.agreement, agreements: data.agreements, versions: data.versions,
      verdicts: data.verdicts, reasons: data.reasons, incidents: n,
      placed: rows.filter(function (r) { return r.map_lat !== null; }).length,
      parties: Object.keys(parties).sort(partyOrder), first_day: days[0] || null,
      last_day: days.length ? days[days.length - 1] : null, accounts: data.accounts,
      commitments: data.commitments, generated: data.generated, truce_version: data.truce_version,
      explained: data.explained,
    };
    var clusterCache = { key: null, index: null };

    function keep(f, useVerdict) {
      var minimum = f.corroboration ? CORROBORATION.indexOf(f.corroboration) : -1;
      var text = f.text ? f.text.toLowerCase() : null;
      return function (r) {
        if (useVerdict && f.verdict !== null && r.verdicts[f.version] !== f.verdict) return false;
        if (f.party && r.perpetrator !== f.party) return false;
        if ((f.from || f.to) && !r.day) return false;
        if (f.from && r.day < f.from) return false;
        if (f.to && r.day > f.to) return false;
        if (f.alignment && r.source_alignment !== f.alignment) return false;
        if (minimum > 0 && CORROBORATION.indexOf(r.corroboration) < minimum) return false;
        if (f.placed !== null && (r.map_lat !== null) !== f.placed) return false;
        if (f.box && (r.map_lat === null || r.map_lat < f.box[0] || r.map_lat > f.box[2] ||
                      r.map_lon < f.box[1] || r.map_lon > f.box[3])) return false;
        if (text && [r.id, r.place, r.region, r.target, r.source, r.text].every(function (v) {
          return !v || String(v).toLowerCase().indexOf(text) < 0;
        })) return false;
        return true;
      };
    }

    function listed(r, version) {
      return { id: r.id, day: r.day, occurred_at: r.occurred_at,
               place: [r.place, r.region, r.country].filter(Boolean).join(", ") || null,
               perpetrator: r.perpetrator, target: r.target, verdict: r.verdicts[version],
               reason: r.reasons[version], map_precision: r.map_precision };
    }

    function clusters(f) {
      var key = JSON.stringify([f.version, f.verdict, f.party, f.from, f.to, f.alignment, f.corroboration, f.text, f.placed]);
      if (clusterCache.key === key) return clusterCache.index;
      var test = keep({ version: f.version, verdict: f.verdict, party: f.party, from: f.from, to: f.to,
        alignment: f.alignment, corroboration: f.corroboration, text: f.text, placed: f.placed, box: null }, true);
      var points = [];
      rows.forEach(function (r) {
        if (r.map_lat === null || !test(r)) return;
        points.push({ type: "Feature", geometry: { type: "Point", coordinates: [r.map_lon, r.map_lat] },
                      properties: { i: r.index, v: r.verdicts[f.version] } });
      });
      var index = new Supercluster({
        radius: 60, maxZoom: 17,
        map: function (p) { return { a: p.v === 0 ? 1 : 0, b: p.v === 1 ? 1 : 0, c: p.v === 2 ? 1 : 0 }; },
        reduce: function (acc, p) { acc.a += p.a; acc.b += p.b; acc.c += p.c; },
      }).load(points);
      clusterCache = { key: key, index: index };
      return index;
    }

    return {
      rows: rows,
      summary: function () { return Promise.resolve(summary); },
      compliance: function (f) {
        var counts = {}, test = keep(f, false);
        rows.forEach(function (r) {
          if (!test(r)) return;
          r.verdicts.forEach(function (v, version) {
            var key = version + "\u0000" + r.perpetrator + "\u0000" + v;
            counts[key] = (counts[key] || 0) + 1;
          });
        });
        return Promise.resolve({ rows: Object.keys(counts).map(function (key) {
          var parts = key.split("\u0000");
          return [Number(parts[0]), parts[1], Number(parts[2]), counts[key]];
        }) });
      },
      timeline: function (f) {
        var counts = {}, test = keep(f, false);
        rows.forEach(function (r) {
          if (!test(r)) return;
          var key = (r.day || "") + "\u0000" + r.perpetrator + "\u0000" + r.verdicts[f.version];
          counts[key] = (counts[key] || 0) + 1;
        });
        return Promise.resolve({ rows: Object.keys(counts).map(function (key) {
          var parts = key.split("\u0000");
          return [parts[0] || null, parts[1], Number(parts[2]), counts[key]];
        }) });
      },
      page: function (f, limit, offset) {
        var chosen = rows.filter(keep(f, true));
        return Promise.resolve({ total: chosen.length, offset: offset, limit: limit,
          items: chosen.slice(offset, offset + limit).map(function (r) { return listed(r, f.version); }) });
      },
      cells: function (f, bounds, zoom) {
        var index = clusters(f);
        var box = [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()];
        var found = index.getClusters(box, Math.round(zoom));
        return Promise.resolve({ cells: found.map(function (feature) {
          var c = feature.geometry.coordinates, p = feature.properties;
          if (!p.cluster) {
            var r = rows[p.i];
            var verdicts = [0, 0, 0]; verdicts[p.v] = 1;
            return { lat: c[1], lon: c[0], count: 1, verdicts: verdicts, incident: r.id,
                     precision: r.map_precision, box: [c[1], c[0], c[1], c[0]] };
          }
          var leaves = index.getLeaves(p.cluster_id, Infinity);
          var s = 90, w = 180, nn = -90, e = -180;
          leaves.forEach(function (leaf) {
            var q = leaf.geometry.coordinates;
            s = Math.min(s, q[1]); nn = Math.max(nn, q[1]); w = Math.min(w, q[0]); e = Math.max(e, q[0]);
          });
          return { lat: c[1], lon: c[0], count: p.point_count, verdicts: [p.a, p.b, p.c],
                   incident: null, precision: null, box: [s, w, nn, e] };
        }) });
      },
      incident: function (id) {
        var r = byId[id];
        if (!r) return Promise.resolve(null);
        var explanations = r.index < data.explained ? data.explanations[r.index].map(function (k) {
          return data.explanation_texts[k];
        }) : null;
        return Promise.resolve({ row: r, rulings: r.reasons, explanations: explanations, reports: data.reports });
      },
    };
  }

  // --- the served source: the API answers each question ------------------------------

  function query(f, extra) {
    var params = [];
    function add(name, value) { if (value !== null && value !== undefined && value !== "") params.push(name + "=" + encodeURIComponent(value)); }
    add("agreement", state.agreement);
    add("version", state.summary ? state.summary.versions[f.version].id : null);
    add("verdict", f.verdict === null ? null : state.summary.verdicts[f.verdict]);
    add("party", f.party); add("from", f.from); add("to", f.to); add("alignment", f.alignment);
    add("min_corroboration", f.corroboration); add("q", f.text);
    add("placed", f.placed === null ? null : String(f.placed));
    if (f.box) add("bbox", f.box.map(function (v) { return v.toFixed(5); }).join(","));
    Object.keys(extra || {}).forEach(function (k) { add(k, extra[k]); });
    return params.length ? "?" + params.join("&") : "";
  }

  function servedSource() {
    function get(path) {
      return fetch("api/v1/" + path, { headers: authHeaders() }).then(function (response) {
        if (response.status === 401 || response.status === 403) {
          var error = new Error("HTTP " + response.status);
          error.status = response.status;
          throw error;
        }
        if (!response.ok) {
          return response.json().catch(function () { return {}; }).then(function (body) {
            throw new Error(body.message || "HTTP " + response.status);
          });
        }
        return response.json();
      });
    }
    return {
      summary: function () { return get("dashboard/summary" + (state.agreement ? "?agreement=" + encodeURIComponent(state.agreement) : "")); },
      compliance: function (f) { return get("dashboard/compliance" + query(f)); },
      timeline: function (f) { return get("dashboard/timeline" + query(f)); },
      page: function (f, limit, offset) { return get("dashboard/incidents" + query(f, { limit: limit, offset: offset })); },
      cells: function (f, bounds, zoom) {
        // The extent asked for is the visible one (clipped to the globe), within the filters' box.
        var view = [Math.max(-85, bounds.getSouth()), Math.max(-180, bounds.getWest()),
                    Math.min(85, bounds.getNorth()), Math.min(180, bounds.getEast())];
        var g = Object.assign({}, f);
        g.box = f.box ? [Math.max(view[0], f.box[0]), Math.max(view[1], f.box[1]),
                         Math.min(view[2], f.box[2]), Math.min(view[3], f.box[3])] : view;
        if (g.box[0] > g.box[2] || g.box[1] > g.box[3]) return Promise.resolve({ cells: [] });
        return get("dashboard/map" + query(g, { zoom: Math.round(zoom) }));
      },
      incident: function (id) {
        return get("dashboard/incidents/" + encodeURIComponent(id) + "?agreement=" + encodeURIComponent(state.agreement)).then(function (d) {
          var row = { id: id };
          state.summary.columns.forEach(function (name, i) { row[name] = d.row[i]; });
          return { row: row, rulings: d.rulings, explanations: d.explanations, reports: d.reports };
        });
      },
    };
  }

  // --- header, selectors, downloads -------------------------------------------------

  function renderHeader() {
    var s = state.summary;
    $("title").textContent = s.agreement.title || s.agreement.id;
    $("summary").textContent = "Agreement " + s.agreement.id + " · " + s.versions.length +
      " versions · " + s.incidents + " incidents (" + s.placed + " on the map)" +
      (s.generated ? " · generated " + s.generated + " by truce " + s.truce_version : "");
    var versionSelect = clear($("version-select"));
    s.versions.forEach(function (v, i) {
      versionSelect.appendChild(el("option", { value: String(i), text: v.id + " (according to " + v.according_to + ")" }));
    });
    versionSelect.value = String(state.version);
    var agreementBox = $("agreement-box");
    if (!state.offline && s.agreements.length > 1) {
      var select = clear($("agreement-select"));
      s.agreements.forEach(function (id) { select.appendChild(el("option", { value: id, text: id })); });
      select.value = s.agreement.id;
      agreementBox.hidden = false;
    } else {
      agreementBox.hidden = true;
    }
  }

  function setupFilters() {
    var s = state.summary;
    var verdict = clear($("filter-verdict"));
    verdict.appendChild(el("option", { value: "", text: "any verdict" }));
    s.verdicts.forEach(function (v, i) { verdict.appendChild(el("option", { value: String(i), text: v.replace("_", " ") })); });
    var party = clear($("filter-party"));
    party.appendChild(el("option", { value: "", text: "any party" }));
    s.parties.forEach(function (p) { party.appendChild(el("option", { value: p, text: p })); });
    var from = $("filter-from"), to = $("filter-to");
    if (s.first_day) { from.min = to.min = s.first_day; from.max = to.max = s.last_day; }
    var alignment = clear($("filter-alignment"));
    alignment.appendChild(el("option", { value: "", text: "any source" }));
    ["RU", "UA", "media", "independent"].forEach(function (a) { alignment.appendChild(el("option", { value: a, text: a })); });
    clearFilters();
  }

  function saveBlob(text, name, type) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = el("a", { href: url, download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
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

  function offlineRulings(row) {
    var data = state.data;
    return data.versions.map(function (v, i) {
      var reason = data.reasons[row.reasons[i]];
      var explanation = row.index < data.explained ? data.explanation_texts[data.explanations[row.index][i]] : null;
      return { version: v.id, verdict: data.verdicts[reason[1]], reason: reason[0], explanation: explanation };
    });
  }

  function exportJson() {
    var agreement = state.data.agreement;
    var body = {
      agreements: [{ id: agreement.id, title: agreement.title, versions: state.data.versions.map(function (v) {
        return { id: v.id, according_to: v.according_to };
      }) }],
      incidents: state.source.rows.map(function (row) {
        var record = incidentRecord(row);
        record.rulings = offlineRulings(row).map(function (r) {
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
    var features = state.source.rows.map(function (row) {
      var props = incidentRecord(row);
      offlineRulings(row).forEach(function (r) {
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
    var id = state.summary.agreement.id;
    if (state.offline) {
      if (format === "json") saveBlob(exportJson(), id + ".json", "application/json");
      else saveBlob(exportGeoJson(), id + ".geojson", "application/geo+json");
      return;
    }
    var url = "api/v1/export?format=" + format + "&agreement=" + encodeURIComponent(id);
    fetch(url, { headers: authHeaders() }).then(function (response) {
      if (!response.ok) throw new Error("export failed: HTTP " + response.status);
      return response.blob();
    }).then(function (blob) {
      var href = URL.createObjectURL(blob);
      var link = el("a", { href: href, download: id + "." + format });
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
      preferCanvas: true, attributionControl: true, zoomSnap: 1, minZoom: 3, maxZoom: 14,
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
    map.on("moveend", function () { drawMarkers(); });
  }

  function dominant(verdicts) {
    var best = 0;
    for (var k = 1; k < verdicts.length; k++) if (verdicts[k] > verdicts[best]) best = k;
    return state.summary.verdicts[best];
  }

  /* One marker per cell: a disc for a single incident (hollow and dashed when only its
   * region or country is known), a numbered cluster otherwise. */
  function drawMarkers() {
    if (!state.map) return Promise.resolve();
    var ticket = ++state.drawn;
    var f = filters();
    return state.source.cells(f, state.map.getBounds(), state.map.getZoom()).then(function (answer) {
      if (ticket !== state.drawn) return;
      var layer = state.markers;
      layer.clearLayers();
      state.points = {};
      state.clusters = [];
      var renderer = state.map.options.renderer || L.canvas();
      answer.cells.forEach(function (cell) {
        var verdict = dominant(cell.verdicts);
        if (cell.count === 1) {
          var exact = cell.precision === "exact" || cell.precision === "place";
          var marker = L.circleMarker([cell.lat, cell.lon], {
            renderer: renderer, radius: exact ? 6 : 8, color: COLOURS[verdict], weight: exact ? 1 : 2,
            fillColor: COLOURS[verdict], fillOpacity: exact ? 0.75 : 0.15, dashArray: exact ? null : "3 3",
          });
          marker.on("click", function () { showIncident(cell.incident); });
          marker.bindTooltip(cell.incident + " · " + verdict.replace("_", " ") +
            (exact ? "" : " (placed at its " + cell.precision + ")"));
          state.points[cell.incident] = marker;
          layer.addLayer(marker);
          return;
        }
        var size = cell.count < 100 ? 30 : cell.count < 10000 ? 38 : 46;
        var label = el("div", { class: "cluster-label " + verdict, "data-count": String(cell.count),
          text: cell.count >= 10000 ? Math.round(cell.count / 1000) + "k" : String(cell.count) });
        var cluster = L.marker([cell.lat, cell.lon], {
          icon: L.divIcon({ className: "cluster " + verdict, html: label, iconSize: [size, size] }),
          title: cell.count + " incidents: " + state.summary.verdicts.map(function (v, k) {
            return cell.verdicts[k] + " " + v.replace("_", " ");
          }).join(", "),
        });
        cluster.on("click", function () { openCluster(cell); });
        state.clusters.push(cell);
        layer.addLayer(cluster);
      });
      $("map-canvas").setAttribute("data-cells", String(answer.cells.length));
    });
  }

  /* A cluster filters the list to its extent and zooms the map onto it. */
  function openCluster(cell) {
    var pad = 0.01;
    state.box = [cell.box[0] - pad, cell.box[1] - pad, cell.box[2] + pad, cell.box[3] + pad];
    state.offset = 0;
    renderBoxNote();
    var bounds = L.latLngBounds([state.box[0], state.box[1]], [state.box[2], state.box[3]]);
    refreshPanels();
    state.map.fitBounds(bounds, { maxZoom: state.map.getMaxZoom(), animate: false });
  }

  function renderBoxNote() {
    var note = $("filter-box");
    note.hidden = !state.box;
    if (state.box) $("filter-box-text").textContent = "map area " + state.box.map(function (v) { return v.toFixed(2); }).join(", ");
  }

  function renderLegend() {
    var legend = clear($("map-legend"));
    state.summary.verdicts.forEach(function (v) { legend.appendChild(badge(v)); legend.appendChild(document.createTextNode(" ")); });
    legend.appendChild(el("span", { class: "muted", text: " filled: coordinates or a named town; hollow, dashed: only its region or country is known (drawn at its centre). A number: that many incidents close together, coloured by the most common verdict; click it to list them and zoom in." }));
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
    state.selected = id;
    return state.source.incident(id).then(function (found) {
      if (!found || state.selected !== id) return;
      var row = found.row;
      var s = state.summary;
      var panel = clear($("incident-body"));
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
      (row.reports || []).forEach(function (reportId) {
        var report = found.reports[reportId];
        if (!report) return;
        list.appendChild(el("li", { "data-report": reportId, class: report.stance === "deny" ? "denial" : "" }, [
          "report " + reportId + ": " + (report.source || "") + (report.source_alignment ? " (" + report.source_alignment + ")" : "") +
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
      s.versions.forEach(function (v, i) {
        var reason = s.reasons[found.rulings[i]];
        var verdict = s.verdicts[reason[1]];
        var explanation = found.explanations ? found.explanations[i] :
          "(This file carries the explanations of its first " + s.explained + " incidents; `truce rule --json` gives every one.)";
        body.appendChild(el("tr", { "data-version": v.id }, [
          el("td", { text: v.id }),
          el("td", null, [badge(verdict), " ", el("span", { class: "reason", text: reason[0] }),
            el("div", { class: "explanation", text: explanation })]),
        ]));
      });
      table.appendChild(body);
      panel.appendChild(table);
      panel.scrollTop = 0;
      markListed();
      if (state.map && row.map_lat !== null && row.map_lat !== undefined) {
        var at = L.latLng(row.map_lat, row.map_lon);
        if (!state.map.getBounds().contains(at)) state.map.panTo(at, { animate: false });
      }
    });
  }

  // --- incident list ----------------------------------------------------------------

  function markListed() {
    var rows = $("incident-list-body").querySelectorAll("tr[data-incident]");
    Array.prototype.forEach.call(rows, function (tr) {
      tr.className = tr.getAttribute("data-incident") === state.selected ? "current" : "";
    });
  }

  function renderList() {
    var f = filters();
    var offset = state.offset;
    // Answers may arrive out of order (a filter typed fast): only the newest is drawn.
    var ticket = state.listed = (state.listed || 0) + 1;
    return state.source.page(f, PAGE, offset).then(function (answer) {
      if (ticket !== state.listed) return answer;
      var s = state.summary;
      var body = clear($("incident-list-body"));
      answer.items.forEach(function (item) {
        var verdict = s.verdicts[item.verdict];
        var tr = el("tr", { "data-testid": "incident-row", "data-incident": item.id, tabindex: "0" }, [
          el("td", null, [el("button", { type: "button", class: "linkish", text: item.id })]),
          el("td", { text: item.occurred_at || item.day || "unknown" }),
          el("td", { text: item.place || "—" }),
          el("td", { text: item.perpetrator }),
          el("td", { text: item.target || "unknown" }),
          el("td", null, [badge(verdict), " ", el("span", { class: "reason", text: s.reasons[item.reason][0] })]),
          el("td", { text: item.map_precision ? item.map_precision : "not on the map" }),
        ]);
        tr.addEventListener("click", function () { showIncident(item.id); });
        tr.addEventListener("keydown", function (event) { if (event.key === "Enter") showIncident(item.id); });
        body.appendChild(tr);
      });
      var last = Math.min(answer.total, offset + answer.items.length);
      $("list-status").textContent = answer.total ? (offset + 1) + "–" + last + " of " + answer.total + " incidents" :
        "No incident matches these filters.";
      $("list-status").setAttribute("data-total", String(answer.total));
      $("list-status").setAttribute("data-query", f.text || "");
      $("list-prev").disabled = offset === 0;
      $("list-next").disabled = last >= answer.total;
      markListed();
      return answer;
    });
  }

  // --- timeline ---------------------------------------------------------------------

  function dayNumber(text) { return Math.floor(Date.parse(text.slice(0, 10) + "T00:00:00Z") / DAY); }
  function dayText(n) { return new Date(n * DAY).toISOString().slice(0, 10); }

  /* A bar opens what it counts: the list filtered to that day, party and verdict, and
   * the first of those incidents in the incident panel. */
  function openBar(day, party, verdict) {
    setFilter("filter-from", day); setFilter("filter-to", day);
    setFilter("filter-party", party); setFilter("filter-verdict", verdict);
    state.offset = 0;
    return refreshPanels().then(function (answer) {
      if (answer && answer.items.length) showIncident(answer.items[0].id);
    });
  }

  function renderTimeline(answer) {
    var box = clear($("timeline-chart"));
    var s = state.summary, versions = s.versions;
    var undated = 0, counts = {}, parties = {}, peak = 1, first = Infinity, last = -Infinity;
    answer.rows.forEach(function (r) {
      if (!r[0]) { undated += r[3]; return; }
      var n = dayNumber(r[0]);
      first = Math.min(first, n); last = Math.max(last, n);
      parties[r[1]] = true;
      var byDay = counts[r[1]] || (counts[r[1]] = {});
      var c = byDay[n] || (byDay[n] = [0, 0, 0]);
      c[r[2]] += r[3];
    });
    Object.keys(counts).forEach(function (p) {
      Object.keys(counts[p]).forEach(function (n) { var c = counts[p][n]; peak = Math.max(peak, c[0] + c[1] + c[2]); });
    });
    if (first === Infinity) {
      box.appendChild(el("p", { class: "muted", text: "No incident with a known day matches these filters." }));
      $("timeline-note").textContent = undated ? undated + " incidents without a day." : "";
      return;
    }
    versions.forEach(function (v) {
      first = Math.min(first, dayNumber(v.window[0]));
      if (v.window[1]) last = Math.max(last, dayNumber(v.window[1]));
    });
    first -= 1; last += 1;
    var partyList = Object.keys(parties).sort(partyOrder);
    // One line per version's window name above the rows, so the names never overlap them.
    var width = Math.max(box.clientWidth || 900, 600), left = 70, right = 10, rowHeight = 90, gap = 16;
    var top = 18 + versions.length * 14;
    var height = top + partyList.length * (rowHeight + gap) + 24;
    var days = last - first + 1;
    var step = (width - left - right) / days;
    var chart = svg("svg", { width: width, height: height, viewBox: "0 0 " + width + " " + height, role: "img",
      "aria-label": "Incidents per day by party and verdict" });
    function x(n) { return left + (n - first) * step; }
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
          var h = Math.max(2, (c[v] / peak) * (rowHeight - 6));
          y -= h;
          var bar = svg("rect", { x: x(n) + 0.5, y: y, width: Math.max(2, step - 1), height: h,
            fill: COLOURS[s.verdicts[v]], class: "bar", "data-day": dayText(n), "data-party": party,
            "data-verdict": s.verdicts[v], "data-count": String(c[v]) });
          bar.appendChild(svg("title", {}, party + " · " + dayText(n) + " · " + c[v] + " " + s.verdicts[v].replace("_", " ") + " (click to list them)"));
          bar.addEventListener("click", function () { openBar(dayText(n), party, v); });
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
      versions[state.version].id + "; peak " + peak + " a day; click a bar to list its incidents." +
      (undated ? " " + undated + " incidents without a day are left out." : "");
  }

  // --- compliance -------------------------------------------------------------------

  /* A count opens what it counts: the list under that version, party and verdict. */
  function openCount(version, party, verdict) {
    state.version = version;
    $("version-select").value = String(version);
    setFilter("filter-party", party); setFilter("filter-verdict", verdict);
    state.offset = 0;
    return refreshPanels();
  }

  function renderCompliance(answer) {
    var s = state.summary;
    var table = el("table", { class: "compliance-table" });
    var head = el("tr", null, [el("th", { text: "version" }), el("th", { text: "perpetrator" })]);
    s.verdicts.forEach(function (v) { head.appendChild(el("th", { class: "num" }, [badge(v)])); });
    table.appendChild(el("thead", null, [head]));
    var body = el("tbody");
    var total = 0;
    s.versions.forEach(function (v, i) {
      var counts = {};
      answer.rows.forEach(function (r) {
        if (r[0] !== i) return;
        var c = counts[r[1]] || (counts[r[1]] = [0, 0, 0]);
        c[r[2]] += r[3];
        if (i === 0) total += r[3];
      });
      Object.keys(counts).sort(partyOrder).forEach(function (party) {
        var tr = el("tr", { "data-version": v.id, "data-party": party, class: i === state.version ? "current" : "" },
          [el("td", { text: v.id }), el("td", { text: party })]);
        counts[party].forEach(function (n, k) {
          var cell = el("td", { class: "num", "data-verdict": s.verdicts[k] }, [
            n ? el("button", { type: "button", class: "linkish", title: "List these incidents", text: String(n) }) : "0",
          ]);
          if (n) cell.firstChild.addEventListener("click", function () { openCount(i, party, k); });
          tr.appendChild(cell);
        });
        body.appendChild(tr);
      });
    });
    table.appendChild(body);
    var box = clear($("compliance-table"));
    box.appendChild(table);
    $("compliance-note").textContent = total + " of " + s.incidents + " incidents counted; click a count to list them.";
  }

  // --- accounts, commitments, versions ----------------------------------------------

  function renderAccounts() {
    var box = $("accounts-body");
    var accounts = state.summary.accounts;
    if (!accounts) {
      clear(box).appendChild(el("p", { class: "muted", text:
        "No accounts are stored for this agreement (truce compare A B --store --agreement " + state.summary.agreement.id + ")." }));
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
    var items = state.summary.commitments;
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

  function utc(text) { return text ? text.slice(0, 16).replace("T", " ") + " UTC" : "open-ended"; }

  /* The same rows, in the same order, as the offline file's table (truce.web.report). */
  function renderVersions() {
    var box = $("versions-body");
    if (box.getAttribute("data-rendered") === "server") return;
    var versions = state.summary.versions;
    var fields = [
      ["according to", function (v) { return v.according_to; }],
      ["source", function (v) { return v.source || "—"; }],
      ["bound", function (v) { return v.bound.join(", ") || "nobody"; }],
      ["protects", function (v) { return v.protects.join(", "); }],
      ["excludes", function (v) { return v.excludes.join(", ") || "—"; }],
      ["area", function (v) { return v.area.join(", ") || "anywhere"; }],
      ["starts", function (v) { return v.starts; }],
      ["duration / ends", function (v) { return v.duration || v.ends || "open-ended"; }],
      ["window (UTC)", function (v) { return utc(v.window[0]) + " → " + utc(v.window[1]); }],
      ["notes", function (v) { return v.notes || "—"; }],
    ];
    var table = el("table");
    table.appendChild(el("thead", null, [el("tr", null, [el("th")].concat(versions.map(function (v) { return el("th", { scope: "col", text: v.id }); })))]));
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

  /* Redraw what the filters decide; the list's answer is passed on. */
  function refreshPanels() {
    var f = filters();
    renderBoxNote();
    var list = renderList();
    var ticket = state.panelled = (state.panelled || 0) + 1;
    function newest(draw) {
      return function (answer) { if (ticket === state.panelled) draw(answer); };
    }
    var work = [
      list,
      state.source.timeline(f).then(newest(renderTimeline)),
      state.source.compliance(f).then(newest(renderCompliance)),
    ];
    work.push(drawMarkers());
    return Promise.all(work).then(function () { return list; });
  }

  function fitMarkers() {
    var s = state.summary;
    if (!s.placed) { state.updateLabels(); return Promise.resolve(); }
    // Start on the outlines' box (where the incidents usually are), then onto the cells.
    var box = state.outlines.bbox;
    var whole = L.latLngBounds([box[1], box[0]], [box[3], box[2]]);
    state.map.fitBounds(whole, { animate: false });
    return state.source.cells(filters(), whole, state.map.getZoom()).then(function (answer) {
      var points = answer.cells.map(function (c) { return L.latLng(c.lat, c.lon); });
      if (points.length) state.map.fitBounds(L.latLngBounds(points).pad(0.25), { maxZoom: 6, animate: false });
      state.updateLabels();
    });
  }

  function render(summary) {
    state.summary = summary;
    if (state.version >= summary.versions.length) state.version = 0;
    renderHeader();
    renderDownloads();
    renderVersions();
    setupFilters();
    renderAccounts();
    renderCommitments();
    renderLegend();
    state.offset = 0;
    return outlines().then(function (shapes) {
      setupMap(shapes);
      state.map.invalidateSize();
      return fitMarkers();
    }).then(function () {
      return refreshPanels();
    }).then(function (answer) {
      var first = state.selected;
      if (!first && answer && answer.items.length) first = answer.items[0].id;
      var shown = first ? showIncident(first) : Promise.resolve();
      return shown;
    }).then(function () {
      document.body.setAttribute("data-ready", "true");
    });
  }

  function recolour() {
    state.version = Number($("version-select").value);
    state.offset = 0;
    refreshPanels();
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
    state.agreement = agreement;
    state.source = servedSource();
    $("loading").hidden = false;
    return state.source.summary().then(function (summary) {
      $("loading").hidden = true;
      $("login").hidden = true;
      $("dashboard").hidden = false;
      state.agreement = summary.agreement.id;
      return render(summary);
    }).catch(function (error) {
      $("loading").hidden = true;
      if (error.status === 401 || error.status === 403) {
        var had = sessionStorage.getItem(TOKEN_KEY);
        sessionStorage.removeItem(TOKEN_KEY);
        showLogin(had ? "That token was refused (HTTP " + error.status + ")." : "");
        return;
      }
      $("dashboard").hidden = false;
      $("summary").textContent = "Could not load the dashboard: " + (error.message || error);
    });
  }

  function start() {
    $("version-select").addEventListener("change", recolour);
    FILTERS.forEach(function (id) {
      $(id).addEventListener(id === "filter-text" ? "input" : "change", function () {
        state.offset = 0;
        refreshPanels();
      });
    });
    $("filter-clear").addEventListener("click", function () { clearFilters(); state.offset = 0; refreshPanels(); });
    $("filter-box-clear").addEventListener("click", function () { state.box = null; state.offset = 0; refreshPanels(); });
    $("list-prev").addEventListener("click", function () { state.offset = Math.max(0, state.offset - PAGE); renderList(); });
    $("list-next").addEventListener("click", function () { state.offset += PAGE; renderList(); });
    var embedded = $("truce-data");
    state.offline = !!embedded;
    if (state.offline) {
      state.data = JSON.parse(embedded.textContent);
      state.source = offlineSource(state.data);
      state.source.summary().then(render);
      return;
    }
    $("agreement-select").addEventListener("change", function (event) { state.selected = null; load(event.target.value); });
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

  /* For the browser tests: where an incident's own marker is on the page (null when it
   * is inside a cluster or off the map), in CSS pixels. */
  window.truceDashboard = {
    markerPoint: function (id) {
      var marker = state.points[id];
      if (!marker) return null;
      var point = state.map.latLngToContainerPoint(marker.getLatLng());
      var rect = $("map-canvas").getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    markers: function () { return Object.keys(state.points); },
    clusters: function () { return state.clusters.map(function (c) { return c.count; }); },
    /* Open the drawn cluster with the fewest incidents (as a click on it does); resolves
     * once the map is drawn again, with the single markers then drawn. */
    openSmallestCluster: function () {
      var cells = state.clusters.slice().sort(function (a, b) { return a.count - b.count; });
      if (!cells.length) return Promise.resolve(Object.keys(state.points));
      openCluster(cells[0]);
      return drawMarkers().then(function () { return Object.keys(state.points); });
    },
  };

  start();
})();
