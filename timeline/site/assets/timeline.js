/* Tooltips for the marked dates and the other titled marks in a page's content.

   The text of a tip is the element's title attribute, which holds article text (titles,
   outlets, sentences). It is only ever written with textContent, never parsed as markup,
   so nothing an article says can become an element. (Material's content.tooltips feature
   turns the title into markup; the timeline plugin turns that feature off.)

   A tip shows on hover, on keyboard focus and on a tap; Escape, moving away or tapping
   elsewhere hides it. While it shows, the title moves into data-tl-tip (so the browser's
   own tooltip does not cover it) and the element is described by the tip; without this
   script the browser shows the title itself. */
(function () {
  "use strict";

  var HOSTS = ".md-content [title], [data-tl-tip]";
  var tip = null;
  var host = null;

  function tipElement() {
    if (!tip || !tip.isConnected) {
      tip = document.createElement("div");
      tip.id = "tl-tip";
      tip.className = "tl-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      document.body.appendChild(tip);
    }
    return tip;
  }

  function hostOf(node) {
    var element = node instanceof Element ? node : node && node.parentElement;
    return element ? element.closest(HOSTS) : null;
  }

  function inside(element, node) {
    return !!(element && node && element.contains(node));
  }

  function show(element) {
    if (element === host) return;
    hide();
    var words = element.getAttribute("title");
    if (!words) return;
    host = element;
    host.setAttribute("data-tl-tip", words);
    host.removeAttribute("title");
    var box = tipElement();
    box.textContent = words;
    box.hidden = false;
    host.setAttribute("aria-describedby", box.id);
    place(host, box);
  }

  function hide() {
    if (!host) return;
    host.setAttribute("title", host.getAttribute("data-tl-tip") || "");
    host.removeAttribute("data-tl-tip");
    host.removeAttribute("aria-describedby");
    host = null;
    if (tip) tip.hidden = true;
  }

  /* Below the element (above when there is no room below), inside the viewport. */
  function place(element, box) {
    var gap = 8;
    var around = element.getBoundingClientRect();
    var viewport = document.documentElement.clientWidth;
    box.style.left = "0px";
    box.style.top = "0px";
    var size = box.getBoundingClientRect();
    var left = around.left + around.width / 2 - size.width / 2;
    left = Math.max(gap, Math.min(left, viewport - size.width - gap));
    var top = around.bottom + gap;
    if (top + size.height > window.innerHeight && around.top - size.height - gap > 0) {
      top = around.top - size.height - gap;
    }
    box.style.left = left + window.scrollX + "px";
    box.style.top = top + window.scrollY + "px";
  }

  document.addEventListener("mouseover", function (event) {
    var element = hostOf(event.target);
    if (element) show(element);
  });

  document.addEventListener("mouseout", function (event) {
    if (!host) return;
    var leaving = hostOf(event.target) === host || inside(tip, event.target);
    var to = event.relatedTarget;
    if (leaving && !inside(host, to) && !inside(tip, to) && document.activeElement !== host) {
      hide();
    }
  });

  document.addEventListener("focusin", function (event) {
    var element = hostOf(event.target);
    if (element) show(element);
    else hide();
  });

  document.addEventListener("focusout", function (event) {
    if (host && event.target === host && !inside(host, event.relatedTarget)) hide();
  });

  /* A tap: on a mark shows its tip, anywhere else hides it. */
  document.addEventListener("click", function (event) {
    var element = hostOf(event.target);
    if (element) show(element);
    else if (!inside(tip, event.target)) hide();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  window.addEventListener("resize", hide);
})();
