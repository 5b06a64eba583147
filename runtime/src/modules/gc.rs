//! The `gc` module: `collect()`, `enable()`, `disable()`, `isenabled()`, `get_stats()`.

use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("gc");
    super::add_functions(
        runtime,
        module,
        "gc",
        &[
            ("collect", collect),
            ("enable", enable),
            ("disable", disable),
            ("isenabled", isenabled),
            ("get_stats", get_stats),
            ("get_count", get_count),
        ],
    );
    module
}

fn collect(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let freed = host.collect_garbage();
    host.runtime().heap.drop_dead();
    Ok(host.runtime().new_int(freed as i64))
}

fn enable(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    host.runtime().heap.enabled = true;
    Ok(Value::NONE)
}

fn disable(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    host.runtime().heap.enabled = false;
    Ok(Value::NONE)
}

fn isenabled(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(Value::bool(host.runtime().heap.enabled))
}

fn get_count(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let count = runtime.heap.object_count() as i64;
    let items = vec![
        runtime.new_int(count),
        runtime.new_int(0),
        runtime.new_int(0),
    ];
    Ok(runtime.new_tuple(items))
}

fn get_stats(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let statistics = runtime.heap.statistics;
    let dict = runtime.new_dict();
    for (name, value) in [
        ("collections", statistics.collections as i64),
        ("collected", statistics.collected as i64),
        ("uncollectable", 0),
        ("live_objects", statistics.live_objects as i64),
        (
            "pause_microseconds",
            (statistics.pause_nanoseconds / 1000) as i64,
        ),
    ] {
        let key = runtime.intern(name);
        let value = runtime.new_int(value);
        crate::types::dict::set_str_key(runtime, dict, key, value);
    }
    Ok(runtime.new_list(vec![dict]))
}
