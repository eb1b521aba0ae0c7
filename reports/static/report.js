/* chrono report: progressive enhancement only. Without this script every page still shows all
   its content (tables, text, findings, the full timeline); with it you get hover cards, table
   sorting and filtering, highlight toggles and a zoomable timeline. No network, no eval, and
   document text is only ever inserted with textContent. */
(function () {
  "use strict";

  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }

  // Controls that need the script are hidden in the HTML and revealed here.
  all(".table-tools[hidden], .tl-controls[hidden], .layers[hidden]").forEach(function (el) { el.hidden = false; });

  var data = {};
  var dataNode = document.getElementById("chrono-data");
  if (dataNode) {
    try { data = JSON.parse(dataNode.textContent || "{}"); } catch (e) { data = {}; }
  }
  var annotations = data.annotations || {};

  // ---------------------------------------------------------------- hover / focus cards
  var tip = document.getElementById("tip");
  var tipFor = null;

  function add(parent, tag, cls, text) {
    var el = document.createElement(tag);
    if (cls) { el.className = cls; }
    if (text !== undefined) { el.textContent = text; }
    parent.appendChild(el);
    return el;
  }

  // What chrono read at an annotation: its row in the table of everything read (kind, what,
  // value, interval) plus the extra details in the page data; a finding's spans have no row,
  // so the page data carries all of theirs.
  function described(id) {
    var extra = annotations[id] || {};
    var row = document.getElementById("d-" + id);
    if (!row || row.cells.length < 5) { return annotations[id]; }
    var cell = function (i) { return row.cells[i].textContent; };
    return { kind: "", kindLabel: cell(1), label: cell(2), value: cell(3), interval: cell(4), details: extra.details };
  }

  function showTip(seg) {
    if (!tip) { return; }
    var ids = (seg.getAttribute("data-ann") || "").split(" ").filter(Boolean);
    if (!ids.length) { return; }
    tip.textContent = "";
    ids.forEach(function (id) {
      var a = described(id);
      if (!a) { return; }
      var item = add(tip, "div", "tip-item");
      add(item, "div", "tip-kind", a.kindLabel + (a.severity ? " · " + a.severity : ""));
      add(item, "div", "tip-label", a.label);
      var dl = add(item, "dl");
      function row(term, value) { if (value) { add(dl, "dt", "", term); add(dl, "dd", "", value); } }
      row(a.kind === "finding" ? "message" : "value", a.value);
      row("interval", a.interval);
      (a.details || []).forEach(function (pair) { row(pair[0], pair[1]); });
    });
    tip.hidden = false;
    var box = seg.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = (window.scrollY + box.bottom + 6) + "px";
    tipFor = seg;
  }

  function hideTip() { if (tip) { tip.hidden = true; tipFor = null; } }

  function segOf(target) { return target && target.closest ? target.closest(".seg[data-ann]") : null; }
  document.addEventListener("mouseover", function (e) { var s = segOf(e.target); if (s && s !== tipFor) { showTip(s); } });
  document.addEventListener("mouseout", function (e) { var s = segOf(e.target); if (s && !s.contains(e.relatedTarget)) { hideTip(); } });
  document.addEventListener("focusin", function (e) { var s = segOf(e.target); if (s) { showTip(s); } });
  document.addEventListener("focusout", function (e) { if (segOf(e.target)) { hideTip(); } });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hideTip(); } });

  // ---------------------------------------------------------------- explanation chains
  function flash(ids, on) {
    ids.forEach(function (id) {
      all('.seg[data-ann~="' + id.replace(/[^A-Za-z0-9_-]/g, "") + '"]').forEach(function (s) { s.classList.toggle("flash", on); });
    });
  }
  all("a.step[data-target]").forEach(function (link) {
    var ids = [link.getAttribute("data-target")];
    link.addEventListener("mouseenter", function () { flash(ids, true); });
    link.addEventListener("mouseleave", function () { flash(ids, false); });
    link.addEventListener("focus", function () { flash(ids, true); });
    link.addEventListener("blur", function () { flash(ids, false); });
    link.addEventListener("click", function () {
      flash(ids, true);
      window.setTimeout(function () { flash(ids, false); }, 1600);
      var target = document.getElementById(ids[0]);
      if (target && target.focus) { window.setTimeout(function () { target.focus({ preventScroll: true }); }, 0); }
    });
  });
  all(".finding[data-spans]").forEach(function (box) {
    var ids = (box.getAttribute("data-spans") || "").split(" ").filter(Boolean);
    box.addEventListener("mouseenter", function () { flash(ids, true); });
    box.addEventListener("mouseleave", function () { flash(ids, false); });
  });

  // ---------------------------------------------------------------- highlight layers
  all(".layers input[data-layer]").forEach(function (box) {
    box.addEventListener("change", function () {
      all(".source").forEach(function (src) { src.classList.toggle("hide-" + box.getAttribute("data-layer"), !box.checked); });
    });
  });

  // ---------------------------------------------------------------- sortable, filterable tables
  all("table.sortable").forEach(function (table) {
    var body = table.tBodies[0];
    var heads = all("thead th", table);
    heads.forEach(function (th, column) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var numeric = th.getAttribute("data-type") === "number";
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute("data-sort") || "";
          var y = b.cells[column].getAttribute("data-sort") || "";
          var order = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  all(".table-tools").forEach(function (tools) {
    var table = document.getElementById(tools.getAttribute("data-for"));
    if (!table) { return; }
    var text = tools.querySelector(".filter-text");
    var severity = tools.querySelector(".filter-severity");
    var count = tools.querySelector(".filter-count");
    function apply() {
      var words = (text.value || "").toLowerCase().split(/\s+/).filter(Boolean);
      var level = severity.value;
      var shown = 0;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      rows.forEach(function (row) {
        var hay = row.textContent.toLowerCase();
        var ok = (!level || row.getAttribute("data-severity") === level) &&
          words.every(function (w) { return hay.indexOf(w) >= 0; });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " findings shown";
    }
    text.addEventListener("input", apply);
    severity.addEventListener("change", apply);
    apply();
  });

  // ---------------------------------------------------------------- timeline zoom
  // The same geometry as reports/timeline.py, redrawn for another [lo, hi].
  var WIDTH = 1000, LEFT = 8, RIGHT = 8, POINT_BELOW = 5, DAY = 86400;
  var SVGNS = "http://www.w3.org/2000/svg";

  function num(el, name) { var v = el.getAttribute(name); return v === "" || v === null ? null : Number(v); }
  function pad2(n) { return (n < 10 ? "0" : "") + n; }
  function isoDay(t) { var d = new Date(t * 1000); return d.getUTCFullYear() + "-" + pad2(d.getUTCMonth() + 1) + "-" + pad2(d.getUTCDate()); }

  function ticks(lo, hi) {
    var span = Math.max(hi - lo, 1), ideal = span / 8, out = [], t, d, step;
    if (ideal < 20 * DAY) {
      step = [3600, 6 * 3600, DAY, 2 * DAY, 7 * DAY].filter(function (s) { return s >= ideal; })[0] || 7 * DAY;
      t = lo - (((lo % step) + step) % step) + step;
      for (; t <= hi && out.length < 200; t += step) {
        d = new Date(t * 1000);
        out.push([t, step < DAY && d.getUTCHours() ? pad2(d.getUTCHours()) + ":" + pad2(d.getUTCMinutes()) : isoDay(t), d.getUTCDate() === 1]);
      }
      return out;
    }
    if (ideal < 250 * DAY) {
      var months = [1, 2, 3, 6].filter(function (m) { return m * 30.4 * DAY >= ideal; })[0] || 6;
      d = new Date(lo * 1000);
      var year = d.getUTCFullYear(), month = Math.floor(d.getUTCMonth() / months + 1) * months + 1;
      for (;;) {
        year += Math.floor((month - 1) / 12); month = ((month - 1) % 12) + 1;
        t = Date.UTC(year, month - 1, 1) / 1000;
        if (t > hi || out.length >= 200) { break; }
        out.push([t, month === 1 ? String(year) : year + "-" + pad2(month), month === 1]);
        month += months;
      }
      return out;
    }
    var years = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter(function (y) { return y * 365.25 * DAY >= ideal; })[0] || 1000;
    var y0 = Math.floor(new Date(lo * 1000).getUTCFullYear() / years) * years + years;
    for (var y = y0; y <= 9999; y += years) {
      t = Date.UTC(y, 0, 1) / 1000;
      if (t > hi || out.length >= 200) { break; }
      out.push([t, String(y), y % (years * 5) === 0]);
    }
    return out;
  }

  function draw(figure, lo, hi) {
    all("svg.tl", figure).forEach(function (svg) { drawSvg(svg, lo, hi); });
  }

  function drawSvg(svg, lo, hi) {
    var factor = (WIDTH - LEFT - RIGHT) / Math.max(hi - lo, 1);
    function x(t, fallback) {
      if (t === null) { return fallback; }
      return Math.round(Math.min(Math.max(LEFT + (t - lo) * factor, LEFT), WIDTH - RIGHT) * 100) / 100;
    }
    var height = svg.viewBox.baseVal.height;
    var axisY = Number(svg.querySelector(".baseline").getAttribute("y1"));
    var tickGroup = svg.querySelector("g.ticks");
    tickGroup.textContent = "";
    ticks(lo, hi).forEach(function (tick) {
      var tx = x(tick[0], LEFT);
      if (tx + 3 + tick[1].length * 6.2 > WIDTH) { return; }
      var line = document.createElementNS(SVGNS, "line");
      line.setAttribute("class", "tick" + (tick[2] ? " major" : ""));
      line.setAttribute("x1", tx); line.setAttribute("x2", tx);
      line.setAttribute("y1", axisY - 5); line.setAttribute("y2", height);
      var label = document.createElementNS(SVGNS, "text");
      label.setAttribute("class", "tick-label");
      label.setAttribute("x", tx + 3); label.setAttribute("y", axisY - 9);
      label.textContent = tick[1];
      tickGroup.appendChild(line); tickGroup.appendChild(label);
    });
    all("g.ev", svg).forEach(function (g) {
      var es = num(g, "data-es"), ls = num(g, "data-ls"), ee = num(g, "data-ee"), le = num(g, "data-le");
      var finite = [es, ls, ee, le].filter(function (v) { return v !== null; });
      var low = Math.min.apply(null, finite), high = Math.max.apply(null, finite);
      var outside = (le !== null && high < lo) || (es !== null && low > hi);
      g.style.display = outside ? "none" : "";
      var x1 = x(es, LEFT), x2 = x(le, WIDTH - RIGHT);
      var point = (x2 - x1) < POINT_BELOW && es !== null && le !== null;
      g.classList.toggle("is-point", point);
      var fuzzy = g.querySelector(".fuzzy");
      fuzzy.setAttribute("x", x1); fuzzy.setAttribute("width", Math.max(x2 - x1, 1));
      var core = g.querySelector(".core");
      var hasCore = ls !== null && ee !== null && ls <= ee;
      core.setAttribute("visibility", hasCore ? "visible" : "hidden");
      if (hasCore) { var cx = x(ls, LEFT); core.setAttribute("x", cx); core.setAttribute("width", Math.max(x(ee, LEFT) - cx, 1)); }
      var y = num(g, "data-y"), h = num(g, "data-h");
      g.querySelector(".pt").setAttribute("transform", "translate(" + (x1 + x2) / 2 + " " + (y + h / 2) + ")");
      // label beside the bar, on the right unless it only fits on the left (as timeline.label_side)
      var left = point ? (x1 + x2) / 2 - 7 : x1, right = point ? (x1 + x2) / 2 + 7 : Math.max(x2, x1 + 1);
      var flag = g.querySelector(".flag"), room = flag ? 14 : 0;
      var lbl = g.querySelector(".lbl"), width = lbl ? Number(lbl.getAttribute("data-lw")) : 0;
      var rightX = right + 5 + room, leftX = left - 5 - room;
      var roomRight = WIDTH - RIGHT - rightX, roomLeft = leftX - LEFT;
      var side = width <= roomRight ? "start" : (width <= roomLeft ? "end" : "inside");
      if (lbl) {
        lbl.setAttribute("x", side === "start" ? rightX : (side === "end" ? leftX : Math.max(left, LEFT) + 4));
        lbl.setAttribute("text-anchor", side === "end" ? "end" : "start");
        lbl.classList.toggle("inside", side === "inside");
      }
      if (flag) {
        var fx = side === "end" || (side === "inside" && roomRight < 14) ? left - 3 - 7 : right + 3 + 7;
        flag.querySelector("circle").setAttribute("cx", fx); flag.querySelector("text").setAttribute("x", fx);
      }
    });
  }

  all(".tl-controls").forEach(function (controls) {
    var scope = controls.closest("section") || document;
    var figures = all("figure.timeline", scope);
    if (!figures.length) { return; }
    var lo0 = Number(figures[0].getAttribute("data-lo")), hi0 = Number(figures[0].getAttribute("data-hi"));
    var lo = lo0, hi = hi0;
    var from = controls.querySelector(".tl-from"), to = controls.querySelector(".tl-to");
    function redraw() {
      figures.forEach(function (figure) { draw(figure, lo, hi); });
      from.value = isoDay(lo); to.value = isoDay(hi);
    }
    function setRange(a, b) {
      var min = lo0 - 2 * (hi0 - lo0), max = hi0 + 2 * (hi0 - lo0);
      if (b - a < 3600) { var mid = (a + b) / 2; a = mid - 1800; b = mid + 1800; }
      lo = Math.max(a, min); hi = Math.min(b, max);
      redraw();
    }
    all("button[data-zoom]", controls).forEach(function (button) {
      button.addEventListener("click", function () {
        var span = hi - lo, mid = (lo + hi) / 2, action = button.getAttribute("data-zoom");
        if (action === "in") { setRange(mid - span / 4, mid + span / 4); }
        else if (action === "out") { setRange(mid - span, mid + span); }
        else if (action === "left") { setRange(lo - span / 4, hi - span / 4); }
        else if (action === "right") { setRange(lo + span / 4, hi + span / 4); }
        else { setRange(lo0, hi0); }
      });
    });
    function fromInputs() {
      var a = Date.parse(from.value), b = Date.parse(to.value);
      if (!isNaN(a) && !isNaN(b) && b > a) { setRange(a / 1000, b / 1000 + DAY); }
    }
    from.addEventListener("change", fromInputs);
    to.addEventListener("change", fromInputs);
  });
})();
