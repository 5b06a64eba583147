//! The VM's side of the runtime's [`Host`] trait: how builtins call back into Python code.

use krait_runtime::{GeneratorStep, Host, PyResult, Runtime, Value};

use crate::frame::cell_contents;
use crate::Vm;

impl Host for Vm {
    fn runtime(&mut self) -> &mut Runtime {
        &mut self.runtime
    }

    fn recursion_limit_changed(&mut self) {
        self.refresh_call_limits();
    }

    fn call_function(
        &mut self,
        function: Value,
        arguments: &[Value],
        keyword_names: &[Value],
    ) -> PyResult<Value> {
        self.call_python(function, arguments, keyword_names)
    }

    fn run_class_body(&mut self, function: Value, namespace: Value) -> PyResult<Value> {
        self.run_class_body_function(function, namespace)
    }

    fn resume_generator(
        &mut self,
        generator: Value,
        value: Value,
        exception: Value,
    ) -> PyResult<GeneratorStep> {
        if exception.is_null() && self.jit.is_some() {
            if let Some(step) = self.resume_compiled(generator, value) {
                return step;
            }
        }
        self.resume(generator, value, exception)
    }

    fn super_arguments(&mut self) -> PyResult<(Value, Value)> {
        let Some(frame) = self.frames.last() else {
            return Err(self.runtime.runtime_error("super(): no arguments"));
        };
        let code = &frame.code.code;
        if frame.function.is_null() || code.argument_count == 0 && code.varnames.is_empty() {
            return Err(self.runtime.runtime_error("super(): no arguments"));
        }
        let mut first = self.stack.get(frame.base).copied().unwrap_or(Value::NULL);
        if first.is_null() {
            // The first parameter may live in a cell.
            if let Some(index) = code
                .cell_parameters
                .iter()
                .position(|parameter| *parameter == Some(0))
            {
                first = cell_contents(self.stack[frame.base + code.varnames.len() + index]);
            }
        }
        if first.is_null() {
            return Err(self.runtime.runtime_error("super(): arg[0] deleted"));
        }
        let Some(position) = code.freevars.iter().position(|name| &**name == "__class__") else {
            return Err(self
                .runtime
                .runtime_error("super(): __class__ cell not found"));
        };
        let cell = self.stack[frame.base + code.varnames.len() + code.cellvars.len() + position];
        let class = cell_contents(cell);
        if class.is_null() {
            return Err(self.runtime.runtime_error("super(): empty __class__ cell"));
        }
        Ok((first, class))
    }

    fn collect_garbage(&mut self) -> usize {
        Vm::collect_garbage(self)
    }

    fn handled_exception(&mut self) -> Value {
        self.topmost_handled_exception()
    }

    fn run_code(&mut self, code: Value, globals: Value, locals: Value) -> PyResult<Value> {
        Vm::run_code(self, code, globals, locals)
    }

    fn frame_namespaces(&mut self) -> PyResult<(Value, Value)> {
        if self.frames.is_empty() {
            return Ok((Value::NONE, Value::NONE));
        }
        self.namespaces_of(self.frames.len() - 1)
    }

    fn frame_records(&mut self, depth: usize) -> PyResult<Vec<krait_runtime::host::FrameRecord>> {
        let mut records = Vec::new();
        for index in (0..self.frames.len().saturating_sub(depth)).rev() {
            let (globals, locals) = self.namespaces_of(index)?;
            let frame = &self.frames[index];
            let line = frame.code.code.line_of(frame.ip.saturating_sub(1));
            records.push(krait_runtime::host::FrameRecord {
                code: frame.code_value,
                globals,
                locals,
                line,
            });
        }
        Ok(records)
    }

    fn import_module(&mut self, name: &str) -> PyResult<Value> {
        self.import_module_absolute(name)
    }

    fn allow_threads(&mut self, blocking: &mut dyn FnMut()) {
        Vm::allow_threads(self, blocking);
    }

    fn is_main_thread(&mut self) -> bool {
        self.threads.is_main()
    }

    fn start_thread(
        &mut self,
        function: Value,
        arguments: Value,
        keywords: Value,
    ) -> PyResult<u64> {
        Vm::start_thread(self, function, arguments, keywords)
    }

    fn thread_count(&mut self) -> usize {
        self.threads.running()
    }

    fn switch_interval(&mut self) -> f64 {
        self.threads.gil().interval_seconds()
    }

    fn set_switch_interval(&mut self, seconds: f64) {
        self.threads.gil().set_interval_seconds(seconds);
    }

    fn format_exception(&mut self, exception: Value) -> String {
        Vm::format_exception(self, exception)
    }
}

impl Vm {
    /// The global and local namespaces of the frame at `index` (a snapshot dict of a
    /// function's locals).
    fn namespaces_of(&mut self, index: usize) -> PyResult<(Value, Value)> {
        let frame = &self.frames[index];
        let (globals, locals, base, code) = (frame.globals, frame.locals, frame.base, frame.code);
        if !locals.is_null() {
            return Ok((globals, locals));
        }
        let snapshot = self.runtime.new_dict();
        for (index, &name) in code.varnames.iter().enumerate() {
            let value = self.stack[base + index];
            if !value.is_null() {
                krait_runtime::types::dict::set_str_key(&mut self.runtime, snapshot, name, value);
            }
        }
        let cells_base = base + code.code.varnames.len();
        for index in 0..code.code.cell_count() {
            let value = cell_contents(self.stack[cells_base + index]);
            if let (false, Some(name)) = (value.is_null(), code.code.cell_name(index)) {
                let name = self.runtime.intern(name);
                krait_runtime::types::dict::set_str_key(&mut self.runtime, snapshot, name, value);
            }
        }
        Ok((globals, snapshot))
    }
}
