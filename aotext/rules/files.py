"""Problems found while reading a file, before any rule runs.

Each is reported by `aotext.load` or `aotext.schemas`; they are declared here
so that `aotext lint --list-rules` shows every rule in one place.
"""

from aotext.rules.base import declare

declare("unreadable", "the file cannot be opened or read")
declare("file-name", "a Markdown file whose name does not end in .md (x.MD, x.markdown, x.md.txt): left out until renamed")
declare("file-too-large", "the file or its front matter is too large to be a document (a paste by mistake?)")
declare("encoding", "the file is not UTF-8 text")
declare("merge-conflict", "git merge-conflict markers (<<<<<<< ======= >>>>>>>) were left in the file, "
        "or a lone ======= line of a conflict half resolved")
declare("front-matter", "the front matter is missing, unclosed, empty or not a set of keys")
declare("yaml-syntax", "the front matter is not valid YAML (a tab, a stray colon, bad indentation)")
declare("yaml-alias", "the front matter uses YAML anchors and aliases, which aotext refuses")
declare("duplicate-key", "the same key appears twice in one place")
declare("schema", "a key is missing, unknown, or holds the wrong kind of value for the document type")
declare("internal-error", "aotext itself failed on the file; please report it")
