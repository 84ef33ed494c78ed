"""Worksheet views, by who uses them: `worksheets` (a member's own worksheet
pages, which a clinician with an active share also reads), `sharing` (the
member's Sharing pages) and `clinician` (the clinician's dashboard)."""
