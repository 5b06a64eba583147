//! Running the main module: a script (`krait script.py`, cached like any module — a documented
//! difference from CPython, which never caches it), a module or package found on `sys.path`
//! (`krait -m name`, CPython's `runpy._run_module_as_main`), or code given as a string.

use std::path::{Path, PathBuf};

use krait_runtime::object::Payload;
use krait_runtime::types::dict::set_str_key;
use krait_runtime::{PyErr, Value};

use super::cache::{self, Failure};
use super::finder::{self, Found};
use super::module::ModuleFacts;
use super::quoted;
use crate::Vm;

/// Why the main module did not run to completion.
#[derive(Debug)]
pub enum MainFailure {
    /// The script cannot be opened (CPython: `can't open file …`, status 2).
    CannotOpen(std::io::Error),
    /// The script does not compile: the report to print as is (status 1).
    Syntax(String),
    /// `krait -m`: the module cannot be run; printed after the executable's name (status 1).
    Module(String),
    /// An uncaught exception.
    Exception(PyErr),
}

impl From<PyErr> for MainFailure {
    fn from(error: PyErr) -> Self {
        MainFailure::Exception(error)
    }
}

impl Vm {
    /// Runs the script at `path` as `__main__`. A directory runs its `__main__.py`.
    pub fn run_script(&mut self, path: &Path) -> Result<(), MainFailure> {
        let script = if path.is_dir() {
            let main = path.join("__main__.py");
            if !main.is_file() {
                let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
                return Err(MainFailure::Module(format!(
                    "can't find '__main__' module in {}",
                    quoted(&absolute.display().to_string())
                )));
            }
            main
        } else {
            path.to_path_buf()
        };
        // Like CPython, the code's file name (tracebacks, `__file__`) is absolute.
        let filename = std::path::absolute(&script).map_or_else(
            |_| script.display().to_string(),
            |absolute| absolute.display().to_string(),
        );
        let settings = self.cache_settings();
        let code = match cache::load(Path::new(&filename), &filename, settings) {
            Ok(code) => code,
            Err(Failure::Io(error)) => return Err(MainFailure::CannotOpen(error)),
            Err(failure) => {
                return Err(MainFailure::Syntax(cache::describe_failure(
                    &failure, &filename,
                )))
            }
        };
        self.report_code("__main__", &filename, &code);
        if let Some(source) = &code.source {
            self.sources.insert(filename.clone(), source.clone());
        }
        let globals = self.new_main_module(Some(&filename));
        let code_value = krait_runtime::loader::load_code(&mut self.runtime, &code.code);
        self.run_code(code_value, globals, globals)?;
        Ok(())
    }

    /// Runs source code given on the command line (`-c`, file name `<string>`) or read from
    /// standard input (`<stdin>`) as `__main__`; it is not cached.
    pub fn run_string(&mut self, source: &str, filename: &str) -> Result<(), MainFailure> {
        let code = krait_compiler::compile_module(source, filename)
            .map_err(|error| MainFailure::Syntax(error.to_string()))?;
        // CPython gives `-c` code no `__file__`, and standard input `<stdin>`.
        let file = (filename != "<string>").then_some(filename);
        let globals = self.new_main_module(file);
        let code_value = krait_runtime::loader::load_code(&mut self.runtime, &code);
        self.run_code(code_value, globals, globals)?;
        Ok(())
    }

    /// `krait -m name`: runs the module `name` (or the package's `name.__main__`) as
    /// `__main__`, after importing its parent packages. `sys.argv[0]` becomes its file.
    pub fn run_module(&mut self, name: &str) -> Result<(), MainFailure> {
        let (name, file) = self.main_module_details(name)?;
        let filename = file.display().to_string();
        self.set_argv0(&filename);
        let cached = cache::module_cache_path(&file).map(|path| path.display().to_string());
        let facts = ModuleFacts {
            name: "__main__",
            spec_name: &name,
            file: Some(&filename),
            search_locations: None,
            cached: cached.as_deref(),
        };
        let module = self.new_source_module(&facts)?;
        let mark = self.runtime.root_mark();
        self.runtime.push_root(module);
        self.runtime.register_module("__main__", module);
        let result = self.execute_source(module, &name, &file, &filename);
        self.runtime.pop_roots(mark);
        result.map_err(MainFailure::Exception)
    }

