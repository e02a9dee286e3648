/**
 * The report's one script (allowed by its hash in the Content-Security-Policy). It only reads the
 * page and the JSON data element and writes with textContent and cloned nodes: nothing from a
 * document is ever parsed as HTML or run. Without it the page still shows everything, the jump
 * links work and the findings are listed under each letter.
 */
export const SCRIPT = `
(function () {
  'use strict';
  var dataElement = document.getElementById('kp-data');
  if (!dataElement) return;
  var data = JSON.parse(dataElement.textContent);
  var pop = document.getElementById('kp-pop');
  var popTitle = document.getElementById('kp-pop-title');
  var popBody = pop.querySelector('.pop-body');
  var closeButton = pop.querySelector('.pop-close');
  var opener = null;

  function stringsFor(element) {
    var article = element.closest('[data-ui]');
    return data.strings[article ? article.getAttribute('data-ui') : 'nb'] || data.strings.nb;
  }

  function line(parent, label, text) {
    if (!text) return;
    var p = document.createElement('p');
    var b = document.createElement('span');
    b.className = 'label';
    b.textContent = label + ': ';
    p.appendChild(b);
    p.appendChild(document.createTextNode(text));
    parent.appendChild(p);
  }

  function place(mark) {
    var rect = mark.getBoundingClientRect();
    var width = pop.offsetWidth;
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    pop.style.left = left + 'px';
    pop.style.top = (rect.bottom + window.scrollY + 8) + 'px';
  }

  function open(mark) {
    if (opener) close(false);
    var article = mark.closest('article');
    var ids = (mark.getAttribute('data-f') || '').split(' ');
    var s = stringsFor(mark);
    popBody.textContent = '';
    popTitle.textContent = ids.length > 1 ? s.findings.replace('{n}', String(ids.length)) : s.finding;
    closeButton.setAttribute('aria-label', s.close);
    closeButton.title = s.close;
    ids.forEach(function (n) {
      var note = document.getElementById(article.id + '-n' + n);
      if (!note) return;
      var item = document.createElement('section');
      item.className = 'pop-item';
      var main = note.querySelector('.note-main');
      if (main) item.appendChild(main.cloneNode(true));
      var rule = data.rules[note.getAttribute('data-rule')];
      if (rule) {
        line(item, s.why, rule.note);
        line(item, s.source, rule.source);
      }
      popBody.appendChild(item);
    });
    pop.hidden = false;
    place(mark);
    opener = mark;
    mark.setAttribute('aria-expanded', 'true');
    pop.focus();
  }

  function close(restore) {
    if (!opener) return;
    pop.hidden = true;
    opener.setAttribute('aria-expanded', 'false');
    if (restore) opener.focus();
    opener = null;
  }

  function marks() {
    return Array.prototype.slice.call(document.querySelectorAll('mark[tabindex]'));
  }

  function step(direction) {
    var all = marks();
    if (all.length === 0) return;
    var current = opener || document.activeElement;
    var index = all.indexOf(current);
    var next;
    if (index === -1) {
      next = direction > 0 ? all[0] : all[all.length - 1];
    } else {
      next = all[(index + direction + all.length) % all.length];
    }
    close(false);
    next.focus();
    next.scrollIntoView({ block: 'center' });
  }

  function flash(element) {
    element.classList.add('flash');
    setTimeout(function () { element.classList.remove('flash'); }, 1600);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var mark = target.closest('mark[data-f]');
    if (mark) {
      event.preventDefault();
      if (opener === mark) close(true); else open(mark);
      return;
    }
    if (target.closest('.pop-close')) { close(true); return; }
    var link = target.closest('a[href^="#"]');
    if (link) {
      var anchor = document.getElementById(link.getAttribute('href').slice(1));
      if (!anchor) return;
      // An anchor is empty: show the piece of text after it (several findings may start there).
      var shown = anchor;
      while (shown.classList.contains('a') && shown.nextElementSibling) shown = shown.nextElementSibling;
      event.preventDefault();
      close(false);
      if (shown.tabIndex < 0 && !shown.hasAttribute('tabindex')) shown.setAttribute('tabindex', '-1');
      shown.focus({ preventScroll: true });
      shown.scrollIntoView({ block: 'center' });
      flash(shown);
      return;
    }
    if (opener && !target.closest('#kp-pop')) close(false);
  });

  document.addEventListener('keydown', function (event) {
    var target = event.target;
    if (event.key === 'Escape' && opener) { event.preventDefault(); close(true); return; }
    if (target instanceof Element && target.matches('mark[data-f]') && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      open(target);
      return;
    }
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (target instanceof Element && target.closest('input, textarea, select')) return;
    if (event.key === 'n') { event.preventDefault(); step(1); }
    else if (event.key === 'p') { event.preventDefault(); step(-1); }
  });

  // The highlights where a finding starts are buttons that open a dialog, described by their notes.
  Array.prototype.forEach.call(document.querySelectorAll('mark[tabindex]'), function (mark) {
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-haspopup', 'dialog');
    mark.setAttribute('aria-expanded', 'false');
  });
  document.addEventListener('focusin', function (event) {
    var mark = event.target;
    if (!(mark instanceof Element) || !mark.matches('mark[data-f]') || mark.hasAttribute('aria-describedby')) return;
    var article = mark.closest('article');
    mark.setAttribute('aria-describedby', mark.getAttribute('data-f').split(' ').map(function (n) { return article.id + '-n' + n; }).join(' '));
  });

  window.addEventListener('resize', function () { if (opener) place(opener); });

  Array.prototype.forEach.call(document.querySelectorAll('table.index'), function (table) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        var numeric = th.classList.contains('num');
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column].getAttribute('data-v');
          var y = b.cells[column].getAttribute('data-v');
          if (x === null) x = a.cells[column].textContent;
          if (y === null) y = b.cells[column].textContent;
          var order;
          if (numeric) {
            var nx = x === '' ? -Infinity : Number(x);
            var ny = y === '' ? -Infinity : Number(y);
            order = nx === ny ? 0 : nx < ny ? -1 : 1;
          } else {
            order = x.localeCompare(y, 'nb');
          }
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      });
    });
  });
})();
`.trim()
