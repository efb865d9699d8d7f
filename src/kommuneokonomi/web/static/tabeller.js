// Sortable tables (progressive enhancement: without scripts the tables are plain tables).
// Each column header becomes a button; a click (or Enter/Space) sorts by that column, again reverses it;
// aria-sort says how the table is sorted. Numbers are read the Danish way ("1.234,5", "−4,2", "12 kr.",
// "3,5 %"), text by Danish collation (æ, ø, å after z; "aa" as å). Rows with a <th> (totals) stay last.
(function () {
  "use strict";
  var collator = new Intl.Collator("da", { numeric: true, sensitivity: "base" });
  var NUMBER = /^([-−+]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?:\s*(?:mio\.|mia\.)?\s*(?:kr\.|%|pct\.)?)?$/;

  function danishNumber(text) {
    var m = NUMBER.exec(text.trim().replace(/\u00a0/g, " "));
    if (!m) return null;
    var value = parseFloat(m[2].replace(/\./g, "") + "." + (m[3] || "0"));
    return m[1] === "-" || m[1] === "−" ? -value : value;
  }

  function empty(text) {
    var t = text.trim();
    return t === "" || t === "–" || t === "-";
  }

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.dataset.sort || cell.textContent) : "";
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var pinned = rows.filter(function (r) { return r.querySelector("th"); });
    var sortable = rows.filter(function (r) { return !r.querySelector("th"); });
    var texts = sortable.map(function (r) { return cellText(r, index); });
    var numeric = texts.every(function (t) { return empty(t) || danishNumber(t) !== null; });
    var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var sign = direction === "ascending" ? 1 : -1;
    var keyed = sortable.map(function (row, i) { return { row: row, text: texts[i], i: i }; });
    keyed.sort(function (a, b) {
      var ea = empty(a.text), eb = empty(b.text);
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1; // empty cells last, either way
      var c = numeric ? danishNumber(a.text) - danishNumber(b.text) : collator.compare(a.text.trim(), b.text.trim());
      return c !== 0 ? sign * c : a.i - b.i;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
    pinned.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(th.parentNode.cells, function (other) { other.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", direction);
  }

  function enhance(table) {
    if (!table.tHead || !table.tBodies.length || table.tBodies[0].rows.length < 2) return;
    var headerRow = table.tHead.rows[table.tHead.rows.length - 1];
    Array.prototype.forEach.call(headerRow.cells, function (th, index) {
      if (th.colSpan > 1 || !th.textContent.trim()) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sorter";
      while (th.firstChild) button.appendChild(th.firstChild);
      var arrow = document.createElement("span"); // the direction is said by aria-sort, not read aloud
      arrow.className = "pil";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(arrow);
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
    table.classList.add("sorterbar");
  }

  window.kommuneokonomiDanishNumber = danishNumber; // for the browser tests
  document.querySelectorAll("main table").forEach(enhance);
})();
