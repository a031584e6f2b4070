"""Printable handouts: compose Markdown from the documents, render it with
pandoc (and typst for PDF), and build only what changed."""
