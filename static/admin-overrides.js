/*
 * Names for the boxes that Django's autocomplete widget (Select2 4.0.13) builds, which it leaves
 * without one (WCAG 1.3.1, 4.1.2; axe "label" and "list"). Loaded with defer from
 * templates/admin/base_site.html, so it runs before the widget is set up on DOMContentLoaded.
 */
(function () {
  "use strict";

  // The words of a form field's label, without the colon Django adds.
  function labelText(select) {
    var label = select.labels && select.labels[0];
    return label ? label.textContent.replace(/:\s*$/, "").trim() : "";
  }

  function labelId(select) {
    var label = select.labels && select.labels[0];
    if (!label) return "";
    if (!label.id) label.id = select.id + "-label";
    return label.id;
  }

  // A multiple choice box's "Remove all items" cross is a bare <span> inside a <ul>, which is not a
  // list any more, and it cannot be reached by keyboard; each choice keeps its own remove cross.
  function withoutClearAll() {
    document.querySelectorAll("select.admin-autocomplete[multiple]").forEach(function (select) {
      select.setAttribute("data-allow-clear", "false");
    });
  }

  // The original <select> that a Select2 box stands for: the box comes straight after it.
  function selectFor(element) {
    var container = element.closest(".select2-container");
    if (!container) return null;
    var before = container.previousElementSibling;
    if (before && before.tagName === "SELECT") return before;
    // An open drop-down lives at the end of the page; its list's id names the select.
    var controls = element.getAttribute("aria-controls") || element.getAttribute("aria-owns") || "";
    var match = controls.match(/^select2-(.+)-results$/);
    return match ? document.getElementById(match[1]) : null;
  }

  function name(element) {
    if (element.dataset.staffNamed) return;
    var select = selectFor(element);
    if (!select) return;
    var text = labelText(select);
    if (!text) return;
    element.dataset.staffNamed = "yes";
    if (element.classList.contains("select2-search__field")) {
      element.setAttribute("aria-label", "Search " + text);
    } else if (element.getAttribute("role") === "combobox") {
      // Read the field's label before the chosen value, not the value alone.
      var own = element.getAttribute("aria-labelledby");
      element.setAttribute("aria-labelledby", (labelId(select) + " " + (own || "")).trim());
      // The chosen value is a read-only text box; with nothing chosen yet it would have no name.
      var shown = element.querySelector(".select2-selection__rendered[role=textbox]");
      if (shown && shown.id) {
        shown.setAttribute("aria-labelledby", labelId(select) + " " + shown.id);
      }
    }
  }

  function nameAll(root) {
    root
      .querySelectorAll(".select2-search__field, .select2-selection[role=combobox]")
      .forEach(name);
  }

  // An open box names its list with aria-owns only; ARIA 1.2 asks a combobox for aria-controls.
  function controlsFromOwns(element) {
    var owns = element.getAttribute("aria-owns");
    if (owns) element.setAttribute("aria-controls", owns);
    else element.removeAttribute("aria-controls");
  }

  // Django's "Add another …" and "Remove" in inlines are links dressed as buttons (role=button);
  // a button also answers the space bar (WCAG 2.1.1), which a link does not.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === " " && target.matches && target.matches("a[role=button]")) {
      event.preventDefault();
      target.click();
    }
  });

  withoutClearAll();
  // Select2 builds its boxes when the page is ready, when a row is added and when a list opens.
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      if (change.type === "attributes") {
        if (change.target.getAttribute("role") === "combobox") controlsFromOwns(change.target);
        return;
      }
      change.addedNodes.forEach(function (node) {
        if (node.nodeType !== 1) return;
        if (node.matches(".select2-search__field, .select2-selection[role=combobox]")) name(node);
        nameAll(node);
      });
    });
  }).observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-owns"],
  });
  document.addEventListener("DOMContentLoaded", function () {
    withoutClearAll();
    nameAll(document);
  });
})();
