// Presenter mode for projectors: large type, high contrast, chrome hidden, full screen.

export function createPresenter(root, onChange = () => {}) {
  const button = root.querySelector('[data-present]');
  const html = document.documentElement;

  function set(on) {
    html.classList.toggle('presenter', on);
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Exit presenter' : 'Present';
    onChange(on);
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

  button.addEventListener('click', toggle);
  return { toggle };
}
