"""Output: a report and its findings as text, HTML, JSON and JSON Schema."""
