// Security keys and passkeys need JavaScript and a browser that has them: show their buttons only
// then (django-otp-webauthn's scripts do the rest). Without either, the code box is there alone.
(function () {
  "use strict";
  if (!window.PublicKeyCredential) {
    return;
  }
  document.querySelectorAll("[data-webauthn-sign-in], [data-webauthn-register]").forEach(function (block) {
    block.hidden = false;
  });
  document.querySelectorAll("[data-webauthn-unavailable]").forEach(function (note) {
    note.hidden = true;
  });
})();
