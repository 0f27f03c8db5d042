// 规则 · 模拟预览: the simulated events the page carries in #rules-events on a timeline (no inline script: see the CSP).
const events = JSON.parse(document.getElementById('rules-events').textContent);
const actions = ['REMIND', 'ESCALATE', 'COLOUR'];
const items = [...new Set(events.map(e => e.itemNumber))];
echarts.init(document.getElementById('timeline')).setOption({
  tooltip: {formatter: p => p.data[3]}, legend: {data: actions},
  xAxis: {type: 'time'}, yAxis: {type: 'category', data: items},
  series: actions.map(a => ({name: a, type: 'scatter', symbolSize: 9,
    data: events.filter(e => e.action === a).map(e => [e.date, e.itemNumber, a,
      e.date + ' ' + e.itemNumber + ' ' + (e.unit || '') + ' ' + a + ' ' + (e.kind || e.level || '')])}))});
