(function () {
  "use strict";
  // Whether the characters of `sample` are drawn as missing-glyph boxes in `font`: each is
  // drawn alone on a canvas and the pixels compared. Two different characters that a font
  // has never give the same pixels; without a font for them the browser draws the same
  // box (or nothing) for each. Used to show #font-notice, and by the browser test.
  function glyphsMissing(sample, font) {
    var canvas = document.createElement("canvas");
    canvas.width = 48;
    canvas.height = 48;
    var context = canvas.getContext("2d");
    if (!context) { return false; }
    function pixels(ch) {
      context.clearRect(0, 0, canvas.width, canvas.height);
      context.font = font;
      context.textBaseline = "top";
      context.fillStyle = "#000";
      context.fillText(ch, 4, 4);
      return Array.prototype.join.call(context.getImageData(0, 0, canvas.width,
                                                            canvas.height).data, "");
    }
    var chars = Array.from(sample);
    var first = pixels(chars[0]);
    for (var k = 1; k < chars.length; k++) {
      if (pixels(chars[k]) !== first) { return false; }
    }
    return true;
  }
  window.finreportGlyphsMissing = glyphsMissing;
  var style = window.getComputedStyle(document.body);
  var notice = document.getElementById("font-notice");
  if (notice && glyphsMissing("财政预算决算", "32px " + style.fontFamily)) {
    notice.hidden = false;
  }
})();
