"""The documents of a repository as typed values: one module per document
type in `types/`, each registered where it is defined."""
