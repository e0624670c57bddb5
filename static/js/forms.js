/* Forms: move focus to the error summary after a failed submit, and warn before leaving a half-filled form.
   Same-origin, no inline script (CSP); every page works without it. */
(function () {
  "use strict";

  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.setAttribute("tabindex", "-1");
    summary.focus();
  }

  var dirty = false;
  var forms = document.querySelectorAll("form[data-warn-unsaved]");
  Array.prototype.forEach.call(forms, function (form) {
    form.addEventListener("input", function () { dirty = true; });
    form.addEventListener("change", function () { dirty = true; });
    form.addEventListener("submit", function () { dirty = false; });
  });
  if (forms.length) {
    window.addEventListener("beforeunload", function (event) {
      if (!dirty) { return undefined; }
      event.preventDefault();
      event.returnValue = "";  /* browsers show their own text: "Wijzigingen zijn mogelijk niet opgeslagen" */
      return "";
    });
  }

}());
