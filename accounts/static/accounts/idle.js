/* Idle timeout in the browser. After `timeout` seconds without keyboard,
   mouse or touch input (in any tab: the time is shared through localStorage)
   the banner appears with a `warning`-second countdown. Clicking it keeps the
   session (POST keepalive); when the countdown ends the user is logged out
   and the page reloads. While the user is active on a page that sends no
   request (writing a long article), a keepalive is sent at most once a
   minute, so the server, which ignores background requests, knows. */
(function () {
  "use strict";
  var configNode = document.getElementById("idle-config");
  var banner = document.getElementById("idle-banner");
  if (!configNode || !banner) return;
  var cfg = JSON.parse(configNode.textContent);
  var STORE = "portal.idle.lastActivity";
  var secondsNode = banner.querySelector("[data-idle-seconds]");
  var lastActivity = Date.now();
  var lastPing = Date.now();
  var countdown = null;
  var remaining = cfg.warning;

  function shared() {
    try {
      var stored = parseInt(window.localStorage.getItem(STORE), 10);
      if (stored > lastActivity) lastActivity = stored;
    } catch (e) { /* storage disabled: this tab only */ }
    return lastActivity;
  }
  function markActivity() {
    if (countdown !== null) return; // while warning, only the banner's button counts
    lastActivity = Date.now();
    try { window.localStorage.setItem(STORE, String(lastActivity)); } catch (e) { /* ignore */ }
  }
  function post(url) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": cfg.csrf, "X-Requested-With": "XMLHttpRequest" }
    });
  }
  function loggedOut() {
    window.location.reload();
  }
  function keepAlive() {
    lastPing = Date.now();
    return post(cfg.keepalive).then(function (response) {
      if (response.status === 401 || response.status === 403) loggedOut();
    }).catch(function () { /* offline: try again on the next activity */ });
  }
  function hideBanner() {
    if (countdown !== null) window.clearInterval(countdown);
    countdown = null;
    banner.hidden = true;
  }
  function showBanner() {
    remaining = cfg.warning;
    secondsNode.textContent = String(remaining);
    banner.hidden = false;
    banner.querySelector("[data-idle-keep]").focus();
    var shownAt = shared();
    countdown = window.setInterval(function () {
      if (shared() > shownAt) { hideBanner(); return; } // kept alive in another tab
      remaining -= 1;
      secondsNode.textContent = String(Math.max(remaining, 0));
      if (remaining <= 0) {
        window.clearInterval(countdown);
        post(cfg.logout).then(loggedOut, loggedOut);
      }
    }, 1000);
  }

  banner.querySelector("[data-idle-keep]").addEventListener("click", function () {
    hideBanner();
    markActivity();
    keepAlive();
  });
  ["keydown", "mousedown", "mousemove", "wheel", "touchstart", "scroll"].forEach(function (name) {
    document.addEventListener(name, markActivity, { passive: true, capture: true });
  });
  window.setInterval(function () {
    if (countdown !== null) return;
    var idle = (Date.now() - shared()) / 1000;
    if (idle >= cfg.timeout) {
      showBanner();
    } else if (lastActivity > lastPing && (Date.now() - lastPing) / 1000 >= 60) {
      keepAlive();
    }
  }, 1000);
})();
