// 任务详情 · 办理流程: the item's process drawn by the bpmn-js viewer from the BPMN the page carries in #item-process
// (no inline script: see the CSP), the activities open now marked. The drawing fits the card's width, shrunk to no
// less than 60 %; a wider one scrolls inside its card.
const item = JSON.parse(document.getElementById('item-process').textContent);
const box = document.getElementById('process-diagram');
const sheet = box.firstElementChild;
const viewer = new BpmnJS({container: sheet});
viewer.importXML(item.xml).then(() => {
  const canvas = viewer.get('canvas');
  item.active.forEach(id => canvas.addMarker(id, 'active-step'));
  const drawn = canvas.viewbox().inner, margin = 12;
  const width = drawn.width + 2 * margin, height = drawn.height + 2 * margin;
  const scale = Math.max(0.6, Math.min(1, box.clientWidth / width));
  sheet.style.width = Math.ceil(width * scale) + 'px';
  sheet.style.height = Math.ceil(height * scale) + 'px';
  canvas.resized();
  canvas.viewbox({x: drawn.x - margin, y: drawn.y - margin, width, height});
});
