"""`aotext lsp`."""

from __future__ import annotations

from aotext.cli.base import cli


@cli.command(short_help="Check documents in your editor as you type (a language server).")
def lsp() -> None:
    """Run the aotext language server for an editor: it reads the messages
    of the Language Server Protocol on standard input and answers on standard
    output, so your editor starts it, not you (see the README, "In your
    editor"). It shows every problem `aotext lint` finds while you type, with
    the same words at the same line; explains a key when you hover over it;
    completes keys, allowed values and ids; jumps from an id to where it is
    defined; and offers quick fixes for a misspelt id or a missing key. It
    never writes a file. Run it at the top of the repository, or let the
    editor start it in the workspace folder.
    """
    from aotext.lsp.stdio import serve

    serve()
