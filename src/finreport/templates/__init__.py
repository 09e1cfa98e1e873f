"""The vocabulary of the report templates, as data: the numbering grammar, part, section
and table titles, role words and fillers, template residue, field tables, the profile of
each report kind and the classification reference data; the line shapes of the text layer
(``layout``), the tables part's titles, headers and rows (``tables``), the performance
forms (``indicators``), the words of a figure's scope (``scopes``) and the names of the
quantities the rules look for (``quantities``).

A new wording, title or heading shape is a new row here, never a new code path in the
readers (docs/contributing.md, *Supporting a new template*).  A test holds every
template-wording pattern to this package.
"""
