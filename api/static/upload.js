// Upload with a progress bar, then follow the ingest/review job until it is done or failed.
(function () {
  "use strict";
  var form = document.getElementById("upload-form");
  if (!form || !window.XMLHttpRequest || !window.FormData) { return; }
  var bar = document.getElementById("upload-progress");
  var status = document.getElementById("upload-status");
  var errorBox = document.getElementById("upload-error");
  var button = document.getElementById("upload-button");

  function fail(message) {
    errorBox.textContent = message;
    errorBox.hidden = false;
    button.disabled = false;
  }

  function poll(jobId) {
    fetch("/api/v1/jobs/" + encodeURIComponent(jobId), { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.status === "done") {
          status.textContent = "Done. Opening the review…";
          window.location.href = job.result.review_id ? "/reviews/" + job.result.review_id : "/jobs/" + jobId;
        } else if (job.status === "failed") {
          status.textContent = "";
          fail(job.error || "The job failed.");
        } else {
          status.textContent = job.status === "queued" ? "Queued…" : "Parsing and reviewing…";
          window.setTimeout(function () { poll(jobId); }, 700);
        }
      })
      .catch(function () { window.location.href = "/jobs/" + jobId; });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    errorBox.hidden = true;
    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    var xhr = new XMLHttpRequest();
    xhr.open("POST", form.action);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.upload.addEventListener("progress", function (e) {
      if (e.lengthComputable) { bar.value = Math.round((e.loaded / e.total) * 100); }
      status.textContent = "Uploading… " + bar.value + "%";
    });
    xhr.addEventListener("load", function () {
      var body = {};
      try { body = JSON.parse(xhr.responseText); } catch (e) { body = {}; }
      if (xhr.status === 202 && body.job_id) {
        bar.value = 100;
        status.textContent = "Uploaded. Waiting for the review…";
        poll(body.job_id);
      } else {
        fail(body.detail ? String(typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail))
                         : "Upload failed (HTTP " + xhr.status + ").");
      }
    });
    xhr.addEventListener("error", function () { fail("Network error: the upload did not reach the server."); });
    xhr.send(new FormData(form));
  });
})();
