// 汇总分析 charts: the data comes from a json_script block, every text (unit names included) is
// drawn on the canvas as plain text: tooltips in ECharts' richText mode with formatters that
// return text, never HTML.
"use strict";

(function () {
  var GRADE_COLOURS = {"优": "#067647", "良": "#1f5fa8", "中": "#b54708", "差": "#b42318", "未评分": "#9aa5b1"};
  var charts = [];

  function readData(id) {
    var element = document.getElementById(id);
    return element ? JSON.parse(element.textContent) : null;
  }

  function num(text) {
    return text === null || text === undefined ? null : Number(text);
  }

  function shown(value) {
    return value === null ? "—" : (Math.round(value * 100) / 100).toString();
  }

  function short(name) {
    return name.length > 12 ? name.slice(0, 11) + "…" : name;
  }

  function plainTooltip(formatter, trigger) {
    return {trigger: trigger || "item", renderMode: "richText", formatter: formatter};
  }

  function draw(id, option) {
    var element = document.getElementById(id);
    if (!element || typeof echarts === "undefined") { return; }
    var chart = echarts.init(element, null, {renderer: "canvas"});
    option.animation = false;  // a reviewer reads figures; motion only delays them
    chart.setOption(option);
    charts.push(chart);
  }

  function countBars(id, items, colour) {
    draw(id, {
      grid: {left: 40, right: 16, top: 16, bottom: 28},
      tooltip: plainTooltip(function (p) { return p.name + "：" + p.value + " 份"; }),
      xAxis: {type: "category", data: items.map(function (i) { return i.name; })},
      yAxis: {type: "value", minInterval: 1},
      series: [{type: "bar", data: items.map(function (i) {
        return {value: i.count, itemStyle: {color: colour(i.name)}};
      }), label: {show: true, position: "top"}}]
    });
  }

  function threePublic(items) {
    var ordered = items.slice().reverse();
    draw("chart-three-public", {
      grid: {left: 150, right: 40, top: 10, bottom: 28},
      tooltip: plainTooltip(function (p) {
        var item = ordered[p.dataIndex];
        return item.unit + "\n本年 " + shown(num(item.current)) + " 万元，上年 " + shown(num(item.prior)) +
          " 万元\n变动 " + shown(num(item.change)) + "%";
      }),
      xAxis: {type: "value", axisLabel: {formatter: function (v) { return v + "%"; }}},
      yAxis: {type: "category", data: ordered.map(function (i) { return i.unit; }),
              axisLabel: {formatter: function (name) { return short(name); }}},
      series: [{type: "bar", data: ordered.map(function (i) {
        var change = num(i.change);
        return {value: change, itemStyle: {color: change > 0 ? "#b42318" : "#067647"}};
      })}]
    });
  }

  function scatter(points) {
    var rates = points.map(function (p) { return num(p.rate); });
    var scores = points.map(function (p) { return num(p.score); });
    var low = Math.min(80, Math.floor(Math.min.apply(null, rates.concat([100])) / 10) * 10);
    var high = Math.max(100, Math.ceil(Math.max.apply(null, rates.concat([100])) / 10) * 10);
    var bottom = Math.max(0, Math.min(low, Math.floor(Math.min.apply(null, scores.concat([100])) / 10) * 10));
    draw("chart-scatter", {
      grid: {left: 44, right: 20, top: 24, bottom: 40},
      legend: {top: 0, data: ["单位（颜色为等次）", "执行率 + 5 分"]},
      tooltip: plainTooltip(function (p) {
        if (p.seriesIndex !== 0) { return "得分高于此线：一体化红色预警"; }
        var point = points[p.dataIndex];
        return point.unit + "\n执行率 " + shown(num(point.rate)) + "%，得分 " + shown(num(point.score)) +
          (point.grade ? "（" + point.grade + "）" : "");
      }),
      xAxis: {type: "value", name: "执行率 %", nameLocation: "middle", nameGap: 24, min: low, max: high},
      yAxis: {type: "value", name: "得分", min: bottom, max: 100},
      series: [
        {name: "单位（颜色为等次）", type: "scatter", symbolSize: 9, itemStyle: {color: "#1f5fa8"},
         data: points.map(function (p, i) {
           return {value: [rates[i], scores[i]], itemStyle: {color: GRADE_COLOURS[p.grade] || "#9aa5b1"}};
         })},
        {name: "执行率 + 5 分", type: "line", symbol: "none", lineStyle: {type: "dashed", color: "#b42318"},
         itemStyle: {color: "#b42318"}, data: [[low, low + 5], [95, 100], [high, 100]]}
      ]
    });
  }

  function trend(rows) {
    draw("chart-trend", {
      grid: {left: 44, right: 44, top: 30, bottom: 28},
      legend: {top: 0, data: ["规则得分", "执行率 %"]},
      tooltip: plainTooltip(function (params) {
        return params.map(function (p) { return p.seriesName + "：" + shown(p.value); }).join("\n");
      }, "axis"),
      xAxis: {type: "category", data: rows.map(function (r) { return String(r.year); })},
      yAxis: {type: "value", min: 0},
      series: [
        {name: "规则得分", type: "line", data: rows.map(function (r) { return num(r.score); })},
        {name: "执行率 %", type: "line", data: rows.map(function (r) { return num(r.rate); })}
      ]
    });
  }

  function start() {
    var data = readData("dashboard-data");
    if (data) {
      countBars("chart-grades", data.grades, function (name) { return GRADE_COLOURS[name]; });
      countBars("chart-rates", data.rates, function (name) {
        return name === "<60%" || name === "60–70%" || name === "70–80%" ? "#b42318" : "#1f5fa8";
      });
      threePublic(data.threePublic);
      scatter(data.scatter);
    }
    var rows = readData("trend-data");
    if (rows) { trend(rows); }
    window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
