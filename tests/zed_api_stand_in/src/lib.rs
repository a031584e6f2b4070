//! A stand-in for the part of zed_extension_api 0.7 that editors/zed uses,
//! with the same names and signatures (from the crate's extension_api.rs,
//! settings.rs and wit/extension.wit), so that tests/test_editors.py can
//! compile the extension where crates.io and Zed are out of reach.
pub type Result<T, E = String> = core::result::Result<T, E>;
pub type EnvVars = Vec<(String, String)>;
pub struct Command { pub command: String, pub args: Vec<String>, pub env: EnvVars }
pub struct Worktree;
impl Worktree {
    pub fn id(&self) -> u64 { 0 }
    pub fn root_path(&self) -> String { String::from("/repo") }
    pub fn read_text_file(&self, _path: &str) -> Result<String, String> { Err(String::new()) }
    pub fn which(&self, _binary_name: &str) -> Option<String> { None }
    pub fn shell_env(&self) -> EnvVars { Vec::new() }
}
pub struct LanguageServerId(String);
impl AsRef<str> for LanguageServerId { fn as_ref(&self) -> &str { &self.0 } }
pub trait Extension: Send + Sync {
    fn new() -> Self where Self: Sized;
    fn language_server_command(&mut self, _id: &LanguageServerId, _worktree: &Worktree) -> Result<Command> {
        Err("not implemented".to_string())
    }
}
pub mod settings {
    use std::collections::HashMap;
    #[derive(Default)]
    pub struct LspSettings { pub binary: Option<CommandSettings>, pub initialization_options: Option<String>, pub settings: Option<String> }
    pub struct CommandSettings { pub path: Option<String>, pub arguments: Option<Vec<String>>, pub env: Option<HashMap<String, String>> }
    impl LspSettings {
        pub fn for_worktree(_name: &str, _worktree: &crate::Worktree) -> crate::Result<Self> { Ok(Self::default()) }
    }
}
#[doc(hidden)]
pub fn register_extension(build: fn() -> Box<dyn Extension>) { let _ = build; }
#[macro_export]
macro_rules! register_extension {
    ($extension_type:ty) => {
        #[no_mangle]
        pub extern "C" fn init_extension() {
            zed_extension_api::register_extension(|| Box::new(<$extension_type as zed_extension_api::Extension>::new()));
        }
    };
}
