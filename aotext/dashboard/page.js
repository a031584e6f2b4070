// Optional: without JavaScript the page shows everything. With it, each
// plan gets a button that shows only its benchmarks that need attention,
// and table headings sort their table when pressed.
(function () {
  "use strict";
  var ATTENTION = ["behind", "overdue", "no-data"];
  document.querySelectorAll("section.plan").forEach(function (plan) {
    var heading = plan.querySelector("h3[id$='-benchmarks']");
    var cards = plan.querySelectorAll("article.benchmark");
    if (!heading || cards.length < 2) { return; }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filter";
    button.setAttribute("aria-pressed", "false");
    button.textContent = $show_attention;
    // When the filter hides every card, a line says so, rather than an empty section.
    var nothing = document.createElement("p");
    nothing.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var only = button.getAttribute("aria-pressed") !== "true";
      button.setAttribute("aria-pressed", only ? "true" : "false");
      button.textContent = only ? $show_all : $show_attention;
      var shown = 0;
      cards.forEach(function (card) {
        var status = card.querySelector("h4 .status");
        var needs = status && ATTENTION.some(function (name) { return status.classList.contains(name); });
        card.hidden = only && !needs;
        shown += card.hidden ? 0 : 1;
      });
      nothing.textContent = shown ? "" : $nothing_needs_attention;
    });
    heading.insertAdjacentElement("afterend", button);
    button.insertAdjacentElement("afterend", nothing);
  });
  document.querySelectorAll("table.followups").forEach(function (table) {
    var body = table.tBodies[0];
    table.querySelectorAll("thead th").forEach(function (cell, column) {
      var label = cell.textContent;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      button.textContent = label;
      cell.textContent = "";
      cell.appendChild(button);
      cell.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        var ascending = cell.getAttribute("aria-sort") !== "ascending";
        table.querySelectorAll("thead th").forEach(function (other) { other.setAttribute("aria-sort", "none"); });
        cell.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var left = a.cells[column].dataset.sort || a.cells[column].textContent;
          var right = b.cells[column].dataset.sort || b.cells[column].textContent;
          return (ascending ? 1 : -1) * left.localeCompare(right, undefined, {numeric: true});
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  });
})();
