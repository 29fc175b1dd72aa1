// The Share dialog: opens it, copies its texts, and keeps them at the step the learner is on.
// The server wrote each text with {step} where the step goes (data-at); this only puts the step in.

const STEP = '{step}';

for (const root of document.querySelectorAll('.share')) wire(root);

function wire(root) {
  const dialog = root.querySelector('dialog');
  const status = root.querySelector('.share-status');
  const qr = root.querySelector('.share-qr img');
  let step = null; // null: still the step the page was drawn at

  root.querySelector('.share-open').addEventListener('click', () => {
    status.textContent = '';
    paintQr(); // the code is fetched only when someone looks at it, not at every step of a playback
    dialog.showModal();
  });

  document.addEventListener('stepgrad:step', (event) => {
    step = event.detail.step;
    for (const field of root.querySelectorAll('input[data-at], textarea[data-at]')) field.value = at(field.dataset.at);
    if (dialog.open) paintQr();
  });

  for (const button of root.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const field = document.getElementById(button.dataset.copy);
      const label = root.querySelector(`label[for="${field.id}"]`).textContent;
      try {
        await navigator.clipboard.writeText(field.value);
        status.textContent = `${label}: copied.`;
      } catch {
        // no clipboard permission (an iframe without it, plain http): leave it selected for Ctrl+C
        field.focus();
        field.select();
        status.textContent = `${label} is selected: press Ctrl+C (⌘C on a Mac) to copy it.`;
      }
    });
  }

  const png = root.querySelector('.share-png-make');
  if (png) png.addEventListener('click', () => downloadPng(png, root.querySelector('.share-png-link'), status));

  function at(template) {
    return step === null ? null : template.replaceAll(STEP, String(step));
  }

  function paintQr() {
    if (step !== null) qr.src = at(qr.dataset.at);
  }
}

/**
 * The graph at the step as a PNG for slides: the server's standalone graph.svg (the same drawing
 * as its link in the dialog) drawn on a canvas at twice its size, offered as a download.
 */
async function downloadPng(button, link, status) {
  const file = new URL(document.getElementById(button.dataset.png).value, window.location.href);
  button.disabled = true;
  status.textContent = 'Drawing the PNG…';
  try {
    // same origin whatever PUBLIC_URL says, so the page's connect-src allows it
    const response = await fetch(file.pathname + file.search);
    if (!response.ok) throw new Error(`the graph file answered ${response.status}`);
    const text = await response.text();
    const drawing = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
    const w = Number(drawing.getAttribute('width'));
    const h = Number(drawing.getAttribute('height'));
    const scale = Math.min(PNG_SCALE, PNG_SIDE / w, PNG_SIDE / h); // a huge drawing still fits a canvas
    const width = Math.round(w * scale);
    const height = Math.round(h * scale);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`; // img-src allows data:, not blob:
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    canvas.getContext('2d').drawImage(image, 0, 0, width, height);
    const blob = await new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no image'))), 'image/png'));
    if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
    const step = file.searchParams.get('step') || '0';
    link.href = URL.createObjectURL(blob);
    link.download = `stepgrad-step-${step}.png`;
    link.textContent = `stepgrad-step-${step}.png (${width} × ${height} px)`;
    link.dataset.width = String(width);
    link.dataset.height = String(height);
    link.hidden = false;
    link.click();
    status.textContent = `The PNG of step ${step} is downloading.`;
  } catch (error) {
    status.textContent = `No PNG: ${error.message}.`;
  } finally {
    button.disabled = false;
  }
}

const PNG_SCALE = 2; // crisp on a projector and a high-density screen
const PNG_SIDE = 16000; // browsers refuse canvases much wider or taller than this
