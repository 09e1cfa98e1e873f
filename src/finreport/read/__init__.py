"""Reading: text in, :class:`~finreport.Report` out — identity, outline and sections,
entries, budget lines, tables, indicators, residue, and the assembly of the report."""
