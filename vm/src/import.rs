//! Imports of the native modules (`sys`, `math`, `time`, `gc`); the full import system with
//! source modules and the bytecode cache is its own issue.

use krait_runtime::object::Payload;
use krait_runtime::types::dict::{get_str_key, pairs, set_str_key};
use krait_runtime::{protocol, PyResult, Value};

use crate::Vm;

impl Vm {
    /// `import name` (returns the top-level package for dotted names, as `IMPORT_NAME`).
    pub(crate) fn import_name(&mut self, name: Value, level: Value) -> PyResult<Value> {
        let text = protocol::str_value(name).unwrap_or("").to_owned();
        if level.as_small_int().unwrap_or(0) > 0 {
            let runtime = &mut self.runtime;
            return Err(runtime.new_error(runtime.types.import_error, "attempted relative import with no known parent package"));
        }
        let top = text.split('.').next().unwrap_or("").to_owned();
        let module = self.find_module(&top)?;
        if text.contains('.') {
            let runtime = &mut self.runtime;
            let message = format!("No module named '{text}'; '{top}' is not a package");
            return Err(runtime.new_error(runtime.types.module_not_found_error, message));
        }
        Ok(module)
    }

    fn find_module(&mut self, name: &str) -> PyResult<Value> {
        let key = self.runtime.intern(name);
        let modules = self.runtime.modules;
        if let Some(module) = get_str_key(&mut self.runtime, modules, key) {
            return Ok(module);
        }
        if name == "builtins" {
            let dict = self.runtime.builtins;
            let module_name = self.runtime.intern("builtins");
            let module = self.runtime.heap.allocate(Payload::Module { name: module_name, dict });
            self.runtime.register_module("builtins", module);
            return Ok(module);
        }
        match krait_runtime::modules::create(&mut self.runtime, name) {
            Some(module) => Ok(module),
            None => {
                let runtime = &mut self.runtime;
                let message = format!("No module named '{name}'");
                Err(runtime.new_error(runtime.types.module_not_found_error, message))
            }
        }
    }

    /// `from module import name`.
    pub(crate) fn import_from(&mut self, module: Value, name: Value) -> PyResult<Value> {
        match protocol::attribute::find_attribute(self, module, name)? {
            Some(value) => Ok(value),
            None => {
                let module_name = match module.as_object().map(|object| &object.payload) {
                    Some(Payload::Module { name, .. }) => protocol::str_value(*name).unwrap_or("?").to_owned(),
                    _ => "?".to_owned(),
                };
                let runtime = &mut self.runtime;
                let message = format!("cannot import name '{}' from '{module_name}' (unknown location)", protocol::str_value(name).unwrap_or("?"));
                Err(runtime.new_error(runtime.types.import_error, message))
            }
        }
    }

    /// `from module import *`.
    pub(crate) fn import_star(&mut self, module: Value, locals: Value) -> PyResult<()> {
        let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload) else { return Ok(()) };
        let all_name = self.runtime.names.__all__;
        let explicit = get_str_key(&mut self.runtime, *dict, all_name);
        let names: Vec<(Value, Value)> = match explicit {
            Some(all) => {
                let mut pairs_out = Vec::new();
                for name in protocol::collect(self, all)? {
                    let name = self.runtime.intern_value(name);
                    let value = protocol::get_attribute(self, module, name)?;
                    pairs_out.push((name, value));
                }
                pairs_out
            }
            None => pairs(*dict).into_iter().filter(|(key, _)| !protocol::str_value(*key).unwrap_or("_").starts_with('_')).collect(),
        };
        for (name, value) in names {
            set_str_key(&mut self.runtime, locals, name, value);
        }
        Ok(())
    }
}
