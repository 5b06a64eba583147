//! The import system: `import`, `from … import`, `importlib.import_module`, and running the
//! main module — CPython's `importlib._bootstrap` algorithm, in Rust.
//!
//! - [`finder`]: where a name is on a search path (`sys.path`, a package's `__path__`);
//! - [`cache`]: the code of a source file, from `__pycache__` or compiled (and cached);
//! - `module`: creating, registering and executing a module (`__spec__`, circular imports);
//! - `main`: `krait script.py`, `krait -m module`, `krait -c code` as `__main__`.
//!
//! The three instructions map to [`Vm::import_name`] (`__import__`: resolve a relative name,
//! import every package on the way, handle the `from` list), [`Vm::import_from`] (an attribute,
//! or a submodule already in `sys.modules` — what makes circular `from` imports work) and
//! [`Vm::import_star`].

pub mod cache;
pub mod finder;
pub mod library;
mod main;
mod module;

use std::path::PathBuf;

use krait_runtime::object::Payload;
use krait_runtime::types::dict::{get_str_key, set_str_key};
use krait_runtime::{protocol, PyErr, PyResult, Value};

use crate::Vm;

pub use krait_runtime::modules::importlib::resolve_name;
pub use main::MainFailure;

/// How imports behave; set by the command line.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// How the bytecode cache is used.
    pub cache: cache::CacheSettings,
    /// `-v`: report on standard error where each module's code came from.
    pub verbose: bool,
    /// The initial `sys.path`.
    pub search_path: Vec<String>,
}

/// krait's own library directory, the last entry of `sys.path`, where the library embedded in
/// the binary is found ([`library::directory`]).
pub fn library_directory() -> PathBuf {
    library::directory().to_path_buf()
}

/// The initial `sys.path`: `first` (the script's directory, or '' for the current directory),
/// then the entries of `KRAITPATH`, then [`library_directory`].
pub fn default_search_path(first: String) -> Vec<String> {
    let mut path = vec![first];
    if let Some(extra) = std::env::var_os("KRAITPATH") {
        path.extend(
            std::env::split_paths(&extra)
                .filter(|entry| !entry.as_os_str().is_empty())
                .map(|entry| entry.display().to_string()),
        );
    }
    path.push(library::directory().display().to_string());
    path
}

impl Vm {
    /// `IMPORT_NAME`: `__import__(name, globals, None, from_list, level)` with the importing
    /// frame's globals. Returns the top-level package for `import a.b.c`, the module itself
    /// when there is a from list.
    pub(crate) fn import_name(
        &mut self,
        name: Value,
        from_list: Value,
        level: Value,
    ) -> PyResult<Value> {
        let name = protocol::str_value(name).unwrap_or("").to_owned();
        let level = level.as_small_int().unwrap_or(0);
        if level < 0 {
            return Err(self.runtime.value_error("level must be >= 0"));
        }
        let absolute = if level > 0 {
            let globals = self
                .frames
                .last()
                .map_or(Value::NULL, |frame| frame.globals);
            self.resolve_relative(&name, level as usize, globals)?
        } else {
            if name.is_empty() {
                return Err(self.runtime.value_error("Empty module name"));
            }
            name.clone()
        };
        let module = self.import_module_absolute(&absolute)?;
        let from_names = if from_list.is_none() || from_list.is_null() {
            Vec::new()
        } else {
            protocol::collect(self, from_list)?
        };
        if from_names.is_empty() {
            if level == 0 {
                let top = name.split('.').next().unwrap_or(&name);
                return self.import_module_absolute(top);
            }
            if name.is_empty() {
                return Ok(module);
            }
            // `__import__('.a.b', level=1)` without a from list: the package `a` is in.
            let cut = name.len() - name.split('.').next().map_or(0, str::len);
            let module_name = self.module_name(module).unwrap_or_default();
            let keep = module_name.len().saturating_sub(cut);
            return self.import_module_absolute(module_name.get(..keep).unwrap_or(&module_name));
        }
        let path_name = self.runtime.intern("__path__");
        if protocol::attribute::find_attribute(self, module, path_name)?.is_some() {
            let mark = self.runtime.root_mark();
            self.runtime.push_root(module);
            let result = self.handle_from_list(module, &from_names, false);
            self.runtime.pop_roots(mark);
            result?;
        }
        Ok(module)
    }

