// Copy-link button for the article page: our own code, no third-party script.
// The button stays hidden where the Clipboard API is missing.
(function () {
  "use strict";
  if (!navigator.clipboard) return;
  document.querySelectorAll("[data-copy-link]").forEach(function (button) {
    var status = button.parentElement.querySelector("[role=status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.dataset.copyLink).then(function () {
        if (status) status.textContent = button.dataset.copied;
      });
    });
  });
})();
