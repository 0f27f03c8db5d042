// 导入预览: a refused correction (400, 409) is shown in place like any answer, and 拆分 splits the item's text at
// the caret (no inline script: see the CSP).
document.body.addEventListener('htmx:beforeSwap', e => {
  if (e.detail.xhr.status === 400 || e.detail.xhr.status === 409) {
    e.detail.shouldSwap = true;
    e.detail.isError = false;
  }
});
document.body.addEventListener('htmx:configRequest', e => {
  if (e.detail.elt.classList.contains('split')) {
    e.detail.parameters.at = e.detail.elt.closest('tr').querySelector('textarea[name=text]').selectionStart;
  }
});
