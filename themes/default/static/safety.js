/* loa: the quick exit, and a search box that leaves no trace. Without this
 * script, an ordinary link and an ordinary form. See README "Safety and privacy". */
(() => {
  'use strict';
  const doc = document, HANDOFF = 'loa-search-q', WINDOW = 2000;
  const link = doc.querySelector('a.quick-exit'), status = doc.querySelector('.quick-exit-status');
  let title = doc.title;
  const say = (text) => status && (status.textContent = text || '');

  // Blank the page and its tab title, then replace it in the history (Back
  // does not return), sending no Referer, as rel=noreferrer does for the link.
  const exit = () => {
    const to = link.href;
    try {
      sessionStorage.removeItem(HANDOFF);
    } catch (e) {}
    title = doc.title;
    doc.title = new URL(to).hostname;
    doc.body.hidden = true;
    const meta = doc.createElement('meta');
    meta.name = 'referrer';
    meta.content = 'no-referrer';
    doc.head.append(meta);
    location.replace(to);
  };
  addEventListener('pageshow', (e) => {
    if (e.persisted) (doc.body.hidden = false), (doc.title = title), say('');
  });

  if (link) {
    link.addEventListener('click', (e) => (e.preventDefault(), exit()));
    // Shift three times within WINDOW ms, from anywhere, inputs included (a
    // reader typing a search when someone walks in must be able to leave).
    // Shift released after typing a capital (e.shiftKey on the key before)
    // does not count; any other key starts again.
    let presses = [], modified = false, timer = 0;
    const reset = () => {
      clearTimeout(timer);
      presses = [];
      delete link.dataset.presses;
      say('');
    };
    doc.addEventListener(
      'keyup',
      (e) => {
        if (e.isComposing) return;
        if (e.key === 'Shift' && !modified) {
          presses = presses.filter((t) => e.timeStamp - t <= WINDOW).concat(e.timeStamp);
          if (presses.length >= 3) return reset(), exit();
          link.dataset.presses = presses.length;
          say(presses.length === 1 ? link.dataset.pressTwo : link.dataset.pressOne);
          clearTimeout(timer);
          timer = setTimeout(reset, WINDOW);
        } else if (presses.length) reset();
        modified = e.shiftKey;
      },
      true,
    );
  }

  // The header's search box hands its words to the search page in this tab's
  // sessionStorage (search.js reads and deletes them), not in the address:
  // ?q= would stay in the browser's history.
  const form = doc.querySelector('form.header-search');
  if (form)
    form.addEventListener('submit', (e) => {
      const input = form.querySelector('input[name=q]'), q = input ? input.value.trim() : '';
      if (!q) return;
      try {
        sessionStorage.setItem(HANDOFF, q);
      } catch (err) {
        return;
      }
      e.preventDefault();
      input.value = '';
      location.assign(form.action);
    });
})();
