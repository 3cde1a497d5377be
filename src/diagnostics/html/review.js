// periksa review page: filters by check and by severity. The page reads in full without
// this script; the filter state lives in the URL fragment (#rule=A101,A102&severity=error)
// so that a filtered view can be bookmarked or linked to.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) return;
  form.hidden = false;
  var shown = document.getElementById("shown");

  function boxes(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]'));
  }
  function selected(name) {
    var all = boxes(name), on = all.filter(function (b) { return b.checked; })
      .map(function (b) { return b.value; });
    return { on: on, all: on.length === all.length };
  }
  function fromHash() {
    var wanted = {};
    location.hash.replace(/^#/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at > 0) wanted[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1)).split(",");
    });
    ["rule", "severity"].forEach(function (name) {
      var want = wanted[name];
      boxes(name).forEach(function (b) { b.checked = !want || want.indexOf(b.value) >= 0; });
    });
  }
  function apply(writeHash) {
    var rules = selected("rule"), severities = selected("severity");
    var everything = rules.all && severities.all;
    var visible = {}, count = 0, total = 0;
    document.querySelectorAll("li.finding").forEach(function (f) {
      total += 1;
      var on = rules.on.indexOf(f.dataset.rule) >= 0 && severities.on.indexOf(f.dataset.severity) >= 0;
      f.hidden = !on;
      if (on) { visible[f.id] = true; count += 1; }
    });
    function anyVisible(ids) {
      return ids.split(" ").some(function (id) { return visible[id]; });
    }
    document.querySelectorAll("[data-findings]").forEach(function (m) {
      m.classList.toggle("off", !anyVisible(m.dataset.findings));
    });
    document.querySelectorAll(".item").forEach(function (item) {
      item.hidden = !everything && !anyVisible(item.dataset.contains || "");
    });
    if (shown) {
      shown.textContent = shown.dataset.template.replace("{shown}", count).replace("{total}", total);
    }
    if (writeHash) {
      var parts = [];
      if (!rules.all) parts.push("rule=" + rules.on.join(","));
      if (!severities.all) parts.push("severity=" + severities.on.join(","));
      try {
        history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname + location.search);
      } catch (e) { /* a page opened where history cannot be written still filters */ }
    }
  }
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("hashchange", function () {
    if (/^#(rule|severity)=/.test(location.hash) || location.hash === "") { fromHash(); apply(false); }
  });
  // A printout shows everything folded on screen: the tables without findings and the
  // related places of each finding.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  fromHash();
  apply(false);
})();
