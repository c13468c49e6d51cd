// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "offscreen";
      document.body.appendChild(area);
      area.select();
      try { document.execCommand("copy") ? resolve() : reject(new Error("copy failed")); }
      catch (e) { reject(e); }
      finally { document.body.removeChild(area); }
    });
  }
  function setupCopyButtons() {
    var buttons = document.querySelectorAll("button.copy-btn[data-copy-target]");
    Array.prototype.forEach.call(buttons, function (btn) {
      var target = document.getElementById(btn.getAttribute("data-copy-target"));
      if (!target) { return; }
      btn.hidden = false;
      var status = btn.nextElementSibling && btn.nextElementSibling.classList.contains("copy-status") ? btn.nextElementSibling : null;
      btn.addEventListener("click", function () {
        copyText(target.textContent.trim()).then(function () {
          if (status) { status.textContent = "Copied to the clipboard."; }
          btn.textContent = "Copied";
          window.setTimeout(function () { btn.textContent = "Copy wording"; if (status) { status.textContent = ""; } }, 2500);
        }, function () {
          if (status) { status.textContent = "Could not copy: select the text and copy it instead."; }
        });
      });
    });
  }
  function focusErrorSummary() {
    var summary = document.getElementById("error-summary");
    if (summary) { summary.focus(); }
  }
  // On a phone the search filters fold behind their disclosure button so the results come first;
  // without this script they stay open (below the results, by CSS order).
  function foldFiltersOnPhones() {
    var panels = document.querySelectorAll("details[data-collapse-below]");
    Array.prototype.forEach.call(panels, function (panel) {
      var query = window.matchMedia("(max-width: " + (parseInt(panel.getAttribute("data-collapse-below"), 10) - 0.02) + "px)");
      var apply = function () { panel.open = !query.matches; };
      apply();
      if (query.addEventListener) { query.addEventListener("change", apply); }
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    foldFiltersOnPhones();
    setupCopyButtons();
    focusErrorSummary();
  });
})();
