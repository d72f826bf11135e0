// HICP Check embed helper for a host page. It does two things and nothing else:
// - sizes the frame to its content: the app sends only its height, and only height messages
//   from the frame's own window and origin are accepted;
// - offers an "erase answers" button for shared computers, which asks the frame (at its exact
//   origin) to erase everything it keeps. The host never receives an answer.
(function () {
  var frame = document.getElementById('hicp-check');
  if (!frame) return;
  var appOrigin = new URL(frame.src).origin;
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || event.origin !== appOrigin) return;
    var data = event.data;
    if (data && data.type === 'hicp-check:height' && typeof data.height === 'number') {
      frame.style.height = Math.max(300, Math.min(data.height, 20000)) + 'px';
    }
  });
  var erase = document.getElementById('hicp-check-erase');
  if (erase) {
    erase.addEventListener('click', function () {
      frame.contentWindow.postMessage({ type: 'hicp-check:erase' }, appOrigin);
    });
  }
})();
