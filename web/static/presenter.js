// Presenter mode for projectors: large type, high contrast, chrome hidden, full screen.
// ?present=1 opens a page in it (the server writes the class, so the first paint is dark); the
// mode is kept in the address, so the step links and permalinks the stepper makes keep it too.
// B or . (what presentation clickers send) blanks the screen and brings it back.

export function createPresenter(root, onChange = () => {}) {
  const button = root.querySelector('[data-present]');
  const html = document.documentElement;
  const blank = document.createElement('div');
  blank.className = 'presenter-blank';
  blank.hidden = true;
  blank.setAttribute('aria-label', 'Screen blanked: press B to show it again');
  blank.addEventListener('click', () => setBlank(false));
  document.body.append(blank);

  function label(on) {
    if (!button) return;
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Exit presenter' : 'Present';
  }

  function remember(on) {
    const url = new URL(window.location.href);
    if (on) url.searchParams.set('present', '1');
    else url.searchParams.delete('present');
    window.history.replaceState(window.history.state, '', url);
    for (const a of root.querySelectorAll('a[data-go]')) {
      const to = new URL(a.href, window.location.href);
      if (on) to.searchParams.set('present', '1');
      else to.searchParams.delete('present');
      a.href = to.pathname + to.search;
    }
  }

  function set(on) {
    html.classList.toggle('presenter', on);
    label(on);
    remember(on);
    if (!on) setBlank(false);
    onChange(on);
  }

  function setBlank(on) {
    blank.hidden = !on;
    html.classList.toggle('blanked', on);
  }

  function toggle() {
    const on = !html.classList.contains('presenter');
    set(on);
    if (on && document.fullscreenEnabled && !document.fullscreenElement) {
      html.requestFullscreen().catch(() => {}); // refused (e.g. in an iframe): large type still helps
    } else if (!on && document.fullscreenElement) {
      document.exitFullscreen().catch(() => {});
    }
  }

  // leaving full screen with Esc leaves presenter mode too
  document.addEventListener('fullscreenchange', () => {
    if (!document.fullscreenElement && html.classList.contains('presenter')) set(false);
  });

  label(html.classList.contains('presenter'));
  if (button) button.addEventListener('click', toggle);
  return { toggle, blank: () => setBlank(blank.hidden) };
}
