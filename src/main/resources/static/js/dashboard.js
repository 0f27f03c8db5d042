// 督办看板: the charts of the statistics the page carries in #dashboard-data (no inline script: see the CSP).
const data = JSON.parse(document.getElementById('dashboard-data').textContent);
const stats = data.stats || {};
const t = data.t;
const charts = [];

/** A chart in element {@code id}, or 暂无数据 in its place when there is nothing to draw. */
function chart(id, hasData, option) {
  const element = document.getElementById(id);
  if (!hasData) {
    element.classList.add('empty');
    element.textContent = t.empty;
    return;
  }
  const c = echarts.init(element);
  c.setOption(option);
  charts.push(c);
}

/** Bars for items and completed per category, horizontal (category on the left) so that long names stay readable. */
function itemsAndCompleted(id, rows, name) {
  const hasData = rows.some(r => r.items > 0);
  if (hasData) { // twenty chapters: a pair of bars each, without overlap
    document.getElementById(id).style.height = Math.max(240, rows.length * 34 + 70) + 'px';
  }
  const names = rows.map(name);
  chart(id, hasData, {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}}, legend: {data: [t.items, t.completed]},
    grid: {left: 8, right: 24, top: 32, bottom: 8, containLabel: true},
    xAxis: {type: 'value', minInterval: 1},
    yAxis: {type: 'category', data: names, inverse: true,
            axisLabel: {width: 160, overflow: 'truncate'}}, // the whole name is in the tooltip
    series: [{name: t.items, type: 'bar', data: rows.map(r => r.items)},
             {name: t.completed, type: 'bar', data: rows.map(r => r.completed)}]});
}

itemsAndCompleted('by-unit', stats.units || [], u => u.unitName);
itemsAndCompleted('by-chapter', stats.chapters || [], c => c.title || '—');
const colours = stats.colours || {};
chart('by-colour', (colours.RED || 0) + (colours.YELLOW || 0) + (colours.BLUE || 0) > 0, {
  tooltip: {}, series: [{type: 'pie', radius: '65%', data: [
    {name: t.red, value: colours.RED || 0, itemStyle: {color: '#b91c1c'}},
    {name: t.yellow, value: colours.YELLOW || 0, itemStyle: {color: '#b45309'}},
    {name: t.blue, value: colours.BLUE || 0, itemStyle: {color: '#1d4ed8'}}].filter(c => c.value > 0)}]}); // no label for a colour no item has
const months = stats.completedByMonth || [];
chart('trend', months.some(m => m.completed > 0), {
  tooltip: {}, grid: {left: 8, right: 16, top: 16, bottom: 8, containLabel: true},
  xAxis: {type: 'category', data: months.map(m => m.month)}, yAxis: {type: 'value', minInterval: 1},
  series: [{type: 'line', data: months.map(m => m.completed)}]});
window.addEventListener('resize', () => charts.forEach(c => c.resize()));
