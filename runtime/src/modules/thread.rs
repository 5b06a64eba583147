//! The `_thread` module: starting OS threads, thread identifiers, and the lock types that
//! `lib/threading.py` builds everything else on (`Condition`, `Event`, `Semaphore`, …).
//!
//! Starting a thread and the global interpreter lock are the VM's business (`krait-vm`'s
//! `threads` module), reached through [`Host::start_thread`] and [`Host::allow_threads`]; this
//! module checks arguments and owns the locks ([`lock`]).

pub mod lock;

use std::sync::Arc;

use crate::modules::native;
use crate::object::Payload;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

use lock::{Lock, LockState, ReentrantLock};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_thread");
    let lock_class = native::new_class(
        runtime,
        module,
        "_thread",
        "lock",
        &[
            ("acquire", lock::lock_acquire),
            ("acquire_lock", lock::lock_acquire),
            ("__enter__", lock::lock_acquire),
            ("release", lock::lock_release),
            ("release_lock", lock::lock_release),
            ("__exit__", lock::lock_exit),
            ("locked", lock::lock_locked),
            ("locked_lock", lock::lock_locked),
            ("__repr__", lock::lock_repr),
        ],
    );
    super::set(runtime, module, "LockType", lock_class);
    // CPython's module names the class only `LockType`.
    if let Some(Payload::Module { dict, .. }) = module.as_object().map(|object| &object.payload) {
        let name = runtime.intern("lock");
        crate::types::dict::remove_str_key(runtime, *dict, name);
    }
    let rlock_class = native::new_class(
        runtime,
        module,
        "_thread",
        "RLock",
        &[
            ("acquire", lock::rlock_acquire),
            ("__enter__", lock::rlock_acquire),
            ("release", lock::rlock_release),
            ("__exit__", lock::rlock_exit),
            ("_is_owned", lock::rlock_is_owned),
            ("_recursion_count", lock::rlock_recursion_count),
            ("_release_save", lock::rlock_release_save),
            ("_acquire_restore", lock::rlock_acquire_restore),
            ("__repr__", lock::rlock_repr),
        ],
    );
    // `RLock` names the factory function below; the class stays reachable for it.
    super::set(runtime, module, "_RLockType", rlock_class);
    super::add_functions(
        runtime,
        module,
        "_thread",
        &[
            ("start_new_thread", start_new_thread),
            ("start_new", start_new_thread),
            ("allocate_lock", allocate_lock),
            ("allocate", allocate_lock),
            ("RLock", allocate_rlock),
            ("get_ident", get_ident),
            ("get_native_id", get_native_id),
            ("_count", count),
            ("stack_size", stack_size),
            ("interrupt_main", interrupt_main),
            ("_get_context", get_context),
            ("_set_context", set_context),
        ],
    );
    let timeout_max = Value::float(lock::TIMEOUT_MAX);
    super::set(runtime, module, "TIMEOUT_MAX", timeout_max);
    let runtime_error = runtime.types.runtime_error;
    super::set(runtime, module, "error", runtime_error);
    module
}

/// The class a native object was made with.
fn class_named(host: &mut dyn Host, name: &str) -> PyResult<Value> {
    let module = host.import_module("_thread")?;
    let key = host.runtime().intern(name);
    let found = match module.as_object().map(|object| &object.payload) {
        Some(Payload::Module { dict, .. }) => {
            crate::types::dict::get_str_key(host.runtime(), *dict, key)
        }
        _ => None,
    };
    found.ok_or_else(|| host.runtime().runtime_error("_thread is incomplete"))
}

/// `allocate_lock()`: a new, unlocked lock.
fn allocate_lock(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_arguments(host, &arguments, "allocate_lock")?;
    let class = class_named(host, "LockType")?;
    let state = Lock(Arc::new(LockState::default()));
    Ok(native::new_object(host.runtime(), class, state))
}

/// `_thread.NAME()` with arguments: CPython's TypeError.
fn no_arguments(host: &mut dyn Host, arguments: &Arguments, name: &str) -> PyResult<()> {
    crate::builtins::no_keywords(host, arguments, &format!("_thread.{name}"))?;
    match arguments.values.len() {
        0 => Ok(()),
        given => Err(host.runtime().type_error(format!(
            "_thread.{name}() takes no arguments ({given} given)"
        ))),
    }
}

/// `_get_context()`: the calling thread's current `contextvars.Context`, or None before it has
/// one (krait's `contextvars` keeps the current context per thread here, as CPython keeps it
/// in the thread state).
fn get_context(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_arguments(host, &arguments, "_get_context")?;
    let context = host.runtime().thread_context;
    Ok(if context.is_null() {
        Value::NONE
    } else {
        context
    })
}

