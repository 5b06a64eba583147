//! Creating, registering and executing a module once its source is found
//! (`importlib._bootstrap._load_unlocked`).
//!
//! The module is in `sys.modules` while its code runs, with `__spec__._initializing` set: a
//! module that imports it back (a cycle) gets this partially initialized module, and the
//! messages for names it does not have yet say so. If its code raises, it is removed from
//! `sys.modules` again.

use krait_compiler::SyntaxError;
use krait_runtime::object::Payload;
use krait_runtime::types::dict::{get_str_key, remove_str_key, set_str_key};
use krait_runtime::{protocol, PyErr, PyResult, Value};

use super::cache::{self, CacheWrite, CachedCode, Failure, Outcome};
use super::finder::Found;
use super::quoted;
use crate::Vm;

/// The `ModuleSpec` class (`importlib.machinery.ModuleSpec`), defined in Python and run once
/// per process, when the first module needs a spec.
const BOOTSTRAP: &str = r#"
class ModuleSpec:
    """The import-related information about a module."""

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self.cached = None
        self.has_location = False
        self._initializing = False
        self._uninitialized_submodules = []

    def __repr__(self):
        args = [f'name={self.name!r}', f'loader={self.loader!r}']
        if self.origin is not None:
            args.append(f'origin={self.origin!r}')
        if self.submodule_search_locations is not None:
            args.append(f'submodule_search_locations={self.submodule_search_locations}')
        return f'{self.__class__.__name__}({", ".join(args)})'

    def __eq__(self, other):
        try:
            return (self.name == other.name and self.loader == other.loader
                    and self.origin == other.origin
                    and self.submodule_search_locations == other.submodule_search_locations
                    and self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def parent(self):
        """The name of the module's parent package ('' for a top-level module)."""
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name
"#;

/// The module that holds [`BOOTSTRAP`]'s definitions, as in CPython.
const BOOTSTRAP_MODULE: &str = "_frozen_importlib";

/// What a new module's namespace starts with.
pub(super) struct ModuleFacts<'a> {
    /// `__name__`.
    pub name: &'a str,
    /// The name in `__spec__` (differs from `__name__` for `krait -m`, where it is `__main__`).
    pub spec_name: &'a str,
    /// `__file__` and `__spec__.origin`; None for a namespace package.
    pub file: Option<&'a str>,
    /// `__path__` and `__spec__.submodule_search_locations` for packages.
    pub search_locations: Option<Vec<String>>,
    /// `__cached__`.
    pub cached: Option<&'a str>,
}

impl Vm {
    /// Creates, registers and runs the module `name` found at `found`; returns the module
    /// (what `sys.modules[name]` holds afterwards).
    pub(super) fn load_found(&mut self, name: &str, found: Found) -> PyResult<Value> {
        let (file, directories) = match found {
            Found::Module(file) => (file, None),
            Found::Package { init, directory } => {
                (init, Some(vec![directory.display().to_string()]))
            }
            Found::Namespace(directories) => {
                let locations: Vec<String> = directories
                    .iter()
                    .map(|directory| directory.display().to_string())
                    .collect();
                let shown: Vec<String> =
                    locations.iter().map(|location| quoted(location)).collect();
                self.report(&format!(
                    "import {} # namespace package [{}]",
                    quoted(name),
                    shown.join(", ")
                ));
                let facts = ModuleFacts {
                    name,
                    spec_name: name,
                    file: None,
                    search_locations: Some(locations),
                    cached: None,
                };
                let module = self.new_source_module(&facts)?;
                self.runtime.register_module(name, module);
                return Ok(module);
            }
        };
        let filename = file.display().to_string();
        let cache_path = cache::module_cache_path(&file).map(|path| path.display().to_string());
        let facts = ModuleFacts {
            name,
            spec_name: name,
            file: Some(&filename),
            search_locations: directories,
            cached: cache_path.as_deref(),
        };
        let module = self.new_source_module(&facts)?;
        let mark = self.runtime.root_mark();
        self.runtime.push_root(module);
        self.runtime.register_module(name, module);
        self.set_initializing(module, true);
        let result = self.execute_source(module, name, &file, &filename);
        self.set_initializing(module, false);
        self.runtime.pop_roots(mark);
        let key = self.runtime.intern(name);
        let modules = self.runtime.modules;
        if let Err(error) = result {
            remove_str_key(&mut self.runtime, modules, key);
            return Err(error);
        }
        // The module may have replaced itself in sys.modules; either way it moves to the end.
        match remove_str_key(&mut self.runtime, modules, key) {
            Some(module) => {
                set_str_key(&mut self.runtime, modules, key, module);
                Ok(module)
            }
            None => Err(self.runtime.key_error(key)),
        }
    }

