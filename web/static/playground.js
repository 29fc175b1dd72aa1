// The playground's editor: Ctrl/⌘+Enter runs the program.

const form = document.querySelector('form.program');
const source = form?.querySelector('textarea');
source?.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    form.requestSubmit();
  }
});
