(function () {
  "use strict";
  var text = document.getElementById("text");
  function hits(n) {
    return Array.prototype.filter.call(text.querySelectorAll("span[data-f]"), function (e) {
      return e.getAttribute("data-f").split(" ").indexOf(n) >= 0;
    });
  }
  function flash(elements) {
    elements.forEach(function (e) {
      e.classList.remove("flash");
      void e.offsetWidth;
      e.classList.add("flash");
    });
    setTimeout(function () {
      elements.forEach(function (e) { e.classList.remove("flash"); });
    }, 1600);
  }
  function go(n) {
    var elements = hits(n);
    if (!elements.length) { return; }
    elements[0].scrollIntoView({ block: "center" });
    flash(elements);
    document.body.setAttribute("data-target", n);
  }
  document.querySelectorAll(".finding").forEach(function (li) {
    li.addEventListener("click", function () { go(li.getAttribute("data-f")); });
    li.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") { go(li.getAttribute("data-f")); }
    });
  });
  document.querySelectorAll("a.mark").forEach(function (a) {
    a.addEventListener("click", function (ev) {
      ev.preventDefault();
      var li = document.getElementById("f-" + a.getAttribute("data-f"));
      if (li) { li.scrollIntoView({ block: "nearest" }); flash([li]); }
    });
  });
  function filter() {
    var rule = document.getElementById("rule").value;
    document.querySelectorAll("input.sev").forEach(function (c) {
      document.body.classList.toggle("no-" + c.value, !c.checked);
    });
    document.querySelectorAll(".finding").forEach(function (li) {
      var box = document.querySelector("input.sev[value=" + li.getAttribute("data-severity") + "]");
      var shown = box && box.checked && (!rule || li.getAttribute("data-code") === rule);
      li.classList.toggle("hidden", !shown);
    });
  }
  document.querySelectorAll("input.sev").forEach(function (c) {
    c.addEventListener("change", filter);
  });
  var rule = document.getElementById("rule");
  if (rule) { rule.addEventListener("change", filter); }
})();
