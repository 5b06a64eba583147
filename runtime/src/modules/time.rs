//! The `time` module: clocks and `sleep` here, the calendar functions in [`calendar`].

mod calendar;

use std::sync::OnceLock;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("time");
    super::add_functions(
        runtime,
        module,
        "time",
        &[
            ("time", time),
            ("time_ns", time_ns),
            ("perf_counter", perf_counter),
            ("perf_counter_ns", perf_counter_ns),
            ("monotonic", perf_counter),
            ("monotonic_ns", perf_counter_ns),
            ("process_time", process_time),
            ("sleep", sleep),
        ],
    );
    super::add_functions(runtime, module, "time", calendar::FUNCTIONS);
    super::add_functions(
        runtime,
        module,
        "time",
        &[("__getattr__", python_half), ("strptime", strptime)],
    );
    calendar::add_constants(runtime, module);
    module
}

fn start() -> Instant {
    static START: OnceLock<Instant> = OnceLock::new();
    *START.get_or_init(Instant::now)
}

fn since_epoch() -> std::time::Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::float(since_epoch().as_secs_f64()))
}

fn time_ns(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let nanoseconds = since_epoch().as_nanos();
    Ok(host
        .runtime()
        .new_bigint(num_bigint::BigInt::from(nanoseconds)))
}

fn perf_counter(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::float(start().elapsed().as_secs_f64() + 1.0))
}

fn perf_counter_ns(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let nanoseconds = start().elapsed().as_nanos() + 1_000_000_000;
    Ok(host
        .runtime()
        .new_bigint(num_bigint::BigInt::from(nanoseconds)))
}

fn process_time(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    // CPU time of the process, from /proc when available; wall time since start otherwise.
    let cpu = std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
            let user: f64 = fields.get(11)?.parse().ok()?;
            let system: f64 = fields.get(12)?.parse().ok()?;
            Some((user + system) / 100.0)
        });
    Ok(Value::float(
        cpu.unwrap_or_else(|| start().elapsed().as_secs_f64()),
    ))
}

/// `time.sleep(seconds)`: flushes standard output, then sleeps with the interpreter lock
/// released; Ctrl-C cuts the main thread's sleep short with
/// `KeyboardInterrupt`, as in CPython. Lengths CPython cannot represent (in nanoseconds as a
/// 64-bit integer) raise its OverflowError instead of sleeping forever.
fn sleep(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let Some(&argument) = arguments.values.first() else {
        return Err(host
            .runtime()
            .type_error("sleep() takes exactly one argument (0 given)"));
    };
    let nanoseconds = if let Some(seconds) = argument.as_float() {
        if seconds.is_nan() {
            return Err(host
                .runtime()
                .value_error("Invalid value NaN (not a number)"));
        }
        let nanoseconds = (seconds * 1e9).ceil();
        if nanoseconds >= i64::MAX as f64 || nanoseconds < i64::MIN as f64 {
            return Err(host
                .runtime()
                .overflow_error("timestamp out of range for platform time_t"));
        }
        nanoseconds as i64
    } else if let Some(seconds) = crate::types::int::as_int(argument) {
        match seconds
            .to_i64()
            .and_then(|seconds| seconds.checked_mul(1_000_000_000))
        {
            Some(nanoseconds) => nanoseconds,
            None => {
                return Err(host
                    .runtime()
                    .overflow_error("timestamp too large to convert to C _PyTime_t"))
            }
        }
    } else {
        let runtime = host.runtime();
        let name = crate::protocol::type_name(runtime, argument);
        return Err(runtime.type_error(format!(
            "'{name}' object cannot be interpreted as an integer"
        )));
    };
    let Ok(nanoseconds) = u64::try_from(nanoseconds) else {
        return Err(host
            .runtime()
            .value_error("sleep length must be non-negative"));
    };
    host.runtime().output.flush_or_defer();
    // Other threads run meanwhile; only the main thread's sleep is cut short by Ctrl-C.
    let interruptible = host.is_main_thread();
    let duration = std::time::Duration::from_nanos(nanoseconds);
    let completed = crate::allow_threads(host, || {
        crate::signals::interruptible_sleep(duration, interruptible)
    });
    if completed {
        Ok(Value::NONE)
    } else {
        Err(crate::signals::keyboard_interrupt(host.runtime()))
    }
}

/// The module's `__getattr__` (PEP 562): `struct_time` comes from the Python half of the
/// module, `lib/_time_support.py`, imported on first use.
fn python_half(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let name = arguments.values.first().copied().unwrap_or(Value::NONE);
    if crate::protocol::str_value(name) == Some("struct_time") {
        let support = host.import_module("_time_support")?;
        return crate::protocol::attribute::get_attribute(host, support, name);
    }
    let message = format!(
        "module 'time' has no attribute '{}'",
        crate::protocol::str_value(name).unwrap_or("?")
    );
    Err(host.runtime().attribute_error(message))
}

/// `strptime(string, format)`: written in Python (`_time_support.strptime`).
fn strptime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let support = host.import_module("_time_support")?;
    let name = host.runtime().intern("strptime");
    let function = crate::protocol::attribute::get_attribute(host, support, name)?;
    crate::protocol::call::call(host, function, arguments.values, arguments.keyword_names)
}
