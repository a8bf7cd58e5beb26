// The menu collapses behind GOV.UK Frontend's "Menu" button on phones. Loaded with `defer` after
// GOV.UK Frontend's service navigation script; without JavaScript the menu stays a short list of
// links (see _brand.scss), so nothing depends on this file.
(function () {
  "use strict";
  var frontend = window.GOVUKFrontend;
  if (!frontend || !frontend.ServiceNavigation || !("noModule" in HTMLScriptElement.prototype)) {
    return;
  }
  // GOV.UK Frontend runs only in browsers that support ES modules (its own template checks the
  // same), and only once the page says so.
  document.body.classList.add("govuk-frontend-supported");
  document.querySelectorAll('[data-module="govuk-service-navigation"]').forEach(function (root) {
    new frontend.ServiceNavigation(root);
  });
})();
