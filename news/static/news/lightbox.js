// Photo report lightbox: our own few lines, on a native <dialog>.
// Without JavaScript each photo is a link to its large version, so nothing
// here is needed to see the photos. With it: click opens the dialog, arrow
// keys move, Esc closes (the dialog's own behaviour), Tab stays inside the
// dialog, the caption is announced, and focus goes back to the photo.
(function () {
  "use strict";
  var dialog = document.querySelector("[data-lightbox]");
  var gallery = document.querySelector("[data-lightbox-gallery]");
  if (!dialog || !gallery || typeof dialog.showModal !== "function") return;

  var links = Array.prototype.slice.call(gallery.querySelectorAll("[data-lightbox-index]"));
  var img = dialog.querySelector(".lightbox__img");
  var caption = dialog.querySelector(".lightbox__caption");
  var labelOf = dialog.dataset.labelOf || "%(n)s/%(total)s";
  var current = 0;
  var opener = null;

  function show(index) {
    current = (index + links.length) % links.length;
    var link = links[current];
    var thumb = link.querySelector("img");
    var figcaption = link.closest("figure").querySelector("figcaption");
    img.src = link.href;
    img.width = Number(link.dataset.width) || 0;
    img.height = Number(link.dataset.height) || 0;
    img.alt = thumb ? thumb.alt : "";
    caption.textContent = figcaption ? figcaption.textContent.trim() : "";
    dialog.setAttribute(
      "aria-label",
      labelOf.replace("%(n)s", current + 1).replace("%(total)s", links.length)
    );
  }

  links.forEach(function (link, index) {
    link.addEventListener("click", function (event) {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return; // new tab: let the browser do it
      event.preventDefault();
      opener = link;
      show(index);
      dialog.showModal();
      dialog.querySelector("[data-lightbox-close]").focus();
    });
  });

  dialog.querySelector("[data-lightbox-prev]").addEventListener("click", function () { show(current - 1); });
  dialog.querySelector("[data-lightbox-next]").addEventListener("click", function () { show(current + 1); });
  dialog.querySelector("[data-lightbox-close]").addEventListener("click", function () { dialog.close(); });

  dialog.addEventListener("keydown", function (event) {
    if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
    else if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
    else if (event.key === "Tab") {
      // Keep focus inside: cycle through the dialog's own buttons.
      var focusable = Array.prototype.slice.call(dialog.querySelectorAll("button"));
      var at = focusable.indexOf(document.activeElement);
      var next = event.shiftKey ? at - 1 : at + 1;
      focusable[(next + focusable.length) % focusable.length].focus();
      event.preventDefault();
    }
  });

  // A click on the backdrop (outside the figure and buttons) closes.
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener("close", function () {
    img.removeAttribute("src");
    if (opener) opener.focus();
  });
})();
