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

  function at(template) {
    return step === null ? null : template.replaceAll(STEP, String(step));
  }

  function paintQr() {
    if (step !== null) qr.src = at(qr.dataset.at);
  }
}
