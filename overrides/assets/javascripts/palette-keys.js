/* The palette toggle from the keyboard: Material switches the colour scheme
 * on Enter; a toggle should also answer Space, which on an already checked
 * radio button does nothing by itself. Do what Enter does: check the next
 * palette and keep the focus on it. */
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key !== " " || !(input instanceof HTMLInputElement)) return;
    var form = input.closest("form[data-md-component=palette]");
    if (!form) return;
    event.preventDefault();
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input.md-option"));
    var next = inputs[(inputs.indexOf(input) + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
