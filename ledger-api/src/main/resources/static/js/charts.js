// Draws each metric's chart from the JSON in its canvas's data-series attribute (set by the server and decoded by
// the browser as plain text, never as markup): the monthly values and the baseline's monthly average.
document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('canvas.metric-chart').forEach(function (canvas) {
        var series = JSON.parse(canvas.dataset.series);
        var datasets = [{label: canvas.getAttribute('aria-label'), data: series.values, borderWidth: 2, tension: 0.2}];
        if (series.baseline !== null && series.baseline !== undefined) {
            datasets.push({
                label: document.documentElement.lang === 'en' ? 'Baseline' : 'Jämförelseperiod',
                data: series.months.map(function () { return series.baseline; }),
                borderDash: [6, 4], borderWidth: 1, pointRadius: 0
            });
        }
        new Chart(canvas, {
            type: 'line',
            data: {labels: series.months, datasets: datasets},
            options: {animation: false, responsive: true, plugins: {legend: {position: 'bottom'}}}
        });
        canvas.dataset.drawn = 'true';
    });
});
