"""`aotext lsp` in real editors, started as the README says: Neovim (its
built-in client) and Emacs (eglot), each headless, editing a reflection log
so that it names a plan that does not exist, then putting it right. Each is
skipped where the editor is not installed (Debian: neovim; emacs-nox with
elpa-eglot on Emacs 28, built in from Emacs 29). Zed's extension is
compiled against a stand-in of Zed's extension API where Rust is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
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
