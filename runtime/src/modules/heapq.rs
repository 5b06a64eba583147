//! `_heapq`: the heap operations of `heapq` (`lib/heapq.py`) in Rust, as CPython's C
//! `_heapq` does them.
//!
//! The sifting follows CPython's layout exactly (a refilled slot takes the smaller child down
//! to a leaf, then the displaced item rises), so the list contents match CPython step by step.
//! Items are compared with `<` only, which may run Python code: every item held outside the
//! list is rooted while that happens, and a comparison that changes the list's size stops
//! the operation with CPython's RuntimeError.

use krait_compiler::Comparison;

use crate::protocol::compare_bool;
use crate::types::list::items;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_heapq");
    super::add_functions(
        runtime,
        module,
        "_heapq",
        &[
            ("heappush", heappush),
            ("heappop", heappop),
            ("heapify", heapify),
            ("heapreplace", heapreplace),
            ("heappushpop", heappushpop),
        ],
    );
    module
}

/// The list argument (CPython's messages for a missing or wrong one).
fn heap_argument(
    host: &mut dyn Host,
    arguments: &Arguments,
    function: &str,
    count: usize,
) -> PyResult<Value> {
    let positionals = arguments.positionals();
    if !arguments.keyword_names.is_empty() {
        return Err(host
            .runtime()
            .type_error(format!("_heapq.{function}() takes no keyword arguments")));
    }
    if positionals.len() != count {
        let message = if count == 1 {
            format!(
                "_heapq.{function}() takes exactly one argument ({} given)",
                positionals.len()
            )
        } else {
            format!(
                "{function} expected {count} arguments, got {}",
                positionals.len()
            )
        };
        return Err(host.runtime().type_error(message));
    }
    let heap = positionals[0];
    if items(heap).is_none() {
        let type_name = crate::protocol::type_name(host.runtime(), heap);
        let which = if count == 1 { "" } else { " 1" };
        return Err(host.runtime().type_error(format!(
            "{function}() argument{which} must be list, not {type_name}"
        )));
    }
    Ok(heap)
}

/// `left < right`, then a check that the heap kept its length.
fn less(
    host: &mut dyn Host,
    heap: Value,
    left: Value,
    right: Value,
    size: usize,
) -> PyResult<bool> {
    let result = compare_bool(host, left, right, Comparison::Less)?;
    if items(heap).map_or(0, |values| values.len()) != size {
        return Err(host
            .runtime()
            .runtime_error("list changed size during iteration"));
    }
    Ok(result)
}

fn get(heap: Value, index: usize) -> Value {
    items(heap)
        .and_then(|values| values.get(index).copied())
        .unwrap_or(Value::NONE)
}

fn set(heap: Value, index: usize, value: Value) {
    if let Some(slot) = items(heap).and_then(|values| values.get_mut(index)) {
        *slot = value;
    }
}

/// Moves the item at `position` up towards `start` while it is smaller than its parent.
fn sift_down(host: &mut dyn Host, heap: Value, start: usize, mut position: usize) -> PyResult<()> {
    let size = items(heap).map_or(0, |values| values.len());
    if position >= size {
        return Err(host.runtime().index_error("index out of range"));
    }
    let item = get(heap, position);
    let mark = host.runtime().root_mark();
    host.runtime().push_root(item);
    let result = (|| {
        while position > start {
            let parent_position = (position - 1) >> 1;
            let parent = get(heap, parent_position);
            if !less(host, heap, item, parent, size)? {
                break;
            }
            set(heap, position, get(heap, parent_position));
            position = parent_position;
        }
        Ok(())
    })();
    if result.is_ok() {
        set(heap, position, item);
    }
    host.runtime().pop_roots(mark);
    result
}

/// Refills slot `position`: the smaller child moves up, down to a leaf; then the item that
/// was at `position` goes there and rises to its place.
fn sift_up(host: &mut dyn Host, heap: Value, mut position: usize) -> PyResult<()> {
    let end = items(heap).map_or(0, |values| values.len());
    let start = position;
    if position >= end {
        return Err(host.runtime().index_error("index out of range"));
    }
    let item = get(heap, position);
    let mark = host.runtime().root_mark();
    host.runtime().push_root(item);
    let result = (|| {
        let mut child = 2 * position + 1;
        while child < end {
            let right = child + 1;
            if right < end && !less(host, heap, get(heap, child), get(heap, right), end)? {
                child = right;
            }
            set(heap, position, get(heap, child));
            position = child;
            child = 2 * position + 1;
        }
        set(heap, position, item);
        sift_down(host, heap, start, position)
    })();
    host.runtime().pop_roots(mark);
    result
}

fn heappush(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let heap = heap_argument(host, &arguments, "heappush", 2)?;
    let item = arguments.positionals()[1];
    let size = match items(heap) {
        Some(values) => {
            values.push(item);
            values.len()
        }
        None => return Ok(Value::NONE),
    };
    sift_down(host, heap, 0, size - 1)?;
    Ok(Value::NONE)
}

fn heappop(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let heap = heap_argument(host, &arguments, "heappop", 1)?;
    let Some(last) = items(heap).and_then(Vec::pop) else {
        return Err(host.runtime().index_error("index out of range"));
    };
    if items(heap).is_none_or(|values| values.is_empty()) {
        return Ok(last);
    }
    let first = get(heap, 0);
    set(heap, 0, last);
    let mark = host.runtime().root_mark();
    host.runtime().push_root(first);
    let result = sift_up(host, heap, 0);
    host.runtime().pop_roots(mark);
    result.map(|()| first)
}

fn heapreplace(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let heap = heap_argument(host, &arguments, "heapreplace", 2)?;
    let item = arguments.positionals()[1];
    if items(heap).is_none_or(|values| values.is_empty()) {
        return Err(host.runtime().index_error("index out of range"));
    }
    let first = get(heap, 0);
    set(heap, 0, item);
    let mark = host.runtime().root_mark();
    host.runtime().push_root(first);
    let result = sift_up(host, heap, 0);
    host.runtime().pop_roots(mark);
    result.map(|()| first)
}

fn heappushpop(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let heap = heap_argument(host, &arguments, "heappushpop", 2)?;
    let item = arguments.positionals()[1];
    let size = items(heap).map_or(0, |values| values.len());
    if size == 0 {
        return Ok(item);
    }
    let first = get(heap, 0);
    if !less(host, heap, first, item, size)? {
        return Ok(item);
    }
    if items(heap).is_none_or(|values| values.is_empty()) {
        return Err(host.runtime().index_error("index out of range"));
    }
    let first = get(heap, 0);
    set(heap, 0, item);
    let mark = host.runtime().root_mark();
    host.runtime().push_root(first);
    let result = sift_up(host, heap, 0);
    host.runtime().pop_roots(mark);
    result.map(|()| first)
}

fn heapify(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let heap = heap_argument(host, &arguments, "heapify", 1)?;
    let size = items(heap).map_or(0, |values| values.len());
    for position in (0..size / 2).rev() {
        sift_up(host, heap, position)?;
    }
    Ok(Value::NONE)
}
