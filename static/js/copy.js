/* Copy buttons: <button data-copy-target="ID" data-copy-status="ID" data-copied="text" hidden>.
   The button stays hidden without JavaScript; the field itself can always be selected and copied by hand. */
(function () {
  "use strict";
  function copyFrom(field) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(field.value);
    }
    field.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy"));
  }
  document.querySelectorAll("button[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    var status = document.getElementById(button.getAttribute("data-copy-status"));
    if (!field) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      copyFrom(field).then(
        function () {
          if (status) { status.textContent = button.getAttribute("data-copied"); }
        },
        function () {
          field.focus();
          field.select();
        }
      );
    });
  });
})();
