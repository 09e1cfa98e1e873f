(function () {
  "use strict";
  var table = document.getElementById("index");
  table.querySelectorAll("th").forEach(function (th, i) {
    var up = true;
    th.addEventListener("click", function () {
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var numeric = th.getAttribute("data-k") === "n";
      rows.sort(function (a, b) {
        var x = a.cells[i] ? a.cells[i].textContent : "";
        var y = b.cells[i] ? b.cells[i].textContent : "";
        var c = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
        return up ? c : -c;
      });
      up = !up;
      rows.forEach(function (r) { table.tBodies[0].appendChild(r); });
    });
  });
})();
