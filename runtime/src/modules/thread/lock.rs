//! The lock objects of `_thread`: `lock` (`allocate_lock()`, `LockType`) and `RLock`.
//!
//! A lock must be waited for without the global interpreter lock, or the thread that will
//! release it could never run. So a lock's state is plain Rust shared between OS threads — a
//! mutex-protected flag (or owner and count) and a condition variable — kept in an `Arc` by
//! the Python object. A waiter first tries to take it with the interpreter lock held (the
//! common, uncontended case costs no switch); otherwise it clones the `Arc` and waits inside
//! [`crate::allow_threads`], touching no Python object.
//!
//! Only the main thread's waits are cut short by Ctrl-C, as in CPython: they wake every
//! [`crate::signals::INTERRUPT_CHECK_INTERVAL`] to look at the interrupt flag, and raise
//! `KeyboardInterrupt` once the interpreter lock is theirs again.

use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::builtins::optional_parameters;
use crate::modules::native;
use crate::value::Value;
use crate::{Arguments, Host, PyResult};

/// The longest timeout a wait accepts, in seconds (`_thread.TIMEOUT_MAX`, CPython's value on
/// 64-bit Linux).
pub const TIMEOUT_MAX: f64 = 9_223_372_036.0;

/// What the waiting part of an acquire came back with.
enum Wait {
    Acquired,
    TimedOut,
    Interrupted,
}

/// Who holds a lock: for a plain lock only whether it is held; for an `RLock` its owner (a
/// thread identifier, 0 for none) and how many times the owner acquired it.
#[derive(Default)]
struct Holder {
    owner: u64,
    count: usize,
}

/// The state shared by a lock object and the threads waiting for it.
#[derive(Default)]
pub struct LockState {
    holder: Mutex<Holder>,
    released: Condvar,
}

