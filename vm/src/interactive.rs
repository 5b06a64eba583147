//! The VM's side of the interactive prompt (the `krait` command line's `src/repl.rs` reads and
//! edits the lines): one `__main__` namespace that lives for the whole session, each statement
//! run in it as it is typed, and the prompts as `sys.ps1` / `sys.ps2` say.
//!
//! CPython's prompt keeps `__main__` alive itself, not only through `sys.modules` (a program may
//! remove it from there), so the namespace is rooted here for the rest of the session.

use std::rc::Rc;

use krait_compiler::CodeObject;
use krait_runtime::object::Payload;
use krait_runtime::{protocol, PyResult, Value};

use crate::Vm;

/// CPython's primary prompt (`sys.ps1`).
pub const PRIMARY_PROMPT: &str = ">>> ";
/// CPython's continuation prompt (`sys.ps2`).
pub const CONTINUATION_PROMPT: &str = "... ";

/// What a session keeps: both rooted for the rest of the session.
#[derive(Clone, Copy, Debug)]
pub struct Namespace {
    /// The `__main__` namespace every statement runs in.
    pub globals: Value,
    /// The `sys` module, whose `ps1` and `ps2` are the prompts (CPython reads them from the
    /// interpreter's own `sys`, whatever happens to `sys.modules`).
    sys: Value,
}

/// Which of the two prompts to show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Prompt {
    /// `sys.ps1`: a new statement.
    Primary,
    /// `sys.ps2`: the statement goes on.
    Continuation,
}

impl Vm {
    /// Starts an interactive session in `__main__`: the one a program already ran in (`krait
    /// -i`), else a new one (no `__file__`, as in CPython). Keeps it rooted for the session and
    /// sets `sys.ps1` and `sys.ps2`.
    pub fn start_interactive(&mut self) -> Namespace {
        let existing = self.sys_modules_get("__main__").and_then(|module| {
            match module.as_object().map(|object| &object.payload) {
                Some(Payload::Module { dict, .. }) => Some(*dict),
                _ => None,
            }
        });
        let globals = match existing {
            Some(globals) => globals,
            None => self.new_interactive_main(),
        };
        self.runtime.push_root(globals);
        let sys = self.import_module_absolute("sys").unwrap_or(Value::NONE);
        self.runtime.push_root(sys);
        for (name, text) in [("ps1", PRIMARY_PROMPT), ("ps2", CONTINUATION_PROMPT)] {
            let key = self.runtime.intern(name);
            let value = self.runtime.new_str(text);
            // Setting an attribute of the sys module cannot fail.
            let _ = protocol::attribute::set_attribute(self, sys, key, value);
        }
        Namespace { globals, sys }
    }

    /// Runs one statement compiled in the `single` mode in the session's namespace.
    pub fn run_interactive(&mut self, code: &Rc<CodeObject>, namespace: Namespace) -> PyResult<()> {
        let code_value = krait_runtime::loader::load_code(&mut self.runtime, code);
        self.run_code(code_value, namespace.globals, namespace.globals)
            .map(drop)
    }

    /// Keeps an exception that reached the prompt in `sys.last_type`, `sys.last_value` and
    /// `sys.last_traceback`, for post-mortem inspection, as CPython does.
    pub fn record_last_exception(&mut self, namespace: Namespace, exception: Value) {
        let traceback_name = self.runtime.intern("__traceback__");
        let traceback = protocol::attribute::find_attribute(self, exception, traceback_name)
            .ok()
            .flatten()
            .unwrap_or(Value::NONE);
        let class = protocol::type_of(&self.runtime, exception);
        for (name, value) in [
            ("last_type", class),
            ("last_value", exception),
            ("last_traceback", traceback),
        ] {
            let key = self.runtime.intern(name);
            // Setting an attribute of the sys module cannot fail.
            let _ = protocol::attribute::set_attribute(self, namespace.sys, key, value);
        }
    }

    /// The text of a prompt: `str(sys.ps1)` or `str(sys.ps2)`, as CPython reads them before
    /// each line (a program may change them); empty when the attribute is gone or its `str()`
    /// fails.
    pub fn prompt_text(&mut self, namespace: Namespace, prompt: Prompt) -> String {
        let name = match prompt {
            Prompt::Primary => "ps1",
            Prompt::Continuation => "ps2",
        };
        let key = self.runtime.intern(name);
        match protocol::attribute::find_attribute(self, namespace.sys, key) {
            Ok(Some(value)) => protocol::str_string(self, value).unwrap_or_default(),
            _ => String::new(),
        }
    }
}
