// An embed in someone else's page: its "open in Stepgrad" link follows the step, and it tells its
// host how tall its content is, in the messages hosts already listen for: H5P's resizer
// handshake (hello, prepareResize, resize) and Canvas's lti.frameResize. Only a height is sent,
// so any host origin may hear it.

const STEP = '{step}';

for (const link of document.querySelectorAll('a[data-at]')) {
  document.addEventListener('stepgrad:step', (event) => {
    link.href = link.dataset.at.replaceAll(STEP, String(event.detail.step));
  });
}

if (window.parent !== window) {
  const host = window.parent;
  let h5pReady = false; // the host answered H5P's hello: it runs the resizer
  let sent = -1;

  const height = () => Math.ceil(document.documentElement.scrollHeight);

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (event.source !== host || !data || data.context !== 'h5p') return;
    if (data.action === 'hello') {
      h5pReady = true;
      sent = -1;
      report();
    } else if (data.action === 'resizePrepared') {
      host.postMessage({ context: 'h5p', action: 'resize', scrollHeight: height() }, '*');
    }
  });

  function report() {
    const h = height();
    if (h === sent) return; // nothing changed: a host that sizes the frame to it would not loop
    sent = h;
    if (h5pReady) {
      host.postMessage({ context: 'h5p', action: 'prepareResize', scrollHeight: h, clientHeight: document.documentElement.clientHeight }, '*');
    }
    host.postMessage({ subject: 'lti.frameResize', height: h }, '*');
  }

  host.postMessage({ context: 'h5p', action: 'hello' }, '*');
  new ResizeObserver(report).observe(document.body);
  report();
}
