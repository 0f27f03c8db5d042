// 督办看板: the charts of the statistics the page carries in #dashboard-data (no inline script: see the CSP).
const data = JSON.parse(document.getElementById('dashboard-data').textContent);
const stats = data.stats || {};
const t = data.t;
const units = stats.units || [];
echarts.init(document.getElementById('by-unit')).setOption({
  tooltip: {}, legend: {data: [t.items, t.completed]},
  xAxis: {type: 'category', data: units.map(u => u.unitName), axisLabel: {rotate: 30}}, yAxis: {type: 'value', minInterval: 1},
  series: [{name: t.items, type: 'bar', data: units.map(u => u.items)},
           {name: t.completed, type: 'bar', data: units.map(u => u.completed)}]});
const chapters = stats.chapters || [];
echarts.init(document.getElementById('by-chapter')).setOption({
  tooltip: {}, legend: {data: [t.items, t.completed]},
  xAxis: {type: 'category', data: chapters.map(c => c.title || '—')}, yAxis: {type: 'value', minInterval: 1},
  series: [{name: t.items, type: 'bar', data: chapters.map(c => c.items)},
           {name: t.completed, type: 'bar', data: chapters.map(c => c.completed)}]});
const colours = stats.colours || {};
echarts.init(document.getElementById('by-colour')).setOption({
  tooltip: {}, series: [{type: 'pie', radius: '65%', data: [
    {name: t.red, value: colours.RED, itemStyle: {color: '#b91c1c'}},
    {name: t.yellow, value: colours.YELLOW, itemStyle: {color: '#b45309'}},
    {name: t.blue, value: colours.BLUE, itemStyle: {color: '#1d4ed8'}}]}]});
const months = stats.completedByMonth || [];
echarts.init(document.getElementById('trend')).setOption({
  tooltip: {}, xAxis: {type: 'category', data: months.map(m => m.month)}, yAxis: {type: 'value', minInterval: 1},
  series: [{type: 'line', data: months.map(m => m.completed)}]});