    /// `runpy._get_module_details`: the module's real name and source file, or the message
    /// CPython prints when there is none.
    fn main_module_details(&mut self, name: &str) -> Result<(String, PathBuf), MainFailure> {
        if name.starts_with('.') {
            return Err(MainFailure::Module(
                "Relative module names not supported".to_owned(),
            ));
        }
        let parent = name.rsplit_once('.').map_or("", |(parent, _)| parent);
        if !parent.is_empty() {
            // Errors in the parent packages' code propagate, except their absence (reported
            // below, as CPython does).
            if let Err(error) = self.import_module_absolute(parent) {
                if !self.is_missing_ancestor(&error, parent) {
                    return Err(MainFailure::Exception(error));
                }
            }
        }
        let found = match self.find_main_spec(name) {
            Ok(Some(found)) => found,
            Ok(None) => return Err(MainFailure::Module(format!("No module named {name}"))),
            Err(MainFailure::Exception(error)) => {
                let type_name = krait_runtime::protocol::type_name(&self.runtime, error.exception);
                let text =
                    krait_runtime::protocol::str_string(self, error.exception).unwrap_or_default();
                let mut message = format!(
                    "Error while finding module specification for {} ({type_name}: {text})",
                    quoted(name)
                );
                if let Some(stem) = name.strip_suffix(".py") {
                    message.push_str(&format!(
                        ". Try using '{stem}' instead of '{name}' as the module name."
                    ));
                }
                return Err(MainFailure::Module(message));
            }
            Err(other) => return Err(other),
        };
        match found {
            Found::Module(file) => Ok((name.to_owned(), file)),
            Found::Package { .. } | Found::Namespace(_) => {
                if name == "__main__" || name.ends_with(".__main__") {
                    return Err(MainFailure::Module(
                        "Cannot use package as __main__ module".to_owned(),
                    ));
                }
                match self.main_module_details(&format!("{name}.__main__")) {
                    Err(MainFailure::Module(message)) if self.sys_modules_get(name).is_some() => {
                        Err(MainFailure::Module(format!(
                            "{message}; {} is a package and cannot be directly executed",
                            quoted(name)
                        )))
                    }
                    other => other,
                }
            }
        }
    }

    /// `importlib.util.find_spec` for `-m`: where `name` is, importing its parent.
    fn find_main_spec(&mut self, name: &str) -> Result<Option<Found>, MainFailure> {
        let (parent, child) = name.rsplit_once('.').unwrap_or(("", name));
        let search_path = if parent.is_empty() {
            if self.native_module_exists(name) {
                return Err(MainFailure::Module(format!(
                    "No code object available for {name}"
                )));
            }
            self.sys_path()?
        } else {
            let parent_module = self.import_module_absolute(parent)?;
            let path_name = self.runtime.intern("__path__");
            match krait_runtime::protocol::attribute::find_attribute(
                self,
                parent_module,
                path_name,
            )? {
                Some(path) => self.string_list(path)?,
                None => {
                    let message = format!(
                        "__path__ attribute not found on {} while trying to find {}",
                        quoted(parent),
                        quoted(name)
                    );
                    return Err(MainFailure::Exception(self.import_error(
                        true,
                        message,
                        Some(name),
                        None,
                    )));
                }
            }
        };
        Ok(finder::find(child, &search_path))
    }

    fn native_module_exists(&self, name: &str) -> bool {
        name == "builtins" || krait_runtime::modules::NAMES.contains(&name)
    }

