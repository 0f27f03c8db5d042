// Every htmx request that is refused says why in place, on every page. A 4xx answer the page made for it (a row's
// error, the preview with its warning) swaps like any answer; the error page, a JSON {"error": …}, any other failure
// or no answer at all puts its message next to the element that sent the request, until that element sends again.
(() => {
  const REFUSAL = 'refusal';
  const meta = name => document.querySelector(`meta[name="${name}"]`)?.content ?? '';

  const errorPage = xhr => xhr.getResponseHeader('Content-Type')?.includes('text/html')
      && new DOMParser().parseFromString(xhr.responseText, 'text/html').getElementById('error-message');

  const reason = xhr => {
    const page = errorPage(xhr);
    if (page) {
      return page.textContent.trim();
    }
    try {
      const error = JSON.parse(xhr.responseText).error;
      if (error) {
        return String(error);
      }
    } catch (notJson) {
      // no reason given
    }
    return meta('duban-unanswered').replace('{0}', xhr.status);
  };

  const slot = elt => elt.tagName === 'FORM' ? elt.lastElementChild : elt;

  const clear = elt => {
    const next = slot(elt)?.nextElementSibling;
    if (next?.classList.contains(REFUSAL)) {
      next.remove();
    }
  };

  const show = (elt, message) => {
    clear(elt);
    const p = document.createElement('p');
    p.className = `warn ${REFUSAL}`;
    p.setAttribute('role', 'alert');
    p.textContent = message;
    const at = slot(elt);
    if (at) {
      at.after(p);
    } else {
      elt.append(p);
    }
  };

  // the answer is a page or its fragment, Spring's own refusals included
  document.addEventListener('htmx:configRequest', e => {
    e.detail.headers.Accept = 'text/html';
  });
  document.addEventListener('htmx:beforeRequest', e => clear(e.detail.elt));
  document.addEventListener('htmx:beforeSwap', e => {
    const xhr = e.detail.xhr;
    if (xhr.status >= 400 && xhr.status < 500 && !errorPage(xhr) && !xhr.getResponseHeader('Content-Type')?.includes('json')) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });
  document.addEventListener('htmx:responseError', e => show(e.detail.elt, reason(e.detail.xhr)));
  document.addEventListener('htmx:sendError', e => show(e.detail.elt, meta('duban-offline')));
})();
