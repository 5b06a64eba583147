//! Traceback and frame objects: `exception.__traceback__`, `tb_next`, `tb_lineno`,
//! `tb_frame.f_code`, …
//!
//! An exception records its traceback as plain entries (code and instruction, innermost frame
//! first; see `ExceptionData`). The objects Python code sees are views made on demand of one
//! entry of one exception: the head is the outermost entry, `tb_next` moves inward, and a
//! traceback's frame is a view of the same entry whose `f_back` is the entry outside it.
//! A frame seen this way has finished running, so it carries no locals or globals.

use crate::object::Payload;
use crate::runtime::exception_data;
use crate::value::Value;
use crate::{Host, PyResult, Runtime};

/// The traceback object whose first frame is entry `index` of `exception`'s traceback.
fn view(runtime: &mut Runtime, exception: Value, index: usize, frame: bool) -> Value {
    runtime.heap.allocate(Payload::Traceback {
        exception,
        index: index as u32,
        frame,
    })
}

/// `exception.__traceback__`: None when nothing was recorded.
pub fn head(runtime: &mut Runtime, exception: Value) -> Value {
    let length = exception_data(exception).map_or(0, |data| data.get().traceback.len());
    if length == 0 {
        return Value::NONE;
    }
    view(runtime, exception, length - 1, false)
}

/// The exception and entry index behind a traceback (not frame) view.
fn parts(value: Value) -> Option<(Value, usize)> {
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Traceback {
            exception,
            index,
            frame: false,
        }) => Some((*exception, *index as usize)),
        _ => None,
    }
}

/// Replaces `exception`'s traceback with the one `traceback` starts (None clears it): what
/// `with_traceback(tb)` and `exception.__traceback__ = tb` do.
pub fn assign(host: &mut dyn Host, exception: Value, traceback: Value) -> PyResult<()> {
    let entries = if traceback.is_none() {
        Vec::new()
    } else if let Some((source, index)) = parts(traceback) {
        exception_data(source)
            .map(|data| {
                let entries = &data.get().traceback;
                entries[..=index.min(entries.len().saturating_sub(1))].to_vec()
            })
            .unwrap_or_default()
    } else {
        return Err(host
            .runtime()
            .type_error("__traceback__ must be a traceback or None"));
    };
    if let Some(data) = exception_data(exception) {
        data.get().traceback = entries;
    }
    Ok(())
}

/// The attributes of traceback and frame views.
pub fn attribute(runtime: &mut Runtime, value: Value, name: Value) -> Option<Value> {
    let Some(Payload::Traceback {
        exception,
        index,
        frame,
    }) = value.as_object().map(|object| &object.payload)
    else {
        return None;
    };
    let (exception, index, frame) = (*exception, *index as usize, *frame);
    let entry = exception_data(exception)?
        .get()
        .traceback
        .get(index)
        .copied()?;
    let line = || {
        crate::loader::code_data(entry.code)
            .map_or(0, |code| code.code.line_of(entry.instruction as usize))
    };
    let text = crate::protocol::str_value(name)?;
    let length = exception_data(exception).map_or(0, |data| data.get().traceback.len());
    if frame {
        return match text {
            "f_code" => Some(entry.code),
            "f_lineno" => Some(runtime.new_int(i64::from(line()))),
            "f_lasti" => Some(runtime.new_int(i64::from(entry.instruction) * 2)),
            "f_back" => Some(if index + 1 < length {
                view(runtime, exception, index + 1, true)
            } else {
                Value::NONE
            }),
            _ => None,
        };
    }
    match text {
        "tb_next" => Some(if index > 0 {
            view(runtime, exception, index - 1, false)
        } else {
            Value::NONE
        }),
        "tb_lineno" => Some(runtime.new_int(i64::from(line()))),
        "tb_lasti" => Some(runtime.new_int(i64::from(entry.instruction) * 2)),
        "tb_frame" => Some(view(runtime, exception, index, true)),
        _ => None,
    }
}

/// `repr()` of a traceback or frame view.
pub fn repr(value: Value) -> String {
    let address = value.bits() & ((1 << 48) - 1);
    match value.as_object().map(|object| &object.payload) {
        Some(Payload::Traceback {
            frame: true,
            exception,
            index,
        }) => {
            let entry = exception_data(*exception)
                .and_then(|data| data.get().traceback.get(*index as usize).copied());
            let (file, line, name) = entry
                .and_then(|entry| {
                    crate::loader::code_data(entry.code).map(|code| {
                        (
                            code.code.filename.to_string(),
                            code.code.line_of(entry.instruction as usize),
                            code.code.name.to_string(),
                        )
                    })
                })
                .unwrap_or_default();
            format!("<frame at {address:#x}, file '{file}', line {line}, code {name}>")
        }
        _ => format!("<traceback object at {address:#x}>"),
    }
}