    /// Whether an import error of `parent` is just its (or an ancestor's) absence.
    fn is_missing_ancestor(&mut self, error: &PyErr, parent: &str) -> bool {
        let import_error = self.runtime.types.import_error;
        if !krait_runtime::protocol::is_instance(&self.runtime, error.exception, import_error) {
            return false;
        }
        match self.exception_name(error.exception) {
            Some(missing) => missing == parent || parent.starts_with(&format!("{missing}.")),
            None => false,
        }
    }

    /// Creates and registers `__main__` for the interactive prompt; returns its namespace.
    pub(crate) fn new_interactive_main(&mut self) -> Value {
        self.new_main_module(None)
    }

    /// Creates and registers `__main__` for a script or string; returns its namespace.
    fn new_main_module(&mut self, file: Option<&str>) -> Value {
        let runtime = &mut self.runtime;
        let module = runtime.new_module("__main__");
        runtime.register_module("__main__", module);
        let Some(Payload::Module { dict: globals, .. }) =
            module.as_object().map(|object| &object.payload)
        else {
            return Value::NONE;
        };
        let globals = *globals;
        let names = self.runtime.names;
        for key in [names.__package__, names.__spec__, names.__loader__] {
            set_str_key(&mut self.runtime, globals, key, Value::NONE);
        }
        let builtins = match self.sys_modules_get("builtins") {
            Some(module) => module,
            None => self.native_module("builtins").unwrap_or(Value::NONE),
        };
        set_str_key(&mut self.runtime, globals, names.__builtins__, builtins);
        if let Some(file) = file {
            let file = self.runtime.new_str(file);
            set_str_key(&mut self.runtime, globals, names.__file__, file);
            let cached_name = self.runtime.intern("__cached__");
            set_str_key(&mut self.runtime, globals, cached_name, Value::NONE);
        }
        globals
    }

    /// Sets `sys.argv[0]` (for `-m`, once the module's file is known).
    fn set_argv0(&mut self, value: &str) {
        if let Some(first) = self.runtime.argv.first_mut() {
            *first = value.to_owned();
        }
        let Some(sys) = self.sys_modules_get("sys") else {
            return;
        };
        let argv_name = self.runtime.intern("argv");
        let argv = krait_runtime::protocol::attribute::find_attribute(self, sys, argv_name)
            .ok()
            .flatten();
        if let Some(items) = argv.and_then(krait_runtime::types::list::items) {
            if !items.is_empty() {
                let text = self.runtime.new_str(value);
                items[0] = text;
            }
        }
    }
}

impl Vm {
    /// Runs the handlers registered with `atexit` (if the program imported it), last
    /// registered first, as CPython does at exit. An exception in a handler is reported as
    /// "Exception ignored in atexit callback: …" with its traceback, and the rest still run.
    pub fn run_exit_handlers(&mut self) {
        let Some(module) = self.sys_modules_get("atexit") else {
            return;
        };
        let call_next = self.runtime.intern("_call_next");
        let current = self.runtime.intern("_current");
        let mark = self.runtime.root_mark();
        self.runtime.push_root(module);
        while let Ok(Some(function)) =
            krait_runtime::protocol::attribute::find_attribute(self, module, call_next)
        {
            match krait_runtime::protocol::call(self, function, &[], &[]) {
                Ok(value) if value == Value::TRUE => {}
                Ok(_) => break,
                Err(error) => {
                    let system_exit = self.runtime.types.system_exit;
                    if krait_runtime::protocol::is_instance(
                        &self.runtime,
                        error.exception,
                        system_exit,
                    ) {
                        continue;
                    }
                    self.runtime.push_root(error.exception);
                    let handler =
                        krait_runtime::protocol::attribute::find_attribute(self, module, current)
                            .ok()
                            .flatten()
                            .and_then(|handler| {
                                krait_runtime::protocol::repr_string(self, handler).ok()
                            })
                            .unwrap_or_default();
                    self.flush();
                    let report = self.format_exception(error.exception);
                    let _ = self.runtime.output.write(
                        krait_runtime::stream::TextStream::Stderr,
                        &format!("Exception ignored in atexit callback: {handler}\n{report}"),
                    );
                }
            }
        }
        self.runtime.pop_roots(mark);
    }
}
