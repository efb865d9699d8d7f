// Render every <div class="chart" data-spec-id="…"> with the Vega-Lite spec in the matching JSON script tag,
// with Danish number formats (1.234,5).
var DANISH = { decimal: ",", thousands: ".", grouping: [3], currency: ["", " kr."] };
document.querySelectorAll(".chart[data-spec-id]").forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.dataset.specId).textContent);
  vegaEmbed(el, spec, { actions: false, renderer: "svg", formatLocale: DANISH })
    .then(function () { el.dataset.rendered = "1"; });
});
