// 导入预览: 拆分 splits the item's text at the caret (no inline script: see the CSP); a refused correction shows in
// place through js/duban.js.
document.body.addEventListener('htmx:configRequest', e => {
  if (e.detail.elt.classList.contains('split')) {
    e.detail.parameters.at = e.detail.elt.closest('tr').querySelector('textarea[name=text]').selectionStart;
  }
});
