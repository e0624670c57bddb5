/* Folds the main menu behind a "Menu" button on narrow screens. Without this script the menu is simply shown. */
(function () {
  "use strict";
  var nav = document.querySelector("[data-main-nav]");
  if (!nav) { return; }
  var button = nav.querySelector(".main-nav__toggle");
  var narrow = window.matchMedia("(max-width: 40rem)");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    nav.classList.toggle("main-nav--open", open);
  }

  nav.classList.add("main-nav--foldable");
  button.hidden = false;
  setOpen(!narrow.matches);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  nav.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && narrow.matches && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
  var follow = function (event) { setOpen(!event.matches); };
  if (narrow.addEventListener) { narrow.addEventListener("change", follow); }
}());
