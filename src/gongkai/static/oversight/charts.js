// Oversight dashboard charts (ECharts, vendored). Data comes from <script type="application/json"> written by
// json_script; the same figures are in the tables above, so the page works without JavaScript.
(function () {
  "use strict";
  function draw() {
    var node = document.getElementById("oversight-chart-data");
    if (!node || typeof echarts === "undefined") return;
    var data = JSON.parse(node.textContent);
    var trendEl = document.getElementById("chart-trend");
    if (trendEl && data.trend.length) {
      var trend = echarts.init(trendEl, null, { renderer: "svg" });
      trend.setOption({
        aria: { enabled: true },
        tooltip: { trigger: "axis" },
        legend: { top: 0 },
        grid: { left: 40, right: 40, bottom: 40, top: 40, containLabel: true },
        xAxis: { type: "category", data: data.trend.map(function (q) { return q.label; }) },
        yAxis: [{ type: "value", name: "条", minInterval: 1 }, { type: "value", name: "%", max: 100 }],
        series: [
          { name: "按时公开", type: "bar", stack: "t", data: data.trend.map(function (q) { return q.on_time; }) },
          { name: "逾期后公开", type: "bar", stack: "t", data: data.trend.map(function (q) { return q.late; }) },
          { name: "逾期未公开", type: "bar", stack: "t", data: data.trend.map(function (q) { return q.overdue; }) },
          { name: "按时公开率", type: "line", yAxisIndex: 1, data: data.trend.map(function (q) { return q.rate; }) }
        ]
      });
      window.addEventListener("resize", function () { trend.resize(); });
    }
    var rankEl = document.getElementById("chart-ranking");
    if (rankEl && data.ranking.length) {
      var rows = data.ranking.slice().reverse();
      rankEl.style.height = Math.max(200, rows.length * 32 + 60) + "px";
      var rank = echarts.init(rankEl, null, { renderer: "svg" });
      rank.setOption({
        aria: { enabled: true },
        tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
        grid: { left: 10, right: 30, bottom: 20, top: 20, containLabel: true },
        xAxis: { type: "value", max: 100, name: "%" },
        yAxis: { type: "category", data: rows.map(function (r) { return r.name; }),
                 axisLabel: { width: 120, overflow: "truncate" } },
        series: [{ name: "按时公开率", type: "bar", data: rows.map(function (r) { return r.rate; }) }]
      });
      window.addEventListener("resize", function () { rank.resize(); });
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
