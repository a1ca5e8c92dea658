/* Reader forms on pages shared by every reader (and kept by shared caches)
   carry no CSRF token and no one-time form token: the page must be the same
   bytes for everyone. On the first focus in such a form this fetches both
   from the form's data-tokens-url and fills the hidden inputs; a submit made
   before they arrive waits for them, then goes on. If they cannot be
   fetched, a message says so inside the form and nothing the reader typed is
   lost. Without JavaScript the form shows a link to a page with the tokens
   in it (<noscript>). */
(function () {
  "use strict";
  var forms = document.querySelectorAll("form[data-tokens-url]");
  Array.prototype.forEach.call(forms, setUp);

  function setUp(form) {
    if (form.hasAttribute("data-tokens-bound")) return; /* the script came twice */
    form.setAttribute("data-tokens-bound", "");
    var url = form.getAttribute("data-tokens-url");
    var status = form.querySelector("[data-tokens-status]");
    var pending = null;
    var ready = false;
    var waiting = false;

    function field(name) {
      return form.querySelector('input[type="hidden"][name="' + name + '"]');
    }
    function showError() {
      if (!status) return;
      status.textContent = "";
      var message = document.createElement("p");
      message.className = "notice notice--warning";
      message.textContent = form.getAttribute("data-tokens-error") || "";
      status.appendChild(message);
    }
    function clearError() {
      if (status) status.textContent = "";
    }
    function load() {
      if (ready) return Promise.resolve();
      if (pending) return pending;
      if (!window.fetch) {
        showError();
        return Promise.reject(new Error("no fetch"));
      }
      pending = fetch(url, { credentials: "same-origin", cache: "no-store", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (tokens) {
          var csrf = field("csrfmiddlewaretoken");
          var started = field("started");
          if (!tokens || typeof tokens.csrf !== "string" || typeof tokens.started !== "string" || !csrf || !started) {
            throw new Error("bad tokens");
          }
          csrf.value = tokens.csrf;
          started.value = tokens.started;
          ready = true;
          form.setAttribute("data-tokens-ready", "");
          clearError();
        })
        .catch(function (error) {
          pending = null; /* the next focus or submit tries again */
          showError();
          throw error;
        });
      return pending;
    }

    form.addEventListener("focusin", function () {
      load().catch(function () {});
    });
    form.addEventListener("submit", function (event) {
      if (ready) return;
      event.preventDefault();
      if (waiting) return;
      waiting = true;
      var submitter = event.submitter;
      load().then(
        function () {
          waiting = false;
          if (form.requestSubmit) {
            form.requestSubmit(submitter && submitter.form === form ? submitter : undefined);
          } else {
            form.submit();
          }
        },
        function () {
          waiting = false;
        }
      );
    });
  }
})();
