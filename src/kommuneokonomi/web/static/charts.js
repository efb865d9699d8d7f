// PNG download of a server-rendered SVG chart (web/charts.py): the SVG is drawn onto a canvas at twice its
// size and saved. The SVG and data links work without scripts; the PNG button is shown only when this runs.
(function () {
  "use strict";
  document.querySelectorAll("button.png[data-svg]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var svg = document.getElementById(button.dataset.svg);
      var width = svg.viewBox.baseVal.width, height = svg.viewBox.baseVal.height, scale = 2;
      var source = new XMLSerializer().serializeToString(svg);
      var url = URL.createObjectURL(new Blob([source], { type: "image/svg+xml;charset=utf-8" }));
      var image = new Image();
      image.onload = function () {
        var canvas = document.createElement("canvas");
        canvas.width = width * scale;
        canvas.height = height * scale;
        var context = canvas.getContext("2d");
        context.fillStyle = "white";
        context.fillRect(0, 0, canvas.width, canvas.height);
        context.drawImage(image, 0, 0, canvas.width, canvas.height);
        URL.revokeObjectURL(url);
        canvas.toBlob(function (blob) {
          var link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = button.dataset.filnavn;
          document.body.appendChild(link);
          link.click();
          link.remove();
        }, "image/png");
      };
      image.src = url;
    });
  });
})();
