// Follows a run of reports (rapportkörning) while it goes on: polls its JSON status and
// updates the progress bar, the summary and each board's row, without reloading the page.
// Without JavaScript the page refreshes itself instead (<noscript> meta refresh).
(function () {
  'use strict';
  var section = document.getElementById('korning');
  if (!section || section.getAttribute('data-running') !== 'ja') return;
  var statusUrl = section.getAttribute('data-status-url');
  var stateLabels = { done: 'Klar', failed: 'Fel', waiting: 'Väntar' };

  function text(el, value) { if (el) el.textContent = value; }

  function files(cell, list) {
    cell.textContent = '';
    list.forEach(function (file, i) {
      var a = document.createElement('a');
      a.href = file.url;
      a.setAttribute('download', '');
      a.textContent = file.fileName;
      if (i > 0) cell.appendChild(document.createElement('br'));
      cell.appendChild(a);
    });
  }

  function show(job) {
    var bar = document.getElementById('framsteg');
    bar.max = job.total;
    bar.value = job.done;
    bar.textContent = job.percent + ' %';
    text(document.getElementById('lage'), job.stateLabel);
    var failed = job.boards.filter(function (b) { return b.state === 'failed'; }).length;
    text(document.getElementById('sammanfattning'), job.done + ' av ' + job.total + ' nämnder klara' + (failed > 0 ? ', ' + failed + ' med fel' : ''));
    job.boards.forEach(function (b) {
      var row = document.querySelector('tr[data-board="' + CSS.escape(b.code) + '"]');
      if (!row) return;
      text(row.cells[1], stateLabels[b.state] + (b.error ? ': ' + b.error : ''));
      files(row.cells[2], b.files);
    });
  }

  function poll() {
    fetch(statusUrl, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (res) { if (!res.ok) throw new Error(String(res.status)); return res.json(); })
      .then(function (job) {
        show(job);
        if (job.state === 'queued' || job.state === 'running') { setTimeout(poll, 1000); return; }
        section.setAttribute('data-running', 'nej');
        var refresh = document.getElementById('uppdatera');
        if (refresh) refresh.remove();
        text(document.getElementById('meddelande'), 'Körningen är ' + job.stateLabel + '.');
      })
      .catch(function () { setTimeout(poll, 3000); });
  }

  setTimeout(poll, 500);
})();