    /// `importlib.import_module` after relative names are resolved, and `_gcd_import`: the
    /// module `name` (absolute, dotted), importing it and its parents as needed.
    pub fn import_module_absolute(&mut self, name: &str) -> PyResult<Value> {
        if let Some(module) = self.sys_modules_get(name) {
            if module.is_none() {
                let message = format!("import of {name} halted; None in sys.modules");
                return Err(self.import_error(true, message, Some(name), None));
            }
            // Another thread may still be running its body.
            let mark = self.runtime.root_mark();
            self.runtime.push_root(module);
            self.wait_for_import(name);
            let module = self.sys_modules_get(name).unwrap_or(module);
            self.runtime.pop_roots(mark);
            return Ok(module);
        }
        self.find_and_load(name)
    }

    /// `IMPORT_FROM`: `module.name`, or the submodule `module.__name__ + '.' + name` if it is
    /// in `sys.modules` (a package whose submodule is still being imported, in a cycle).
    pub(crate) fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        match protocol::attribute::find_attribute(self, module, name)? {
            Some(value) => return Ok(value),
            None => {
                if let Some(value) = self.module_getattr_hook(module, name)? {
                    return Ok(value);
                }
            }
        }
        let attribute = protocol::str_value(name).unwrap_or("?").to_owned();
        let package = self.module_name(module);
        if let Some(package) = &package {
            if let Some(submodule) = self.sys_modules_get(&format!("{package}.{attribute}")) {
                return Ok(submodule);
            }
        }
        let shown = package
            .clone()
            .unwrap_or_else(|| "<unknown module name>".to_owned());
        let path = self.module_file(module);
        let message = match &path {
            None => format!("cannot import name {} from {} (unknown location)", quoted(&attribute), quoted(&shown)),
            Some(path) if self.is_initializing(module) => format!(
                "cannot import name {} from partially initialized module {} (most likely due to a circular import) ({path})",
                quoted(&attribute),
                quoted(&shown)
            ),
            Some(path) => format!("cannot import name {} from {} ({path})", quoted(&attribute), quoted(&shown)),
        };
        Err(self.import_error(false, message, package.as_deref(), path.as_deref()))
    }

    /// `IMPORT_STAR`: binds the names of `module.__all__`, or else every name of the module's
    /// namespace not starting with an underscore, in `locals`.
    pub(crate) fn import_star(&mut self, module: Value, locals: Value) -> PyResult<()> {
        let all_name = self.runtime.names.__all__;
        let (names, skip_private) =
            match protocol::attribute::find_attribute(self, module, all_name)? {
                Some(all) => (protocol::collect(self, all)?, false),
                None => {
                    let dict_name = self.runtime.names.__dict__;
                    match protocol::attribute::find_attribute(self, module, dict_name)? {
                        Some(dict) => (
                            krait_runtime::types::dict::pairs(dict)
                                .into_iter()
                                .map(|(key, _)| key)
                                .collect(),
                            true,
                        ),
                        None => {
                            let message = "from-import-* object has no __dict__ and no __all__";
                            return Err(self.import_error(false, message.to_owned(), None, None));
                        }
                    }
                }
            };
        let mark = self.runtime.root_mark();
        names.iter().for_each(|&name| self.runtime.push_root(name));
        let result = self.bind_star_names(module, locals, &names, skip_private);
        self.runtime.pop_roots(mark);
        result
    }

    fn bind_star_names(
        &mut self,
        module: Value,
        locals: Value,
        names: &[Value],
        skip_private: bool,
    ) -> PyResult<()> {
        for &name in names {
            let Some(text) = protocol::str_value(name) else {
                let module_name = self.module_name(module).unwrap_or_default();
                let type_name = protocol::type_name(&self.runtime, name);
                let message = if skip_private {
                    format!("Key in {module_name}.__dict__ must be str, not {type_name}")
                } else {
                    format!("Item in {module_name}.__all__ must be str, not {type_name}")
                };
                return Err(self.runtime.type_error(message));
            };
            if skip_private && text.starts_with('_') {
                continue;
            }
            let name = self.runtime.intern_value(name);
            let value = protocol::get_attribute(self, module, name)?;
            if matches!(
                locals.as_object().map(|object| &object.payload),
                Some(Payload::Dict(_))
            ) {
                set_str_key(&mut self.runtime, locals, name, value);
            } else {
                protocol::subscript::set_item(self, locals, name, value)?;
            }
        }
        Ok(())
    }

    /// `_handle_fromlist`: for a package, imports each name of the from list that is not an
    /// attribute yet as a submodule; a missing submodule is not an error here (`IMPORT_FROM`
    /// reports it). `*` stands for the names in `__all__`.
    fn handle_from_list(
        &mut self,
        module: Value,
        names: &[Value],
        recursive: bool,
    ) -> PyResult<()> {
        for &item in names {
            let Some(text) = protocol::str_value(item) else {
                let module_name = self.module_name(module).unwrap_or_default();
                let place = if recursive {
                    format!("{module_name}.__all__")
                } else {
                    "``from list''".to_owned()
                };
                let message = format!(
                    "Item in {place} must be str, not {}",
                    protocol::type_name(&self.runtime, item)
                );
                return Err(self.runtime.type_error(message));
            };
            let text = text.to_owned();
            if text == "*" {
                let all_name = self.runtime.names.__all__;
                if !recursive {
                    if let Some(all) = protocol::attribute::find_attribute(self, module, all_name)?
                    {
                        let all_names = protocol::collect(self, all)?;
                        let mark = self.runtime.root_mark();
                        all_names
                            .iter()
                            .for_each(|&name| self.runtime.push_root(name));
                        let result = self.handle_from_list(module, &all_names, true);
                        self.runtime.pop_roots(mark);
                        result?;
                    }
                }
                continue;
            }
            let name = self.runtime.intern(&text);
            if protocol::attribute::find_attribute(self, module, name)?.is_some() {
                continue;
            }
            let Some(package) = self.module_name(module) else {
                continue;
            };
            let full_name = format!("{package}.{text}");
            match self.import_module_absolute(&full_name) {
                Ok(_) => {}
                Err(error) => {
                    let not_found = self.runtime.types.module_not_found_error;
                    let missing_here =
                        protocol::is_instance(&self.runtime, error.exception, not_found)
                            && self.exception_name(error.exception).as_deref()
                                == Some(full_name.as_str())
                            && self
                                .sys_modules_get(&full_name)
                                .is_none_or(|module| !module.is_none());
                    if !missing_here {
                        return Err(error);
                    }
                }
            }
        }
        Ok(())
    }

    /// The absolute name of a relative import from a module with namespace `globals`
    /// (`importlib._bootstrap._calc___package__` and `_resolve_name`).
    fn resolve_relative(&mut self, name: &str, level: usize, globals: Value) -> PyResult<String> {
        let names = self.runtime.names;
        let lookup = |vm: &mut Vm, key: Value| {
            if globals.is_null() {
                None
            } else {
                get_str_key(&mut vm.runtime, globals, key)
            }
        };
        let package_value = lookup(self, names.__package__).filter(|value| !value.is_none());
        let spec = lookup(self, names.__spec__).filter(|value| !value.is_none());
        let package = if let Some(package) = package_value {
            match protocol::str_value(package) {
                Some(text) => text.to_owned(),
                None => return Err(self.runtime.type_error("package must be a string")),
            }
        } else if let Some(spec) = spec {
            let parent_name = self.runtime.intern("parent");
            let parent = protocol::get_attribute(self, spec, parent_name)?;
            match protocol::str_value(parent) {
                Some(text) => text.to_owned(),
                None => return Err(self.runtime.type_error("__spec__.parent must be a string")),
            }
        } else {
            let Some(module_name) = lookup(self, names.__name__) else {
                return Err(self.runtime.key_error(names.__name__));
            };
            let Some(module_name) = protocol::str_value(module_name).map(str::to_owned) else {
                return Err(self.runtime.type_error("__name__ must be a string"));
            };
            let path_name = self.runtime.intern("__path__");
            if lookup(self, path_name).is_some() {
                module_name
            } else {
                module_name
                    .rsplit_once('.')
                    .map_or(String::new(), |(parent, _)| parent.to_owned())
            }
        };
        resolve_name(name, &package, level)
            .map_err(|message| self.import_error(false, message.to_owned(), None, None))
    }

    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        let (parent, child) = name.rsplit_once('.').unwrap_or(("", name));
        let mut search_path = None;
        let mut parent_module = Value::NULL;
        if !parent.is_empty() {
            parent_module = self.import_module_absolute(parent)?;
            // Importing the parent may have imported this module.
            if let Some(module) = self.sys_modules_get(name) {
                return Ok(module);
            }
            let path_name = self.runtime.intern("__path__");
            match protocol::attribute::find_attribute(self, parent_module, path_name)? {
                Some(path) => search_path = Some(self.string_list(path)?),
                None => {
                    let message = format!(
                        "No module named {}; {} is not a package",
                        quoted(name),
                        quoted(parent)
                    );
                    return Err(self.import_error(true, message, Some(name), None));
                }
            }
        } else if let Some(module) = self.native_module(name) {
            self.report(&format!("import {} # built-in", quoted(name)));
            return Ok(module);
        }
        let search_path = match search_path {
            Some(path) => path,
            None => self.sys_path()?,
        };
        let Some(found) = finder::find(child, &search_path) else {
            let message = format!("No module named {}", quoted(name));
            return Err(self.import_error(true, message, Some(name), None));
        };
        // While it loads, the child is listed in the parent's
        // `__spec__._uninitialized_submodules`: accessing it on the parent then says "cannot
        // access submodule … (most likely due to a circular import)".
        let parent_spec = if parent_module.is_null() {
            None
        } else {
            let spec_name = self.runtime.names.__spec__;
            protocol::attribute::find_attribute(self, parent_module, spec_name)?
                .filter(|spec| !spec.is_none())
        };
        let mark = self.runtime.root_mark();
        if let Some(spec) = parent_spec {
            self.runtime.push_root(spec);
            self.track_submodule(spec, Some(child));
        }
        self.begin_import(name);
        let result = self.load_found(name, found);
        self.end_import(name);
        if let Some(spec) = parent_spec {
            self.track_submodule(spec, None);
        }
        self.runtime.pop_roots(mark);
        let module = result?;
        if !parent.is_empty() {
            self.runtime.push_root(module);
            if let Some(parent_module) = self.sys_modules_get(parent) {
                // CPython only warns when the parent does not take the attribute.
                let child_name = self.runtime.intern(child);
                let _ = protocol::attribute::set_attribute(self, parent_module, child_name, module);
            }
            self.runtime.pop_roots(mark);
        }
        Ok(module)
    }

    /// Appends `child` to `spec._uninitialized_submodules`, or with None pops the last entry.
    fn track_submodule(&mut self, spec: Value, child: Option<&str>) {
        let key = self.runtime.intern("_uninitialized_submodules");
        let Ok(Some(list)) = protocol::attribute::find_attribute(self, spec, key) else {
            return;
        };
        let Some(items) = krait_runtime::types::list::items(list) else {
            return;
        };
        match child {
            Some(child) => {
                let child = self.runtime.intern(child);
                items.push(child);
            }
            None => {
                items.pop();
            }
        }
    }

    /// Calls a module's `__getattr__` (PEP 562) for a name it lacks; `None` when it has no
    /// such function or it raises AttributeError.
    fn module_getattr_hook(&mut self, module: Value, name: Value) -> PyResult<Option<Value>> {
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            return Ok(None);
        };
        let getattr_name = self.runtime.names.__getattr__;
        let Some(hook) = get_str_key(&mut self.runtime, *dict, getattr_name) else {
            return Ok(None);
        };
        match protocol::call(self, hook, &[name], &[]) {
            Ok(value) => Ok(Some(value)),
            Err(error)
                if protocol::is_instance(
                    &self.runtime,
                    error.exception,
                    self.runtime.types.attribute_error,
                ) =>
            {
                Ok(None)
            }
            Err(error) => Err(error),
        }
    }

    /// A native module (`sys`, `math`, …, `builtins`), created on first use.
    fn native_module(&mut self, name: &str) -> Option<Value> {
        if name == "builtins" {
            let dict = self.runtime.builtins;
            let module_name = self.runtime.intern("builtins");
            let module = self.runtime.heap.allocate(Payload::Module {
                name: module_name,
                dict,
            });
            self.runtime.register_module("builtins", module);
            return Some(module);
        }
        let module = krait_runtime::modules::create(&mut self.runtime, name)?;
        if name == "sys" {
            self.configure_sys(module);
        }
        Some(module)
    }

    /// Fills in what `sys` takes from the import options: `path`, `dont_write_bytecode`,
    /// `implementation.cache_tag`.
    fn configure_sys(&mut self, sys: Value) {
        let entries: Vec<Value> = self
            .imports
            .search_path
            .clone()
            .iter()
            .map(|entry| self.runtime.new_str(entry))
            .collect();
        let mark = self.runtime.root_mark();
        entries
            .iter()
            .for_each(|&entry| self.runtime.push_root(entry));
        let path = self.runtime.new_list(entries);
        self.runtime.pop_roots(mark);
        krait_runtime::modules::set(&mut self.runtime, sys, "path", path);
        let dont_write = Value::bool(!self.imports.cache.write);
        krait_runtime::modules::set(&mut self.runtime, sys, "dont_write_bytecode", dont_write);
        let implementation_name = self.runtime.intern("implementation");
        if let Some(Payload::Module { dict, .. }) = sys.as_object().map(|object| &object.payload) {
            if let Some(implementation) = get_str_key(&mut self.runtime, *dict, implementation_name)
            {
                let tag = self.runtime.new_str(&krait_compiler::pyc::cache_tag());
                krait_runtime::modules::set(&mut self.runtime, implementation, "cache_tag", tag);
            }
        }
    }

    /// The `sys` module (created if nothing imported it yet).
    pub(crate) fn sys_module(&mut self) -> Value {
        match self.sys_modules_get("sys") {
            Some(module) => module,
            None => self.native_module("sys").unwrap_or(Value::NONE),
        }
    }

    /// `sys.path` as strings (entries that are not strings are skipped, as CPython does).
    fn sys_path(&mut self) -> PyResult<Vec<String>> {
        let sys = self.sys_module();
        let path_name = self.runtime.intern("path");
        match protocol::attribute::find_attribute(self, sys, path_name)? {
            Some(path) => self.string_list(path),
            None => Ok(Vec::new()),
        }
    }

    fn string_list(&mut self, value: Value) -> PyResult<Vec<String>> {
        let items = protocol::collect(self, value)?;
        Ok(items
            .into_iter()
            .filter_map(|item| protocol::str_value(item).map(str::to_owned))
            .collect())
    }

    /// `sys.modules[name]`, if present.
    pub(crate) fn sys_modules_get(&mut self, name: &str) -> Option<Value> {
        let key = self.runtime.intern(name);
        let modules = self.runtime.modules;
        get_str_key(&mut self.runtime, modules, key)
    }

    /// A module's `__name__` (from its namespace), if it is a str.
    fn module_name(&mut self, module: Value) -> Option<String> {
        let name = self.runtime.names.__name__;
        let value = protocol::attribute::find_attribute(self, module, name)
            .ok()
            .flatten()?;
        protocol::str_value(value).map(str::to_owned)
    }

    /// A module's `__file__`, if it is a module with a str `__file__`.
    fn module_file(&mut self, module: Value) -> Option<String> {
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            return None;
        };
        let file_name = self.runtime.names.__file__;
        let value = get_str_key(&mut self.runtime, *dict, file_name)?;
        protocol::str_value(value).map(str::to_owned)
    }

    /// The `name` attribute of an ImportError.
    fn exception_name(&mut self, exception: Value) -> Option<String> {
        let name = self.runtime.intern("name");
        let value = protocol::attribute::find_attribute(self, exception, name)
            .ok()
            .flatten()?;
        protocol::str_value(value).map(str::to_owned)
    }

    /// An ImportError (ModuleNotFoundError if `not_found`) with CPython's `name` and `path`
    /// attributes.
    pub(crate) fn import_error(
        &mut self,
        not_found: bool,
        message: String,
        name: Option<&str>,
        path: Option<&str>,
    ) -> PyErr {
        let class = if not_found {
            self.runtime.types.module_not_found_error
        } else {
            self.runtime.types.import_error
        };
        let error = self.runtime.new_error(class, message);
        let mark = self.runtime.root_mark();
        self.runtime.push_root(error.exception);
        for (attribute, value) in [("name", name), ("path", path)] {
            let value = value.map_or(Value::NONE, |text| self.runtime.new_str(text));
            let key = self.runtime.intern(attribute);
            protocol::attribute::store_slot(&mut self.runtime, error.exception, key, value);
        }
        self.runtime.pop_roots(mark);
        error
    }

    /// Writes a `-v` line to standard error.
    fn report(&mut self, line: &str) {
        if self.imports.verbose {
            let _ = self.runtime.output.write(
                krait_runtime::stream::TextStream::Stderr,
                &format!("{line}\n"),
            );
        }
    }
}

/// A module name as `repr` shows it in CPython's messages (`'a.b'`).
fn quoted(text: &str) -> String {
    if text.contains('\'') && !text.contains('"') {
        format!("\"{text}\"")
    } else {
        format!("'{}'", text.replace('\\', "\\\\").replace('\'', "\\'"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_names_resolve_as_cpython() {
        assert_eq!(resolve_name("x", "a.b", 1), Ok("a.b.x".to_owned()));
        assert_eq!(resolve_name("x", "a.b", 2), Ok("a.x".to_owned()));
        assert_eq!(resolve_name("", "a.b", 2), Ok("a".to_owned()));
        assert_eq!(
            resolve_name("x", "a.b", 3),
            Err("attempted relative import beyond top-level package")
        );
        assert_eq!(
            resolve_name("x", "", 1),
            Err("attempted relative import with no known parent package")
        );
    }

    #[test]
    fn names_are_quoted_as_repr() {
        assert_eq!(quoted("a.b"), "'a.b'");
        assert_eq!(quoted("it's"), "\"it's\"");
    }
}