impl LockState {
    fn holder(&self) -> MutexGuard<'_, Holder> {
        // A panic while holding this mutex is an internal error already being reported; the
        // state itself (two integers) is always consistent.
        self.holder
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Takes the lock for `owner` if it is free (or, `reentrant`, already `owner`'s).
    fn try_acquire(&self, owner: u64, reentrant: bool) -> bool {
        let mut holder = self.holder();
        if holder.count == 0 {
            holder.owner = owner;
            holder.count = 1;
            true
        } else if reentrant && holder.owner == owner {
            holder.count += 1;
            true
        } else {
            false
        }
    }

    /// Waits until the lock is free and takes it for `owner`, until `deadline`; the main
    /// thread (`interruptible`) gives up when Ctrl-C is pressed. Runs without the interpreter
    /// lock.
    fn wait_acquire(&self, owner: u64, deadline: Option<Instant>, interruptible: bool) -> Wait {
        let mut holder = self.holder();
        loop {
            if holder.count == 0 {
                holder.owner = owner;
                holder.count = 1;
                return Wait::Acquired;
            }
            if interruptible && crate::signals::interrupt_pending() {
                return Wait::Interrupted;
            }
            let mut slice = if interruptible {
                crate::signals::INTERRUPT_CHECK_INTERVAL
            } else {
                Duration::from_secs(3600)
            };
            if let Some(deadline) = deadline {
                let now = Instant::now();
                if now >= deadline {
                    return Wait::TimedOut;
                }
                slice = slice.min(deadline - now);
            }
            holder = match self.released.wait_timeout(holder, slice) {
                Ok((holder, _)) => holder,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
    }

    /// Releases one acquisition; false when the lock was not held (by `owner`, when given).
    fn release(&self, owner: Option<u64>) -> bool {
        let mut holder = self.holder();
        if holder.count == 0 || owner.is_some_and(|owner| holder.owner != owner) {
            return false;
        }
        holder.count -= 1;
        if holder.count == 0 {
            holder.owner = 0;
            drop(holder);
            self.released.notify_one();
        }
        true
    }
}

/// A plain lock object's state.
pub struct Lock(pub Arc<LockState>);

/// A reentrant lock object's state.
pub struct ReentrantLock(pub Arc<LockState>);

/// The identifier of the calling OS thread (`_thread.get_ident()`): its pthread handle, as
/// CPython.
// `pthread_t` is an integer on Linux and a pointer on other systems.
#[allow(clippy::unnecessary_cast)]
pub fn current_ident() -> u64 {
    // SAFETY: pthread_self has no preconditions and always succeeds.
    unsafe { libc::pthread_self() as u64 }
}

/// Parses `acquire(blocking=True, timeout=-1)`: the deadline to wait until (`None`: forever),
/// or no wait at all (`Ok(None)` for the outer option).
fn acquire_arguments(
    host: &mut dyn Host,
    arguments: &Arguments,
) -> PyResult<Option<Option<Instant>>> {
    let values = arguments.positionals();
    let positional = values.get(1..).unwrap_or(&[]);
    let keyword_values =
        &arguments.values[arguments.values.len() - arguments.keyword_names.len()..];
    let bound = optional_parameters(
        host,
        "acquire",
        positional,
        arguments.keyword_names,
        keyword_values,
        &["blocking", "timeout"],
    )?;
    let blocking = match bound[0] {
        Some(value) => crate::protocol::is_true(host, value)?,
        None => true,
    };
    let timeout = match bound[1] {
        None => -1.0,
        Some(value) => match value.as_float() {
            Some(seconds) if seconds.is_nan() => {
                return Err(host
                    .runtime()
                    .value_error("Invalid value NaN (not a number)"))
            }
            Some(seconds) => seconds,
            None => match crate::types::int::as_int(value) {
                Some(int) => match int
                    .to_i64()
                    .filter(|seconds| seconds.unsigned_abs() < 1 << 33)
                {
                    Some(seconds) => seconds as f64,
                    None => {
                        return Err(host
                            .runtime()
                            .overflow_error("timestamp too large to convert to C _PyTime_t"))
                    }
                },
                None => {
                    let runtime = host.runtime();
                    let message = format!(
                        "'{}' object cannot be interpreted as an integer",
                        crate::protocol::type_name(runtime, value)
                    );
                    return Err(runtime.type_error(message));
                }
            },
        },
    };
    if !blocking {
        if timeout != -1.0 {
            return Err(host
                .runtime()
                .value_error("can't specify a timeout for a non-blocking call"));
        }
        return Ok(None);
    }
    if timeout == -1.0 {
        return Ok(Some(None));
    }
    if timeout < 0.0 {
        return Err(host.runtime().value_error("timeout value must be positive"));
    }
    if timeout > TIMEOUT_MAX {
        return Err(host
            .runtime()
            .overflow_error("timestamp out of range for platform time_t"));
    }
    Ok(Some(
        Instant::now().checked_add(Duration::from_secs_f64(timeout)),
    ))
}

/// Acquires `state` for the calling thread as `acquire(blocking, timeout)` asks.
fn acquire(
    host: &mut dyn Host,
    arguments: &Arguments,
    state: Arc<LockState>,
    reentrant: bool,
) -> PyResult<Value> {
    let wait = acquire_arguments(host, arguments)?;
    let owner = current_ident();
    if state.try_acquire(owner, reentrant) {
        return Ok(Value::TRUE);
    }
    let Some(deadline) = wait else {
        return Ok(Value::FALSE);
    };
    let interruptible = host.is_main_thread();
    let outcome = crate::allow_threads(host, move || {
        state.wait_acquire(owner, deadline, interruptible)
    });
    match outcome {
        Wait::Acquired => Ok(Value::TRUE),
        Wait::TimedOut => Ok(Value::FALSE),
        Wait::Interrupted => {
            crate::signals::take_interrupt();
            Err(crate::signals::keyboard_interrupt(host.runtime()))
        }
    }
}

fn lock_state(host: &mut dyn Host, arguments: &Arguments) -> PyResult<Arc<LockState>> {
    Ok(native::receiver::<Lock>(host, arguments, "_thread.lock")?
        .0
        .clone())
}

fn rlock_state(host: &mut dyn Host, arguments: &Arguments) -> PyResult<Arc<LockState>> {
    Ok(
        native::receiver::<ReentrantLock>(host, arguments, "_thread.RLock")?
            .0
            .clone(),
    )
}

/// `lock.acquire(blocking=True, timeout=-1)`.
pub fn lock_acquire(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = lock_state(host, &arguments)?;
    acquire(host, &arguments, state, false)
}

/// `lock.release()`.
pub fn lock_release(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = lock_state(host, &arguments)?;
    if state.release(None) {
        Ok(Value::NONE)
    } else {
        Err(host.runtime().runtime_error("release unlocked lock"))
    }
}

/// `lock.__exit__(*exception)`: releases.
pub fn lock_exit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    lock_release(
        host,
        Arguments::positional(&arguments.values[..1.min(arguments.values.len())]),
    )
}

/// `lock.locked()`.
pub fn lock_locked(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = lock_state(host, &arguments)?;
    let held = state.holder().count > 0;
    Ok(Value::bool(held))
}

/// `repr(lock)`: `<unlocked _thread.lock object at 0x…>`.
pub fn lock_repr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = lock_state(host, &arguments)?;
    let held = state.holder().count > 0;
    let address = arguments.values[0].bits() & ((1 << 48) - 1);
    let text = format!(
        "<{} _thread.lock object at {address:#x}>",
        if held { "locked" } else { "unlocked" }
    );
    Ok(host.runtime().new_string(text))
}

/// `rlock.acquire(blocking=True, timeout=-1)`: again by its owner just counts.
pub fn rlock_acquire(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    acquire(host, &arguments, state, true)
}

/// `rlock.release()`: only by its owner.
pub fn rlock_release(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    if state.release(Some(current_ident())) {
        Ok(Value::NONE)
    } else {
        Err(host
            .runtime()
            .runtime_error("cannot release un-acquired lock"))
    }
}

/// `rlock.__exit__(*exception)`: releases.
pub fn rlock_exit(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    rlock_release(
        host,
        Arguments::positional(&arguments.values[..1.min(arguments.values.len())]),
    )
}

/// `rlock._is_owned()`: whether the calling thread holds it.
pub fn rlock_is_owned(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    let holder = state.holder();
    Ok(Value::bool(
        holder.count > 0 && holder.owner == current_ident(),
    ))
}

/// `rlock._recursion_count()`: how many times the calling thread holds it.
pub fn rlock_recursion_count(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    let holder = state.holder();
    let count = if holder.owner == current_ident() {
        holder.count
    } else {
        0
    };
    drop(holder);
    Ok(host.runtime().new_int(count as i64))
}

/// `rlock._release_save()`: releases every acquisition (for `Condition.wait`); returns
/// `(count, owner)` for `_acquire_restore`.
pub fn rlock_release_save(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    let mut holder = state.holder();
    if holder.count == 0 {
        drop(holder);
        return Err(host
            .runtime()
            .runtime_error("cannot release un-acquired lock"));
    }
    let (count, owner) = (holder.count, holder.owner);
    holder.count = 0;
    holder.owner = 0;
    drop(holder);
    state.released.notify_one();
    let runtime = host.runtime();
    let count = runtime.new_int(count as i64);
    let owner = runtime.new_bigint(num_bigint::BigInt::from(owner));
    Ok(runtime.new_tuple_from(&[count, owner]))
}

/// `rlock._acquire_restore((count, owner))`: waits for the lock, then restores the count.
pub fn rlock_acquire_restore(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    let saved = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    let count = crate::types::tuple::items(saved)
        .and_then(|items| items.first().copied())
        .and_then(crate::types::int::as_int)
        .and_then(|count| count.to_i64())
        .filter(|&count| count > 0);
    let Some(count) = count else {
        return Err(host
            .runtime()
            .type_error("_acquire_restore() argument 1 must be a (count, owner) tuple"));
    };
    let wait = Arguments::positional(&arguments.values[..1]);
    acquire(host, &wait, state.clone(), false)?;
    state.holder().count = count as usize;
    Ok(Value::NONE)
}

/// `repr(rlock)`: `<unlocked _thread.RLock object owner=0 count=0 at 0x…>`.
pub fn rlock_repr(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = rlock_state(host, &arguments)?;
    let holder = state.holder();
    let (owner, count) = (holder.owner, holder.count);
    drop(holder);
    let address = arguments.values[0].bits() & ((1 << 48) - 1);
    let text = format!(
        "<{} _thread.RLock object owner={owner} count={count} at {address:#x}>",
        if count > 0 { "locked" } else { "unlocked" }
    );
    Ok(host.runtime().new_string(text))
}
