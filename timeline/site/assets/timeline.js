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

/* Filters for the timeline pages: by outlet, person or place, status, and key moments
   only. The page marks where they go (div[data-tl-filter]); each entry carries what it
   is matched on (data-status, data-outlets and data-actors as JSON lists of names,
   data-key-moment). Names are article text: they are only ever read with getAttribute
   and JSON.parse and written with textContent or as a control's value. Without this
   script every entry shows and no control does nothing. The filters live in the
   address (?outlet=...&actor=...&status=...&key=1), so a filtered view can be shared
   and the links between parts of a long timeline keep it. */
(function () {
  "use strict";

  var STATUS_WORDS = {
    reported: "Reported", scheduled: "Scheduled", ongoing: "Ongoing", context: "Context"
  };
  var PARAMS = ["outlet", "actor", "status", "key"];
  var TYPING_PAUSE = 250; /* ms: the count is announced once typing pauses */

  function names(element, attribute) {
    var list;
    try {
      list = JSON.parse(element.getAttribute(attribute) || "[]");
    } catch (error) {
      return [];
    }
    return Array.isArray(list) ? list.filter(function (n) { return typeof n === "string"; }) : [];
  }

  function byName(a, b) {
    return a.localeCompare(b, undefined, { sensitivity: "base" }) || (a < b ? -1 : a > b ? 1 : 0);
  }

  function make(tag, properties) {
    var element = document.createElement(tag);
    Object.keys(properties || {}).forEach(function (key) { element[key] = properties[key]; });
    return element;
  }

  function option(value, text) {
    return make("option", { value: value, textContent: text });
  }

  function field(form, id, label, control) {
    var wrap = make("div", { className: "tl-filter-field" });
    control.id = id;
    wrap.appendChild(make("label", { htmlFor: id, textContent: label }));
    wrap.appendChild(control);
    form.appendChild(wrap);
    return control;
  }

  function select(values, all, label) {
    var control = make("select");
    control.appendChild(option("", all));
    values.forEach(function (value) { control.appendChild(option(value, label(value))); });
    return control;
  }

  function records(entries) {
    return entries.map(function (li) {
      var actors = names(li, "data-actors");
      return {
        element: li,
        status: li.getAttribute("data-status") || "",
        outlets: names(li, "data-outlets"),
        actors: actors,
        folded: actors.map(function (a) { return a.toLocaleLowerCase(); }),
        key: li.hasAttribute("data-key-moment")
      };
    });
  }

  function collect(items, pick) {
    var seen = {};
    items.forEach(function (item) {
      [].concat(pick(item)).forEach(function (value) { if (value) seen[value] = true; });
    });
    return Object.keys(seen).sort(byName);
  }

  function matches(item, state) {
    var actor = state.actor.trim().toLocaleLowerCase();
    return (!state.outlet || item.outlets.indexOf(state.outlet) >= 0) &&
      (!state.status || item.status === state.status) &&
      (!state.key || item.key) &&
      (!actor || item.folded.some(function (name) { return name.indexOf(actor) >= 0; }));
  }

  /* Date headings and lists left with no entry showing are hidden with them: walking
     back from the end, a heading shows when an entry shows before the next heading of
     its level or above. */
  function tidy(slot) {
    var nodes = [];
    for (var node = slot.nextElementSibling; node; node = node.nextElementSibling) {
      nodes.push(node);
    }
    var shown = [false, false, false, false, false, false, false];
    nodes.reverse().forEach(function (node) {
      var level = /^H([2-6])$/.exec(node.tagName);
      if (level) {
        var depth = Number(level[1]);
        node.hidden = !shown[depth];
        contents(node);
        for (var d = depth; d < shown.length; d++) shown[d] = false;
        return;
      }
      if (!node.matches("ol.tl-entries, ol.tl-newest")) return;
      var visible = node.querySelector(":scope > li:not([hidden])") !== null;
      node.hidden = !visible;
      if (visible) for (var i = 0; i < shown.length; i++) shown[i] = true;
    });
  }

  /* The table of contents follows: a heading hidden, its entry there hidden too. */
  function contents(heading) {
    if (!heading.id) return;
    var selector = '.md-sidebar--secondary a[href="#' + CSS.escape(heading.id) + '"]';
    document.querySelectorAll(selector).forEach(function (link) {
      var item = link.closest("li");
      if (item) item.hidden = heading.hidden;
    });
  }

  function stateFrom(search) {
    var params = new URLSearchParams(search);
    return {
      outlet: params.get("outlet") || "",
      actor: params.get("actor") || "",
      status: params.get("status") || "",
      key: params.get("key") === "1"
    };
  }

  function withState(href, state) {
    var url = new URL(href, window.location.href);
    PARAMS.forEach(function (name) { url.searchParams.delete(name); });
    if (state.outlet) url.searchParams.set("outlet", state.outlet);
    if (state.actor.trim()) url.searchParams.set("actor", state.actor.trim());
    if (state.status) url.searchParams.set("status", state.status);
    if (state.key) url.searchParams.set("key", "1");
    return url;
  }

  function countText(shown, total) {
    var noun = total === 1 ? "entry" : "entries";
    if (shown === total) return "Showing all " + total + " " + noun + ".";
    if (shown === 0) return "No entry on this page matches these filters.";
    return "Showing " + shown + " of " + total + " " + noun + ".";
  }

  function start() {
    var slot = document.querySelector("[data-tl-filter]");
    if (!slot || slot.firstChild) return;
    var entries = Array.prototype.slice.call(document.querySelectorAll("li[data-status]"));
    if (!entries.length) return;
    var items = records(entries);

    var form = make("form", { className: "tl-filter-form" });
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter the entries");
    var box = make("fieldset");
    box.appendChild(make("legend", { textContent: "Filter the entries on this page" }));
    form.appendChild(box);

    /* no outlet named on the page: no control that offers nothing */
    var outlets = collect(items, function (i) { return i.outlets; });
    var outlet = outlets.length
      ? field(box, "tl-filter-outlet", "Outlet", select(outlets, "All outlets", String))
      : make("select");
    var actor = field(box, "tl-filter-actor", "Person or place",
      make("input", { type: "search", autocomplete: "off", placeholder: "Any" }));
    var list = make("datalist", { id: "tl-filter-actors" });
    collect(items, function (i) { return i.actors; }).forEach(function (name) {
      list.appendChild(option(name, name));
    });
    actor.setAttribute("list", list.id);
    box.appendChild(list);
    var status = field(box, "tl-filter-status", "Status",
      select(collect(items, function (i) { return i.status; }), "Any status",
        function (s) { return STATUS_WORDS[s] || s; }));
    var keyWrap = make("div", { className: "tl-filter-field tl-filter-check" });
    var key = make("input", { type: "checkbox", id: "tl-filter-key" });
    keyWrap.appendChild(key);
    keyWrap.appendChild(make("label", { htmlFor: key.id, textContent: "Key moments only" }));
    box.appendChild(keyWrap);
    var reset = make("button", { type: "button", id: "tl-filter-reset",
      className: "md-button tl-filter-reset", textContent: "Show all" });
    box.appendChild(reset);
    var count = make("p", { className: "tl-filter-count" });
    count.setAttribute("role", "status");
    count.setAttribute("aria-live", "polite");
    form.appendChild(count);
    slot.appendChild(form);

    function read() {
      return { outlet: outlet.value, actor: actor.value, status: status.value,
        key: key.checked };
    }

    function write(state) {
      outlet.value = state.outlet;
      if (outlet.value !== state.outlet) outlet.value = "";
      actor.value = state.actor;
      status.value = state.status;
      if (status.value !== state.status) status.value = "";
      key.checked = state.key;
    }

    function apply() {
      var state = read();
      var shown = 0;
      items.forEach(function (item) {
        var show = matches(item, state);
        item.element.hidden = !show;
        if (show) shown++;
      });
      tidy(slot);
      count.textContent = countText(shown, items.length);
      var here = withState(window.location.href, state);
      if (here.href !== window.location.href) {
        window.history.replaceState(window.history.state, "", here.href);
      }
      document.querySelectorAll("a[data-tl-keep-filter]").forEach(function (link) {
        if (!link.hasAttribute("data-tl-href")) {
          link.setAttribute("data-tl-href", link.getAttribute("href"));
        }
        link.href = withState(link.getAttribute("data-tl-href"), state).href;
      });
    }

    var typing = null;
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
    form.addEventListener("change", apply);
    actor.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(apply, TYPING_PAUSE);
    });
    reset.addEventListener("click", function () {
      write({ outlet: "", actor: "", status: "", key: false });
      apply();
    });

    write(stateFrom(window.location.search));
    apply();
  }

  /* Material's instant loading swaps pages without reloading scripts: it announces each
     page on document$; without it, the page is ready once parsed. */
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
