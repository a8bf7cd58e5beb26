// "Print this plan" and "Copy link to this plan": progressive enhancement for
// templates/includes/plan_tools.html. Each button shows only when the browser can do what it says.
// The messages are the page's own words, in its language (the status element's data- attributes).
(function () {
  "use strict";

  function setUp(tools) {
    var print = tools.querySelector('[data-plan-tool="print"]');
    var copy = tools.querySelector('[data-plan-tool="copy-link"]');
    var status = tools.querySelector('[data-plan-tool="status"]');

    if (typeof window.print === "function") {
      print.hidden = false;
      print.addEventListener("click", function () {
        window.print();
      });
    }

    // The clipboard is there only on https pages (and localhost).
    if (navigator.clipboard && typeof navigator.clipboard.writeText === "function") {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        // The address without #feedback-thanks or any other part of the page.
        var address = window.location.href.split("#")[0];
        navigator.clipboard.writeText(address).then(
          function () {
            status.textContent = status.dataset.copied;
          },
          function () {
            status.textContent = status.dataset.notCopied;
          }
        );
      });
    }

    tools.hidden = print.hidden && copy.hidden;
  }

  document.querySelectorAll('[data-module="app-plan-tools"]').forEach(setUp);
})();
