/* auditor report site: filters, finding navigation, details, sortable tables. Inlined; the
   pages are complete without it. Builds DOM from the page's own escaped nodes, never from strings. */
(function () {
  "use strict";
  var doc = document;
  function all(sel, root) { return Array.prototype.slice.call((root || doc).querySelectorAll(sel)); }
  function show(el) { if (el) { el.hidden = false; } }

  /* ---- an article page ---- */
  var items = all("#findings > li.item");
  var byId = {};
  items.forEach(function (li) { byId[li.dataset.f] = li; });
  var marks = all("mark.hl");
  var detail = doc.getElementById("detail");
  var current = null;

  function marksOf(id) { return marks.filter(function (m) { return m.dataset.f === id; }); }
  /* off: filtered out, or accepted by the baseline while the (CSS-only) switch hides those */
  function isOff(id) {
    var li = byId[id];
    return !li || li.classList.contains("off") || li.getClientRects().length === 0;
  }

  function applyFilters() {
    var hidden = {};
    all("input[data-filter]").forEach(function (box) {
      if (!box.checked) { hidden[box.dataset.filter + ":" + box.value] = true; }
    });
    items.forEach(function (li) {
      li.classList.toggle("off", !!(hidden["fam:" + li.dataset.fam] || hidden["sev:" + li.dataset.sev]));
    });
    marks.forEach(function (m) { m.classList.toggle("off", isOff(m.dataset.f)); });
    if (current && isOff(current)) { select(null); }
  }

  function showDetail(ids) {
    if (!detail) { return; }
    while (detail.firstChild) { detail.removeChild(detail.firstChild); }
    if (!ids.length) { detail.hidden = true; return; }
    var close = doc.createElement("button");
    close.type = "button"; close.className = "close"; close.textContent = "×";
    close.title = "close (Esc)";
    close.addEventListener("click", function () { select(null); });
    detail.appendChild(close);
    ids.forEach(function (id) {
      var box = doc.createElement("div");
      var li = byId[id];
      box.className = li.className.replace(/\b(current|off)\b/g, "");
      box.dataset.f = id;
      Array.prototype.slice.call(li.cloneNode(true).childNodes).forEach(function (n) { box.appendChild(n); });
      detail.appendChild(box);
    });
    detail.hidden = false;
  }

  function select(id, opts) {
    opts = opts || {};
    all("mark.hl.active").forEach(function (m) { m.classList.remove("active"); });
    all("#findings > li.current").forEach(function (li) { li.classList.remove("current"); });
    current = id;
    if (id === null) { showDetail([]); return; }
    var ms = marksOf(id);
    ms.forEach(function (m) { m.classList.add("active"); });
    var li = byId[id];
    if (li) {
      li.classList.add("current");
      if (opts.scrollList !== false) { li.scrollIntoView({block: "nearest"}); }
    }
    showDetail(opts.chain || [id]);
    if (ms.length && opts.scroll !== false) { ms[0].scrollIntoView({block: "center"}); }
  }

  function step(delta) {
    var visible = items.filter(function (li) { return !isOff(li.dataset.f); });
    if (!visible.length) { return; }
    var at = visible.findIndex(function (li) { return li.dataset.f === current; });
    var next = at < 0 ? (delta > 0 ? 0 : visible.length - 1) : (at + delta + visible.length) % visible.length;
    select(visible[next].dataset.f);
  }

  if (items.length || marks.length) {
    show(doc.getElementById("controls"));
    all("input[data-filter]").forEach(function (box) { box.addEventListener("change", applyFilters); });
    var accepted = doc.getElementById("show-accepted");
    if (accepted) {
      accepted.addEventListener("change", function () { if (current && isOff(current)) { select(null); } });
    }
    var nextBtn = doc.getElementById("next-finding"), prevBtn = doc.getElementById("prev-finding");
    if (nextBtn) { nextBtn.addEventListener("click", function () { step(1); }); }
    if (prevBtn) { prevBtn.addEventListener("click", function () { step(-1); }); }
    items.forEach(function (li) {
      var a = li.querySelector("a.where");
      if (a) {
        a.addEventListener("click", function (ev) { ev.preventDefault(); select(li.dataset.f, {scrollList: false}); });
      }
    });
    doc.getElementById("source").addEventListener("click", function (ev) {
      var m = ev.target.closest ? ev.target.closest("mark.hl") : null;
      var chain = [];
      while (m) {
        if (!isOff(m.dataset.f) && chain.indexOf(m.dataset.f) < 0) { chain.push(m.dataset.f); }
        m = m.parentElement ? m.parentElement.closest("mark.hl") : null;
      }
      if (chain.length) { select(chain[0], {chain: chain, scroll: false}); }
    });
    doc.addEventListener("keydown", function (ev) {
      var tag = (ev.target.tagName || "").toLowerCase();
      if (ev.ctrlKey || ev.metaKey || ev.altKey || tag === "input" || tag === "textarea") { return; }
      if (ev.key === "n" || ev.key === "j") { step(1); ev.preventDefault(); }
      else if (ev.key === "p" || ev.key === "k") { step(-1); ev.preventDefault(); }
      else if (ev.key === "Escape") { select(null); }
    });
  }

  /* a link from another page: light up the whole linked place, or select the linked finding */
  function followHash() {
    var id = decodeURIComponent((location.hash || "").slice(1));
    all(".spot.lit").forEach(function (s) { s.classList.remove("lit"); });
    if (/^s\d+-\d+$/.test(id)) {
      var parts = all(".spot").filter(function (s) { return (" " + s.dataset.spot + " ").indexOf(" " + id + " ") >= 0; });
      parts.forEach(function (s) { s.classList.add("lit"); });
      if (parts.length) { parts[0].scrollIntoView({block: "center"}); }
    } else if (/^f\d+$/.test(id) && byId[id.slice(1)]) {
      select(id.slice(1));
    }
  }
  window.addEventListener("hashchange", followHash);
  followHash();

  /* copy buttons for the clean version */
  all(".copyrow").forEach(show);
  all("button[data-copy]").forEach(function (btn) {
    btn.addEventListener("click", function () {
      var el = doc.getElementById(btn.dataset.copy);
      var text = el.tagName.toLowerCase() === "textarea" ? el.value : el.textContent;
      function done() { btn.textContent = "copied"; }
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text); done(); });
      } else { fallback(text); done(); }
    });
  });
  function fallback(text) {
    var t = doc.createElement("textarea");
    t.value = text; doc.body.appendChild(t); t.select();
    try { doc.execCommand("copy"); } catch (e) { /* nothing more to try */ }
    doc.body.removeChild(t);
  }

  /* ---- the index: sortable tables ---- */
  all("table.sortable").forEach(function (table) {
    var heads = all("thead th", table);
    heads.forEach(function (th, col) {
      var btn = th.querySelector("button");
      if (btn) { btn.tabIndex = 0; }
      th.addEventListener("click", function () {
        var numeric = th.dataset.type === "num";
        var dir = th.getAttribute("aria-sort") === "descending" ? 1 : -1;  /* numbers: high first */
        if (!numeric) { dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1; }
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].dataset.sort, y = b.cells[col].dataset.sort;
          var c = numeric ? parseFloat(x) - parseFloat(y) : (x < y ? -1 : x > y ? 1 : 0);
          return c * dir || (a.cells[0].dataset.sort < b.cells[0].dataset.sort ? -1 : 1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
}());
