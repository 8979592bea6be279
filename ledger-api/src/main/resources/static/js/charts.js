// Draws each metric's chart from the JSON in its canvas's data-series attribute (set by the server and decoded by
// the browser as plain text, never as markup). A month counted only in part (the month in progress, a month cut by
// the range) is drawn as a hollow point of its own, apart from the line, so that it never reads as a fall. A share
// arrives in percent and is drawn on a 0–100 % axis; every axis starts at zero. The words come from the page.
document.addEventListener('DOMContentLoaded', function () {
    var INK = '#0b5394';
    var BASELINE = '#6b6b6b';
    var lang = document.documentElement.lang || 'sv';
    var percent = new Intl.NumberFormat(lang, {style: 'percent', maximumFractionDigits: 1});
    var number = new Intl.NumberFormat(lang, {maximumFractionDigits: 1});
    var container = document.querySelector('.charts');
    if (!container) {
        return;
    }
    var words = {baseline: container.dataset.wordBaseline, partial: container.dataset.wordPartial};

    document.querySelectorAll('canvas.metric-chart').forEach(function (canvas) {
        var series = JSON.parse(canvas.dataset.series);
        var isRate = series.kind === 'rate';
        var format = function (value) {
            return isRate ? percent.format(value / 100) : number.format(value);
        };
        var complete = series.values.map(function (value, i) { return series.marks[i] === null ? value : null; });
        var partial = series.values.map(function (value, i) { return series.marks[i] === null ? null : value; });
        var labels = series.months.map(function (month, i) { return series.marks[i] === null ? month : [month, series.marks[i]]; });
        var datasets = [{
            label: canvas.getAttribute('aria-label'), data: complete, borderWidth: 2, tension: 0.2, spanGaps: false,
            borderColor: INK, backgroundColor: INK
        }];
        if (partial.some(function (value) { return value !== null; })) {
            // Not clipped: a month in progress at 0 or at 100 % is still seen whole.
            datasets.push({
                label: words.partial, data: partial, showLine: false, clip: false, pointStyle: 'rectRot', pointRadius: 7,
                pointHoverRadius: 8, pointBorderWidth: 2, borderColor: INK, backgroundColor: '#ffffff'
            });
        }
        if (series.baseline !== null && series.baseline !== undefined) {
            datasets.push({
                label: words.baseline, data: series.months.map(function () { return series.baseline; }),
                borderDash: [6, 4], borderWidth: 1, pointRadius: 0, borderColor: BASELINE, backgroundColor: BASELINE
            });
        }
        // Every third month is named, counted from the last, so that the month in progress always carries its words.
        var x = {ticks: {autoSkip: false, maxRotation: 0, callback: function (value, index, ticks) {
            return (ticks.length - 1 - index) % 3 === 0 ? this.getLabelForValue(value) : '';
        }}};
        var y = {beginAtZero: true, min: 0, ticks: {callback: format}};
        if (isRate) {
            y.max = 100;
        } else {
            y.ticks.precision = 0;
        }
        new Chart(canvas, {
            type: 'line',
            data: {labels: labels, datasets: datasets},
            options: {
                animation: false, responsive: true, maintainAspectRatio: false,
                scales: {x: x, y: y},
                plugins: {
                    legend: {position: 'bottom', labels: {boxWidth: 14}},
                    tooltip: {callbacks: {label: function (item) { return item.dataset.label + ': ' + format(item.parsed.y); }}}
                }
            }
        });
        canvas.dataset.drawn = 'true';
    });
});
