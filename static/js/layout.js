/* Phone-width helpers; every page works without this file.
   1. Folds the main menu behind a "Menu" button on narrow screens (without the script the menu is simply shown).
   2. A table's scroll box (.table-scroll, focusable in the HTML so keyboards can scroll it) stays a tab stop only
      while its table is actually wider than the box. */
(function () {
  "use strict";
  var narrow = window.matchMedia("(max-width: 40rem)");

  function foldMenu() {
    var nav = document.querySelector("[data-main-nav]");
    var button = nav && nav.querySelector(".main-nav__toggle");
    if (!button) { return; }
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
    if (narrow.addEventListener) {
      narrow.addEventListener("change", function (event) { setOpen(!event.matches); });
    }
  }

  function scrollBoxes() {
    var boxes = document.querySelectorAll(".table-scroll[role='region']");
    Array.prototype.forEach.call(boxes, function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
      } else {
        box.removeAttribute("tabindex");
      }
    });
  }

  foldMenu();
  scrollBoxes();
  var pending = null;
  window.addEventListener("resize", function () {
    window.clearTimeout(pending);
    pending = window.setTimeout(scrollBoxes, 150);
  });
}());
