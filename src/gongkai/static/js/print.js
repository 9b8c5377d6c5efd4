// Buttons marked data-print open the print dialog (an external file: the Content-Security-Policy allows no
// inline script or onclick attributes).
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-print]");
    if (button) window.print();
  });
})();
