"""The text layer: normalised views of the report's text that remember where each
character came from, and the regions that are not narrative (page marks, running
headers, the contents page, charts, tables)."""
