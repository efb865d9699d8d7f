// Render every <div class="chart" data-spec-id="…"> with the Vega-Lite spec in the matching JSON script tag.
document.querySelectorAll(".chart[data-spec-id]").forEach(function (el) {
  var spec = JSON.parse(document.getElementById(el.dataset.specId).textContent);
  vegaEmbed(el, spec, { actions: false, renderer: "svg" }).then(function () { el.dataset.rendered = "1"; });
});