/// `_set_context(context)`: makes `context` (a `contextvars.Context`, or None for none yet)
/// the calling thread's current context.
fn set_context(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::no_keywords(host, &arguments, "_thread._set_context")?;
    let [context] = arguments.values[..] else {
        return Err(host.runtime().type_error(format!(
            "_thread._set_context() takes exactly one argument ({} given)",
            arguments.values.len()
        )));
    };
    host.runtime().thread_context = if context.is_none() {
        Value::NULL
    } else {
        context
    };
    Ok(Value::NONE)
}

/// `RLock(*args, **kwargs)`: a new reentrant lock (CPython ignores the arguments).
fn allocate_rlock(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let class = class_named(host, "_RLockType")?;
    let state = ReentrantLock(Arc::new(LockState::default()));
    Ok(native::new_object(host.runtime(), class, state))
}

/// `start_new_thread(function, args, kwargs=None)`: runs `function(*args, **kwargs)` in a new
/// thread; returns its identifier.
fn start_new_thread(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::no_keywords(host, &arguments, "start_new_thread")?;
    let values = arguments.values;
    if values.len() < 2 || values.len() > 3 {
        let message = format!(
            "start_new_thread expected at {} arguments, got {}",
            if values.len() < 2 {
                "least 2"
            } else {
                "most 3"
            },
            values.len()
        );
        return Err(host.runtime().type_error(message));
    }
    let (function, function_arguments) = (values[0], values[1]);
    let callable = crate::builtins::functions::callable(host, Arguments::positional(&[function]))?;
    if callable != Value::TRUE {
        return Err(host.runtime().type_error("first arg must be callable"));
    }
    if crate::types::tuple::items(function_arguments).is_none() {
        return Err(host.runtime().type_error("2nd arg must be a tuple"));
    }
    let keywords = match values.get(2) {
        None => Value::NULL,
        Some(&keywords) if crate::types::dict::table(keywords).is_some() => keywords,
        Some(_) => {
            return Err(host
                .runtime()
                .type_error("optional 3rd arg must be a dictionary"))
        }
    };
    let ident = host.start_thread(function, function_arguments, keywords)?;
    Ok(host.runtime().new_bigint(num_bigint::BigInt::from(ident)))
}

/// `get_ident()`: the calling thread's identifier (its pthread handle, as CPython).
fn get_ident(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_arguments(host, &arguments, "get_ident")?;
    let ident = lock::current_ident();
    Ok(host.runtime().new_bigint(num_bigint::BigInt::from(ident)))
}

/// `get_native_id()`: the kernel's id of the calling thread.
fn get_native_id(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    no_arguments(host, &arguments, "get_native_id")?;
    #[cfg(target_os = "linux")]
    // SAFETY: gettid has no preconditions and always succeeds.
    let id = i64::from(unsafe { libc::gettid() });
    #[cfg(not(target_os = "linux"))]
    let id = lock::current_ident() as i64;
    Ok(host.runtime().new_int(id))
}

/// `_count()`: the threads started by `start_new_thread` that are still running.
fn count(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let count = host.thread_count();
    Ok(host.runtime().new_int(count as i64))
}

/// `stack_size([size])`: krait gives every thread the interpreter's own large stack, so the
/// size is only checked and remembered as CPython would; returns the previous setting.
fn stack_size(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    crate::builtins::expect_arguments(host, &arguments, "stack_size", 0, 1)?;
    static REQUESTED: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(0);
    let previous = REQUESTED.load(std::sync::atomic::Ordering::Relaxed);
    if let Some(&size) = arguments.values.first() {
        let Some(size) = crate::types::int::as_int(size).and_then(|size| size.to_i64()) else {
            let runtime = host.runtime();
            let message = format!(
                "'{}' object cannot be interpreted as an integer",
                crate::protocol::type_name(runtime, size)
            );
            return Err(runtime.type_error(message));
        };
        if size != 0 && size < 32_768 {
            return Err(host
                .runtime()
                .value_error(format!("size not valid: {size} bytes")));
        }
        REQUESTED.store(size, std::sync::atomic::Ordering::Relaxed);
    }
    Ok(host.runtime().new_int(previous))
}

/// `interrupt_main()`: as if Ctrl-C were pressed: the main thread raises
/// `KeyboardInterrupt` at its next safepoint.
fn interrupt_main(_host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    crate::signals::request_interrupt();
    Ok(Value::NONE)
}
