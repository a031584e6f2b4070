"""An editor that names no folder when it starts `aotext lsp` (Kate does,
outside a git repository): the server works in the folder it was started
in, and names files by their whole addresses, which the editor can match."""

from __future__ import annotations

import asyncio
import os
import shutil
import sys

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from test_lsp import ROOT, WAIT

LOG = "content/logs/2026-10-13-bus-drivers.md"


def test_without_a_root_the_diagnostics_name_the_file_by_its_whole_address(tmp_path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    log = tmp_path / LOG
    log.write_text(log.read_text(encoding="utf-8").replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan", 1),
                   encoding="utf-8")

    async def session() -> list[str]:
        client = LanguageClient("no-root", "1")
        uris: list[str] = []
        arrived = asyncio.Event()

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            if params.diagnostics:
                uris.append(params.uri)
                arrived.set()

        @client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            return None

        await client.start_io(sys.executable, "-m", "aotext", "lsp", cwd=str(tmp_path),
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=None))
        client.initialized(types.InitializedParams())
        try:
            await asyncio.wait_for(arrived.wait(), WAIT)
        finally:
            await client.shutdown_async(None)
            client.exit(None)
            await client.stop()
        return uris

    assert log.as_uri() in asyncio.run(session())
