// 规则 · 模拟预览: the simulated events the page carries in #rules-events on a timeline (no inline script: see the CSP),
// in the words of #rules-words: actions, reminders' kinds, colours, levels, extension requests and units by their
// names, never their codes.
const events = JSON.parse(document.getElementById('rules-events').textContent);
const words = JSON.parse(document.getElementById('rules-words').textContent);
const kinds = Object.fromEntries(words.kinds.map((k, i) => [k, words.kindWords[i]]));
const detail = e => e.action === 'ESCALATE' ? words.level.replace('#', e.level)
  : e.action === 'COLOUR' ? (words.colours[e.kind] || e.kind)
  : e.action === 'EXTEND' ? (words.extend[e.kind] || e.kind).replace('#', e.due) + (e.reason ? ': ' + e.reason : '')
  : (kinds[e.kind] || e.kind || '');
const actions = Object.keys(words.actions);
const items = [...new Set(events.map(e => e.itemNumber))];
const timeline = echarts.init(document.getElementById('timeline'));
timeline.setOption({
  tooltip: {formatter: p => p.data[3]}, legend: {data: actions.map(a => words.actions[a])},
  xAxis: {type: 'time', axisLabel: {hideOverlap: true}}, yAxis: {type: 'category', data: items},
  series: actions.map(a => ({name: words.actions[a], type: 'scatter', symbolSize: 9,
    data: events.filter(e => e.action === a).map(e => [e.date, e.itemNumber, a,
      e.date + ' ' + e.itemNumber + ' ' + (words.units[e.unit] || e.unit || '') + ' ' + words.actions[a] + ' ' + detail(e)])}))});
window.addEventListener('resize', () => timeline.resize());
