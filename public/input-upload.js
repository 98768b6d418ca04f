// Shows how far a large input workbook's upload has come (XMLHttpRequest's upload progress),
// then shows the server's answer (the preview or the errors) as the page. Without
// JavaScript the form posts as usual.
(function () {
  'use strict';
  var form = document.getElementById('uppladdning');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  var bar = document.getElementById('uppladdning-framsteg');
  var label = document.getElementById('uppladdning-text');
  form.addEventListener('submit', function (event) {
    var file = document.getElementById('arbetsbok');
    if (!file.files || file.files.length === 0) return; // the server explains what is missing
    event.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (e) {
      if (!e.lengthComputable) return;
      var percent = Math.round((100 * e.loaded) / e.total);
      bar.value = percent;
      bar.textContent = percent + ' %';
      label.textContent = percent < 100 ? 'Laddar upp: ' + percent + ' %' : 'Uppladdad; arbetsboken granskas …';
    });
    xhr.addEventListener('load', function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () {
      label.textContent = 'Uppladdningen avbröts; försök igen.';
    });
    xhr.send(new FormData(form));
  });
})();
