// The HTML report's interactions, offline and without libraries: search, change-type filters,
// sortable tables, and the side-by-side texts (synchronized scrolling, next / previous change).
// Included by report.html.j2 inside a script element; it never writes document text as markup.
(function () {
  "use strict";
  var search = document.getElementById("search");
  var found = document.getElementById("found");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-change]"));

  function hiddenTypes() {
    var off = {};
    boxes.forEach(function (box) { if (!box.checked) { off[box.getAttribute("data-change")] = true; } });
    return off;
  }

  // Rows of filterable tables (a tbody per redline pair, a tr per section pair), targets and terms rows,
  // and the side-by-side blocks all answer to the search; the change-type filters apply where a row has one.
  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(
      "table.filterable tbody[data-change], table.filterable tr[data-change], " +
      "table.targets tbody tr, table.terms tbody tr, .sbs .blk"));
  }

  function apply() {
    var query = search ? search.value.trim() : "";
    var off = hiddenTypes();
    var shown = 0;
    items().forEach(function (item) {
      var type = item.getAttribute("data-change");
      var match = !query || item.textContent.indexOf(query) >= 0;
      var visible = match && !(type && off[type]);
      item.classList.toggle("hidden", !visible);
      if (visible && query) { shown += 1; }
    });
    if (found) { found.textContent = query ? "找到 " + shown + " 处" : ""; }
  }
  if (search) { search.addEventListener("input", apply); }
  boxes.forEach(function (box) { box.addEventListener("change", apply); });

  // Sortable tables: a click on a header sorts by that column, numbers as numbers; again reverses.
  function cellValue(row, index) {
    var cell = row.children[index];
    var text = cell ? cell.textContent.trim() : "";
    var number = parseFloat(text.replace(/[^0-9.\-]/g, ""));
    return { text: text, number: /^[-+]?\d/.test(text) && !isNaN(number) ? number : null };
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var headers = table.querySelectorAll("thead th");
    Array.prototype.forEach.call(headers, function (th, index) {
      th.addEventListener("click", function () {
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        var ascending = !th.classList.contains("asc");
        Array.prototype.forEach.call(headers, function (h) { h.classList.remove("asc", "desc"); });
        th.classList.add(ascending ? "asc" : "desc");
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var order = x.number !== null && y.number !== null ? x.number - y.number : x.text.localeCompare(y.text, "zh-CN");
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });

  // Side by side: scrolling one pane brings the counterpart of its top section to the top of the other.
  var panes = { old: document.getElementById("pane-old"), new: document.getElementById("pane-new") };
  var sync = document.getElementById("sync");
  var steering = { old: false, new: false };
  function topBlock(pane) {
    var blocks = pane.querySelectorAll(".blk:not(.hidden)");
    for (var i = 0; i < blocks.length; i += 1) {
      if (blocks[i].offsetTop + blocks[i].offsetHeight > pane.scrollTop + 4) { return blocks[i]; }
    }
    return null;
  }
  function counterpart(block) {
    var ids = (block.getAttribute("data-with") || "").split(" ").filter(Boolean);
    return ids.length ? document.getElementById(ids[0]) : null;
  }
  function bring(pane, block) {
    if (!pane || !block) { return; }
    var target = Math.max(0, block.offsetTop - 4);
    if (Math.abs(pane.scrollTop - target) > 1) { steering[pane === panes.old ? "old" : "new"] = true; pane.scrollTop = target; }
  }
  ["old", "new"].forEach(function (side) {
    var pane = panes[side], other = panes[side === "old" ? "new" : "old"];
    if (!pane || !other) { return; }
    pane.addEventListener("scroll", function () {
      if (steering[side]) { steering[side] = false; return; }
      if (!sync || !sync.checked) { return; }
      var block = topBlock(pane);
      var match = block ? counterpart(block) : null;
      if (match) { bring(other, match); }
    });
  });

  // Next / previous change: the changed or unmatched sections of the right-hand pane, in order.
  var position = document.getElementById("position");
  var current = -1;
  function changes() {
    return panes.new ? Array.prototype.slice.call(panes.new.querySelectorAll(".blk.changed:not(.hidden), .blk.alone:not(.hidden)")) : [];
  }
  function go(step) {
    var list = changes();
    if (!list.length) { if (position) { position.textContent = "没有变化"; } return; }
    current = (current + step + list.length) % list.length;
    Array.prototype.forEach.call(document.querySelectorAll(".blk.current"), function (b) { b.classList.remove("current"); });
    var block = list[current];
    block.classList.add("current");
    bring(panes.new, block);
    var match = counterpart(block);
    if (match) { match.classList.add("current"); bring(panes.old, match); }
    if (position) { position.textContent = "第 " + (current + 1) + " / " + list.length + " 处"; }
  }
  var next = document.getElementById("next"), prev = document.getElementById("prev");
  if (next) { next.addEventListener("click", function () { go(1); }); }
  if (prev) { prev.addEventListener("click", function () { go(-1); }); }
}());
