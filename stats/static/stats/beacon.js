/* Counts this page view: one POST to the beacon, sent when the page loads,
   so a page served from a cache still counts. No data but the article id. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var url = script.getAttribute("data-hit-url");
  var body = new URLSearchParams();
  var article = script.getAttribute("data-article");
  if (article) body.append("a", article);
  function send() {
    if (navigator.sendBeacon && navigator.sendBeacon(url, body)) return;
    if (window.fetch) {
      fetch(url, { method: "POST", body: body, credentials: "same-origin", keepalive: true }).catch(function () {});
    }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", send);
  } else {
    send();
  }
})();
