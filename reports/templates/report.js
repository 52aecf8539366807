(function () {
  "use strict";
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr[data-verdict]"));
  var buttons = Array.prototype.slice.call(document.querySelectorAll("button[data-filter-verdict]"));
  var unitSelect = document.getElementById("filter-unit");
  var shown = document.getElementById("shown-count");
  var empty = document.getElementById("no-rows");
  var bar = document.querySelector(".filters");
  // The page opens on what needs work: the items that do not pass (data-default="fail").
  var state = { verdict: (bar && bar.getAttribute("data-default")) || "all", unit: "all" };

  function matches(row) {
    var verdict = row.getAttribute("data-verdict");
    var verdictOk = state.verdict === "all" ||
      (state.verdict === "fail" ? verdict !== "pass" : verdict === state.verdict);
    var unitOk = state.unit === "all" || row.getAttribute("data-unit") === state.unit;
    return verdictOk && unitOk;
  }

  function apply() {
    var count = 0;
    rows.forEach(function (row) {
      var ok = matches(row);
      row.hidden = !ok;
      if (ok) { count += 1; }
    });
    buttons.forEach(function (button) {
      var on = button.getAttribute("data-filter-verdict") === state.verdict;
      button.setAttribute("aria-pressed", on ? "true" : "false");
    });
    if (shown) { shown.textContent = String(count); }
    if (empty) { empty.hidden = count !== 0; }
  }

  buttons.forEach(function (button) {
    button.addEventListener("click", function () {
      state.verdict = button.getAttribute("data-filter-verdict");
      apply();
    });
  });
  if (unitSelect) {
    unitSelect.addEventListener("change", function () {
      state.unit = unitSelect.value;
      apply();
    });
  }
  document.documentElement.className += " js";
  apply();
}());
