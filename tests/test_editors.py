"""`aotext lsp` in real editors, started as the README says: Neovim (its
built-in client) and Emacs (eglot), each headless, editing a reflection log
so that it names a plan that does not exist, then putting it right; Kate on
a virtual screen, opening a log that names such a plan. Each is skipped
where the editor is not installed (Debian: neovim; emacs-nox with
elpa-eglot on Emacs 28, built in from Emacs 29; kate and xvfb). Zed's
extension is compiled against a stand-in of Zed's extension API where Rust
is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LOG = "content/logs/2026-10-13-bus-drivers.md"
PROBLEM = "there is no plan with the id 'bus-drivrs-plan' (did you mean 'bus-drivers-plan'?)"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "aotext.yaml", tmp_path / "aotext.yaml")
    server = tmp_path / "aotext-lsp"  # what the README calls AOTEXT, for this checkout
    server.write_text(f"#!/bin/sh\nPYTHONPATH={ROOT} exec {sys.executable} -m aotext \"$@\"\n", encoding="utf-8")
    server.chmod(0o755)
    return tmp_path


def _plan_line(repo: Path) -> int:
    lines = (repo / LOG).read_text(encoding="utf-8").split("\n")
    return next(number for number, line in enumerate(lines, start=1) if line.startswith("plan: "))


# After the README's Neovim 0.7-0.10 set-up has started the server for the file opened.
NEOVIM = """
vim.wait(20000, function() local c = vim.lsp.get_active_clients()[1]; return c ~= nil and c.initialized end)
vim.api.nvim_buf_set_lines(0, %(row)d - 1, %(row)d, false, { "plan: bus-drivrs-plan" })
vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end)
for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write(string.format("%%d: %%s\\n", d.lnum + 1, d.message)) end
vim.api.nvim_buf_set_lines(0, %(row)d - 1, %(row)d, false, { "plan: bus-drivers-plan" })
vim.wait(20000, function() return #vim.diagnostic.get(0) == 0 end)
io.stdout:write(string.format("after the fix: %%d\\n", #vim.diagnostic.get(0)))
vim.cmd("qa!")
"""

EMACS = """
(require 'eglot)
(setq eglot-sync-connect t)
(add-to-list 'eglot-server-programs '(text-mode . ("%(server)s" "lsp")))
(find-file "%(log)s")
(text-mode)
(apply #'eglot (eglot--guess-contact))
(goto-char (point-min)) (forward-line (1- %(row)d))
(delete-region (line-beginning-position) (line-end-position))
(insert "plan: bus-drivrs-plan")
(eglot--signal-textDocument/didChange)
(let ((tries 0))
  (while (and (< tries 200) (null (flymake-diagnostics)))
    (accept-process-output nil 0.1) (setq tries (1+ tries))))
(dolist (d (flymake-diagnostics))
  (princ (format "%%d: %%s\\n" (line-number-at-pos (flymake-diagnostic-beg d)) (flymake-diagnostic-text d))))
(kill-emacs 0)
"""


def _script(template: str, repo: Path) -> str:
    return template % {"server": repo / "aotext-lsp", "log": LOG, "row": _plan_line(repo)}


def _readme_neovim_setup(server: Path) -> str:
    """The README's init.lua for Neovim 0.7 to 0.10, with the server's path for AOTEXT."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"Neovim 0\.7 to 0\.10, in `init\.lua`:\n  ```lua\n(.*?)\n  ```", text, re.DOTALL)
    assert found, "the README shows no Neovim 0.7 set-up"
    return "\n".join(line.removeprefix("  ") for line in found.group(1).split("\n")).replace("AOTEXT", str(server))


@pytest.mark.skipif(shutil.which("nvim") is None, reason="Neovim is not installed (Debian: apt install neovim)")
def test_neovim_set_up_as_the_readme_says_shows_the_problem_and_clears_it(shipped: Path) -> None:
    (shipped / "init.lua").write_text(_readme_neovim_setup(shipped / "aotext-lsp"), encoding="utf-8")
    script = shipped / "check.lua"
    script.write_text(_script(NEOVIM, shipped), encoding="utf-8")
    done = subprocess.run(["nvim", "--headless", "-u", "init.lua", "-c", f"luafile {script}", LOG], cwd=shipped,
                          capture_output=True, text=True, timeout=120, env={**os.environ, "HOME": str(shipped)})
    assert f"{_plan_line(shipped)}: {PROBLEM}" in done.stdout, done.stdout + done.stderr
    assert "after the fix: 0" in done.stdout


def _has_eglot() -> bool:
    if shutil.which("emacs") is None:
        return False
    found = subprocess.run(["emacs", "--batch", "--eval", "(princ (if (require 'eglot nil t) \"yes\" \"no\"))"],
                           capture_output=True, text=True, timeout=60)
    return found.stdout.strip().endswith("yes")


@pytest.mark.skipif(not _has_eglot(), reason="Emacs with eglot is not installed (Debian: emacs-nox elpa-eglot)")
def test_emacs_eglot_shows_the_problem(shipped: Path) -> None:
    subprocess.run(["git", "init", "-q", str(shipped)], check=True)  # eglot finds the project by its git folder
    script = shipped / "check.el"
    script.write_text(_script(EMACS, shipped), encoding="utf-8")
    done = subprocess.run(["emacs", "--batch", "-l", str(script)], cwd=shipped, capture_output=True, text=True,
                          timeout=120, env={**os.environ, "HOME": str(shipped)})
    assert f"{_plan_line(shipped)}: aotext [unknown-reference]: {PROBLEM}" in done.stdout, done.stdout + done.stderr


def _readme_kate_settings(server: Path) -> str:
    """The README's LSP Client settings for Kate, with the server's path for AOTEXT."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.search(r"\*\*Kate\*\*.*?```json\n(.*?)\n  ```", text, re.DOTALL)
    assert found, "the README shows no Kate set-up"
    return found.group(1).replace("AOTEXT", str(server))


def _messages(stream: bytes) -> list[dict[str, object]]:
    """The messages a language server wrote (Content-Length headers, then JSON)."""
    found, rest = [], stream
    while (header := re.match(rb"Content-Length: (\d+)\r\n(?:[\w-]+: [^\r\n]*\r\n)*\r\n", rest)) is not None:
        end = header.end() + int(header.group(1))
        if end > len(rest):
            break
        found.append(json.loads(rest[header.end():end]))
        rest = rest[end:]
    return found


@pytest.mark.skipif(shutil.which("kate") is None or shutil.which("xvfb-run") is None,
                    reason="Kate is not installed (Debian: kate xvfb)")
def test_kate_set_up_as_the_readme_says_shows_the_problem(shipped: Path) -> None:
    log = shipped / LOG
    log.write_text(log.read_text(encoding="utf-8").replace("plan: bus-drivers-plan", "plan: bus-drivrs-plan", 1),
                   encoding="utf-8")
    said = shipped / "server-said"  # all the server writes to Kate, kept on its way
    server = shipped / "aotext-lsp-kept"
    server.write_text(f'#!/bin/sh\n"{shipped / "aotext-lsp"}" "$@" | tee "{said}"\n', encoding="utf-8")
    server.chmod(0o755)
    settings = shipped / ".config" / "kate" / "lspclient" / "settings.json"
    settings.parent.mkdir(parents=True)
    settings.write_text(_readme_kate_settings(server), encoding="utf-8")
    # The LSP Client plugin on, and the answer "Yes" given to Kate's question
    # whether to start this command (the README says to answer it so).
    (shipped / ".config" / "katerc").write_text(
        f"[Kate Plugins]\nlspclientplugin=true\n\n[lspclient]\nAllowedServerCommandLines={server} lsp\n",
        encoding="utf-8")
    # Started elsewhere, as from a desktop's menu: Kate finds the repository by its aotext.yaml.
    kate = subprocess.Popen(["xvfb-run", "-a", "kate", "-n", str(log)], cwd=settings.parent, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "HOME": str(shipped), "XDG_RUNTIME_DIR": str(shipped)})
    uri = log.as_uri()
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            published = [message for message in _messages(said.read_bytes() if said.exists() else b"")
                         if message.get("method") == "textDocument/publishDiagnostics"
                         and message["params"]["uri"] == uri and message["params"]["diagnostics"]]  # type: ignore[index]
            if published:
                break
            time.sleep(0.2)
    finally:
        os.killpg(kate.pid, signal.SIGTERM)
        kate.wait(timeout=30)
    assert published, f"Kate never got a diagnostic for {LOG}: the server said {said.read_bytes()[:2000]!r}"
    shown = published[-1]["params"]["diagnostics"][0]  # type: ignore[index]
    assert PROBLEM in shown["message"] and shown["range"]["start"]["line"] + 1 == _plan_line(shipped)
    # What Kate asks besides (the outline, for its breadcrumbs) is answered, not refused.
    refused = [message for message in _messages(said.read_bytes()) if "error" in message]
    assert not refused, refused


@pytest.mark.skipif(shutil.which("cargo") is None, reason="Rust is not installed (https://rustup.rs)")
def test_zed_extension_compiles_and_names_aotext_lsp(tmp_path: Path) -> None:
    """The extension in editors/zed compiles (against tests/zed_api_stand_in,
    offline) and starts the `aotext` language server, whose settings key the
    README gives, for Markdown and YAML with `aotext lsp`."""
    import tomllib

    extension = tmp_path / "zed"
    shutil.copytree(ROOT / "editors" / "zed", extension, ignore=shutil.ignore_patterns("target", "*.wasm"))
    manifest = tomllib.loads((extension / "extension.toml").read_text(encoding="utf-8"))
    assert manifest["language_servers"]["aotext"]["languages"] == ["Markdown", "YAML"]
    assert '"lsp": {"aotext": {"binary": {"path": "AOTEXT"}}}' in (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'vec!["lsp".to_string()]' in (extension / "src" / "lib.rs").read_text(encoding="utf-8")
    cargo = (extension / "Cargo.toml").read_text(encoding="utf-8")
    stand_in = (ROOT / "tests" / "zed_api_stand_in").as_posix()
    (extension / "Cargo.toml").write_text(
        cargo.replace('zed_extension_api = "0.7.0"', f'zed_extension_api = {{ path = "{stand_in}" }}'), encoding="utf-8")
    built = subprocess.run(["cargo", "build", "--offline", "--quiet", "--target-dir", str(tmp_path / "target")],
                           cwd=extension, capture_output=True, text=True, timeout=600, check=False)
    assert built.returncode == 0, built.stderr
