//! Zed starts only the language servers an extension names: this one names
//! `aotext lsp`, the one installed in the repository, for Markdown and YAML.

use zed_extension_api::{self as zed, settings::LspSettings, LanguageServerId, Result};

/// Where `make setup` installs aotext, from the top of the repository.
const INSTALLED: &str = ".venv/bin/aotext";

struct Aotext;

impl zed::Extension for Aotext {
    fn new() -> Self {
        Aotext
    }

    /// The command Zed runs: the path set in Zed's settings
    /// (`"lsp": {"aotext": {"binary": {"path": ...}}}`), else the repository's
    /// own aotext, else one on the PATH. Zed says so when it cannot start it.
    fn language_server_command(
        &mut self,
        language_server_id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let configured = LspSettings::for_worktree(language_server_id.as_ref(), worktree)
            .ok()
            .and_then(|settings| settings.binary);
        let (path, arguments) = match configured {
            Some(binary) => (binary.path, binary.arguments),
            None => (None, None),
        };
        let installed = format!("{}/{}", worktree.root_path(), INSTALLED);
        let command = path.unwrap_or_else(|| {
            if worktree.read_text_file(INSTALLED).is_ok() {
                installed.clone()
            } else {
                worktree.which("aotext").unwrap_or(installed)
            }
        });
        Ok(zed::Command {
            command,
            args: arguments.unwrap_or_else(|| vec!["lsp".to_string()]),
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Aotext);
