"""Problems found while reading a file, before any rule runs, and file names
that clash.

Each of the first is reported by `aotext.load` or `aotext.schemas`; they are
declared here so that `aotext lint --list-rules` shows every rule in one place.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator

from aotext.corpus import Corpus
from aotext.model import WARNING
from aotext.rules.base import Finding, declare, rule

LEFT_OUT = "left-out-file"

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
# Reported by aotext.repository, for a file named on lint's command line.
declare(LEFT_OUT, "a file named to lint that aotext never reads as a document (in a folder it leaves out, a README, "
        "not .md), so it was not checked", WARNING)


@rule("file-name-case", "two files whose names differ only in capitals, of which a clone on a Mac or on "
      "Windows keeps only one", WARNING)
def file_name_case(corpus: Corpus, as_of: dt.date) -> Iterator[Finding]:
    # Among the documents in focus only: a re-check after an edit
    # (aotext.incremental) holds every file whose name differs from one it
    # holds only in capitals (indexing all 20,000 had cost each edit 36 ms).
    documents = corpus.documents
    folded = [document.path.casefold() for document in documents]
    if len(set(folded)) == len(folded):
        return  # no two names alike (nearly always): nothing to index
    by_name: dict[str, list[str]] = defaultdict(list)
    for document, name in zip(documents, folded, strict=True):
        by_name[name].append(document.path)
    for document, name in zip(documents, folded, strict=True):
        same = by_name[name]
        if len(same) > 1:
            others = " and ".join(path for path in same if path != document.path)
            yield document, (), (
                f"this file's name differs only in capitals from {others}: on a Mac or on Windows, where a name's "
                "capitals do not count, git keeps only one of them, and the other's content is lost. Rename one "
                "(names in small letters only avoid this), or, if they are the same document, delete one")
