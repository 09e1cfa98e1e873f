"""The model: frozen values only — spans, figures, entries, sections, tables, layout
regions, budget lines, indicators, the report, findings, errors, intervals and kinds.

Nothing here reads text or knows a template's wording; the readers (``finreport.read``)
build these values and the checks (``finreport.checks``) compare them.  Public names are
re-exported by ``finreport`` itself.
"""
