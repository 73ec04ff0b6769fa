// The report's script, inlined into index.html by ReportPage: sortable tables, the tokenizer and language
// filter (state in the URL hash), and the retrieval selectors. Nothing is fetched.
(function () {
  // sortable tables: data-v holds the sort value, numeric when it parses as a number; empty sorts last
  document.querySelectorAll('table.sortable').forEach(function (table) {
    table.querySelectorAll('th').forEach(function (th, col) {
      th.addEventListener('click', function () {
        var asc = !th.classList.contains('asc');
        table.querySelectorAll('th').forEach(function (h) { h.classList.remove('asc', 'desc'); });
        th.classList.add(asc ? 'asc' : 'desc');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[col].getAttribute('data-v'), y = b.cells[col].getAttribute('data-v');
          if (x === '' || y === '') { return (x === '') - (y === ''); }
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny)) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });

  // the filter: every element with data-tk / data-lang outside the bar obeys it
  var bar = document.getElementById('filter');
  if (bar) {
    var names = JSON.parse(document.getElementById('lang-names').textContent || '{}');
    var boxes = Array.prototype.slice.call(bar.querySelectorAll('input[type=checkbox]'));
    var text = document.getElementById('lang-filter');
    var keyed = Array.prototype.slice.call(document.querySelectorAll('[data-tk],[data-lang]'))
        .filter(function (el) { return !bar.contains(el); });
    var terms = function () {
      return text ? text.value.toLowerCase().split(/[\s,]+/).filter(Boolean) : [];
    };
    var langShown = function (code, t) {
      if (!t.length) { return true; }
      var c = code.toLowerCase(), n = (names[code] || '').toLowerCase();
      return t.some(function (x) { return c.indexOf(x) >= 0 || n.indexOf(x) >= 0; });
    };
    var apply = function () {
      var hidden = {}, off = [];
      boxes.forEach(function (b) { if (!b.checked) { hidden[b.value] = true; off.push(b.value); } });
      var t = terms();
      keyed.forEach(function (el) {
        var tk = el.getAttribute('data-tk'), lang = el.getAttribute('data-lang');
        el.classList.toggle('filtered', !!((tk && hidden[tk]) || (lang && !langShown(lang, t))));
      });
      bar.querySelector('.filter-state').textContent = (off.length ? (boxes.length - off.length) + ' of '
          + boxes.length + ' tokenizers' : 'all tokenizers') + ', ' + (t.length ? 'languages matching "'
          + t.join(', ') + '"' : 'all languages');
      var hash = (off.length ? 'hide=' + off.map(encodeURIComponent).join(',') : '')
          + (t.length ? (off.length ? '&' : '') + 'lang=' + t.map(encodeURIComponent).join(',') : '');
      if (hash || /(^|&)(hide|lang)=/.test(location.hash.slice(1))) {
        history.replaceState(null, '', hash ? '#' + hash : location.pathname + location.search);
      }
    };
    location.hash.slice(1).split('&').forEach(function (kv) {
      var p = kv.split('='), vals = (p[1] || '').split(',').filter(Boolean).map(decodeURIComponent);
      if (p[0] === 'hide') { boxes.forEach(function (b) { if (vals.indexOf(b.value) >= 0) { b.checked = false; } }); }
      if (p[0] === 'lang' && text) { text.value = vals.join(', '); }
    });
    boxes.forEach(function (b) { b.addEventListener('change', apply); });
    bar.querySelectorAll('button[data-set]').forEach(function (btn) {
      btn.addEventListener('click', function () {
        boxes.forEach(function (b) { b.checked = btn.getAttribute('data-set') === 'all'; });
        apply();
      });
    });
    if (text) { text.addEventListener('input', apply); }
    apply();
  }

  // retrieval: show the combination the selectors name
  document.querySelectorAll('.rcontrols').forEach(function (box) {
    var selects = Array.prototype.slice.call(box.querySelectorAll('select'));
    var combos = box.parentNode.querySelectorAll('.rcombo');
    var show = function () {
      var any = false;
      combos.forEach(function (c) {
        var ok = selects.every(function (s) { return c.getAttribute('data-' + s.name) === s.value; });
        c.hidden = !ok;
        any = any || ok;
      });
      box.querySelector('.rnone').hidden = any;
    };
    selects.forEach(function (s) { s.addEventListener('change', show); });
    if (selects.length) { show(); }
  });
})();
