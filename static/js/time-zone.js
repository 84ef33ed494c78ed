// Reminder settings: on a first visit, pick the browser's time zone in the
// list. Without JavaScript the list keeps its default and the member chooses.
(function () {
  "use strict";
  if (!document.getElementById("detect-time-zone")) return;
  var select = document.getElementById("id_time_zone");
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!select || !zone) return;
  for (var i = 0; i < select.options.length; i++) {
    if (select.options[i].value === zone) {
      select.value = zone;
      return;
    }
  }
})();