    /// Gets the code of `file` (cache or compiler), reports it for `-v`, and runs it in the
    /// module's namespace.
    pub(super) fn execute_source(
        &mut self,
        module: Value,
        name: &str,
        file: &std::path::Path,
        filename: &str,
    ) -> PyResult<()> {
        let settings = self.cache_settings();
        let loaded = match super::library::relative(file)
            .and_then(|relative| Some((super::library::embedded(&relative)?, relative)))
        {
            Some((source, relative)) => cache::load_embedded(&relative, source, filename, settings),
            None => cache::load(file, filename, settings),
        };
        let code = match loaded {
            Ok(code) => code,
            Err(failure) => return Err(self.failure_exception(failure, filename)),
        };
        self.report_code(name, filename, &code);
        if let Some(source) = &code.source {
            self.sources.insert(filename.to_owned(), source.clone());
        }
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            return Ok(());
        };
        let dict = *dict;
        let code_value = krait_runtime::loader::load_code(&mut self.runtime, &code.code);
        self.run_code(code_value, dict, dict).map(|_| ())
    }

    /// The cache settings now: the options, unless the program set `sys.dont_write_bytecode`.
    pub(super) fn cache_settings(&mut self) -> cache::CacheSettings {
        let mut settings = self.imports.cache;
        if settings.write {
            if let Some(sys) = self.sys_modules_get("sys") {
                let name = self.runtime.intern("dont_write_bytecode");
                if let Ok(Some(value)) = protocol::attribute::find_attribute(self, sys, name) {
                    settings.write = !protocol::is_true(self, value).unwrap_or(false);
                }
            }
        }
        settings
    }

    /// The `-v` line for a module's code.
    pub(super) fn report_code(&mut self, name: &str, filename: &str, code: &CachedCode) {
        if self.observer.is_some() {
            self.observe_module(name, filename, code);
        }
        if !self.imports.verbose {
            return;
        }
        let cache_path = code
            .cache_path
            .as_ref()
            .map(|path| path.display().to_string())
            .unwrap_or_default();
        let line = match &code.outcome {
            Outcome::Loaded => format!("import {} # loaded from {cache_path}", quoted(name)),
            Outcome::Compiled { reason, write } => {
                let written = match write {
                    CacheWrite::Written => format!("; wrote {cache_path}"),
                    CacheWrite::Disabled => "; cache writing disabled".to_owned(),
                    CacheWrite::NotApplicable => String::new(),
                    CacheWrite::Failed(error) => format!("; cache not written: {error}"),
                };
                format!(
                    "import {} # compiled from {filename} ({reason}){written}",
                    quoted(name)
                )
            }
        };
        self.report(&line);
    }

    /// Records how a module's code was obtained, for `krait explain`.
    #[cold]
    fn observe_module(&mut self, name: &str, filename: &str, code: &CachedCode) {
        let cache_path = code
            .cache_path
            .as_ref()
            .map(|path| path.display().to_string());
        let (cache_hit, detail) = match &code.outcome {
            Outcome::Loaded => (true, "loaded from the bytecode cache".to_owned()),
            Outcome::Compiled { reason, write } => {
                let written = match write {
                    CacheWrite::Written => "; cache written",
                    CacheWrite::Disabled => "; cache writing disabled",
                    CacheWrite::NotApplicable => "",
                    CacheWrite::Failed(_) => "; cache not written",
                };
                (false, format!("compiled from source ({reason}){written}"))
            }
        };
        if let Some(observer) = self.observer.as_mut() {
            let at_millis = observer.millis();
            observer.modules.push(crate::observe::ModuleLoad {
                name: name.to_owned(),
                filename: filename.to_owned(),
                cache_path,
                cache_hit,
                detail,
                at_millis,
            });
        }
    }

    /// The exception for source that cannot be read or compiled.
    pub(crate) fn failure_exception(&mut self, failure: Failure, filename: &str) -> PyErr {
        match failure {
            Failure::Syntax(error) => self.syntax_error_exception(&error),
            Failure::NotUtf8 { byte, offset, line } => {
                let message = format!("(unicode error) 'utf-8' codec can't decode byte 0x{byte:02x} in position {offset}: invalid start byte");
                let error = SyntaxError {
                    kind: krait_compiler::error::SyntaxErrorKind::Syntax,
                    message,
                    filename: filename.to_owned(),
                    line: line as u32,
                    column: 0,
                    end_line: 0,
                    end_column: 0,
                    source_line: String::new(),
                };
                self.syntax_error_exception(&error)
            }
            Failure::Io(error) => {
                let message = format!(
                    "[Errno {}] {}: '{filename}'",
                    error.raw_os_error().unwrap_or(0),
                    error
                );
                let class = self.runtime.types.os_error;
                self.runtime.new_error(class, message)
            }
        }
    }

    /// A SyntaxError (or IndentationError) exception as CPython raises it for a module that
    /// does not compile: args `(msg, (filename, lineno, offset, text, end_lineno, end_offset))`,
    /// which its attributes and the traceback's source block come from.
    pub(crate) fn syntax_error_exception(&mut self, error: &SyntaxError) -> PyErr {
        let class = match error.kind {
            krait_compiler::error::SyntaxErrorKind::Indentation => {
                self.runtime.types.indentation_error
            }
            krait_compiler::error::SyntaxErrorKind::Tab => self.runtime.types.tab_error,
            krait_compiler::error::SyntaxErrorKind::Syntax => self.runtime.types.syntax_error,
            krait_compiler::error::SyntaxErrorKind::Recursion => {
                let class = self.runtime.types.recursion_error;
                return self.runtime.new_error(class, &error.message);
            }
        };
        let mark = self.runtime.root_mark();
        let root = |runtime: &mut krait_runtime::Runtime, value: Value| {
            runtime.push_root(value);
            value
        };
        let message = self.runtime.new_str(&error.message);
        let message = root(&mut self.runtime, message);
        let filename = self.runtime.new_str(&error.filename);
        let filename = root(&mut self.runtime, filename);
        let text = if error.source_line.is_empty() {
            Value::NONE
        } else {
            self.runtime.new_str(&format!("{}\n", error.source_line))
        };
        let text = root(&mut self.runtime, text);
        let number = |value: u32| Value::small_int(i64::from(value)).unwrap_or(Value::NONE);
        let details = vec![
            filename,
            number(error.line),
            number(error.column),
            text,
            number(error.end_line),
            number(error.end_column),
        ];
        let details = self.runtime.new_tuple(details);
        let details = root(&mut self.runtime, details);
        let exception = self.runtime.new_exception(class, vec![message, details]);
        self.runtime.pop_roots(mark);
        PyErr { exception }
    }

    /// A module object with the attributes of a module found on the path; not registered.
    pub(super) fn new_source_module(&mut self, facts: &ModuleFacts) -> PyResult<Value> {
        let spec = self.new_spec(facts)?;
        let mark = self.runtime.root_mark();
        self.runtime.push_root(spec);
        let module = self.runtime.new_module(facts.name);
        self.runtime.push_root(module);
        let names = self.runtime.names;
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            self.runtime.pop_roots(mark);
            return Ok(module);
        };
        let dict = *dict;
        let package = match &facts.search_locations {
            Some(_) => facts.spec_name.to_owned(),
            None => facts
                .spec_name
                .rsplit_once('.')
                .map_or(String::new(), |(parent, _)| parent.to_owned()),
        };
        let package = self.runtime.new_str(&package);
        set_str_key(&mut self.runtime, dict, names.__package__, package);
        set_str_key(&mut self.runtime, dict, names.__loader__, Value::NONE);
        set_str_key(&mut self.runtime, dict, names.__spec__, spec);
        if let Some(locations) = &facts.search_locations {
            let path = self.string_list_value(locations);
            let key = self.runtime.intern("__path__");
            set_str_key(&mut self.runtime, dict, key, path);
        }
        match facts.file {
            Some(file) => {
                let file = self.runtime.new_str(file);
                set_str_key(&mut self.runtime, dict, names.__file__, file);
                let cached = facts
                    .cached
                    .map_or(Value::NONE, |cached| self.runtime.new_str(cached));
                let key = self.runtime.intern("__cached__");
                set_str_key(&mut self.runtime, dict, key, cached);
                let builtins = self.runtime.builtins;
                set_str_key(&mut self.runtime, dict, names.__builtins__, builtins);
            }
            // A namespace package has no file and runs no code.
            None => set_str_key(&mut self.runtime, dict, names.__file__, Value::NONE),
        }
        self.runtime.pop_roots(mark);
        Ok(module)
    }

    fn string_list_value(&mut self, items: &[String]) -> Value {
        let mark = self.runtime.root_mark();
        let values: Vec<Value> = items
            .iter()
            .map(|item| {
                let value = self.runtime.new_str(item);
                self.runtime.push_root(value);
                value
            })
            .collect();
        let list = self.runtime.new_list(values);
        self.runtime.pop_roots(mark);
        list
    }

    /// A `ModuleSpec` for a module.
    fn new_spec(&mut self, facts: &ModuleFacts) -> PyResult<Value> {
        let class = self.module_spec_class()?;
        let mark = self.runtime.root_mark();
        let name = self.runtime.new_str(facts.spec_name);
        self.runtime.push_root(name);
        let origin = facts
            .file
            .map_or(Value::NONE, |file| self.runtime.new_str(file));
        self.runtime.push_root(origin);
        let origin_key = self.runtime.intern("origin");
        let spec = protocol::call(self, class, &[name, Value::NONE, origin], &[origin_key]);
        let spec = match spec {
            Ok(spec) => spec,
            Err(error) => {
                self.runtime.pop_roots(mark);
                return Err(error);
            }
        };
        self.runtime.push_root(spec);
        if let Some(locations) = &facts.search_locations {
            let list = self.string_list_value(locations);
            let key = self.runtime.intern("submodule_search_locations");
            protocol::attribute::store_slot(&mut self.runtime, spec, key, list);
        }
        if let Some(cached) = facts.cached {
            let cached = self.runtime.new_str(cached);
            let key = self.runtime.intern("cached");
            protocol::attribute::store_slot(&mut self.runtime, spec, key, cached);
        }
        let key = self.runtime.intern("has_location");
        protocol::attribute::store_slot(
            &mut self.runtime,
            spec,
            key,
            Value::bool(facts.file.is_some()),
        );
        self.runtime.pop_roots(mark);
        Ok(spec)
    }

    /// The `ModuleSpec` class, defining it on first use.
    fn module_spec_class(&mut self) -> PyResult<Value> {
        let class_name = self.runtime.intern("ModuleSpec");
        if let Some(module) = self.sys_modules_get(BOOTSTRAP_MODULE) {
            if let Some(class) = protocol::attribute::find_attribute(self, module, class_name)? {
                return Ok(class);
            }
        }
        let code = match krait_compiler::compile_module(BOOTSTRAP, "<frozen importlib._bootstrap>")
        {
            Ok(code) => code,
            Err(error) => return Err(self.syntax_error_exception(&error)),
        };
        let module = self.runtime.new_module(BOOTSTRAP_MODULE);
        self.runtime.register_module(BOOTSTRAP_MODULE, module);
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            return Ok(Value::NONE);
        };
        let dict = *dict;
        let builtins_name = self.runtime.names.__builtins__;
        let builtins = self.runtime.builtins;
        set_str_key(&mut self.runtime, dict, builtins_name, builtins);
        let code_value = krait_runtime::loader::load_code(&mut self.runtime, &code);
        self.run_code(code_value, dict, dict)?;
        Ok(get_str_key(&mut self.runtime, dict, class_name).unwrap_or(Value::NONE))
    }

    /// Sets `module.__spec__._initializing`.
    fn set_initializing(&mut self, module: Value, initializing: bool) {
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            return;
        };
        let spec_name = self.runtime.names.__spec__;
        let Some(spec) = get_str_key(&mut self.runtime, *dict, spec_name) else {
            return;
        };
        if matches!(
            spec.as_object().map(|object| &object.payload),
            Some(Payload::Instance(_))
        ) {
            let key = self.runtime.intern("_initializing");
            protocol::attribute::store_slot(
                &mut self.runtime,
                spec,
                key,
                Value::bool(initializing),
            );
        }
    }

    /// Whether a module is still running its code (`__spec__._initializing`).
    pub(super) fn is_initializing(&mut self, module: Value) -> bool {
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload)
        else {
            return false;
        };
        let spec_name = self.runtime.names.__spec__;
        let Some(spec) = get_str_key(&mut self.runtime, *dict, spec_name) else {
            return false;
        };
        let key = self.runtime.intern("_initializing");
        matches!(protocol::attribute::find_attribute(self, spec, key), Ok(Some(value)) if protocol::is_true(self, value).unwrap_or(false))
    }
}
