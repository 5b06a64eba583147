//! `_select`: waiting for file descriptors, under `lib/select.py` and `lib/selectors.py`.
//!
//! The functions take plain descriptor numbers; `select.py` turns objects with `fileno()` into
//! them and gives CPython's signatures and classes (`select.epoll`, `select.poll`). All three
//! waits (`select`, `poll`, `epoll_wait`) go through [`blocking`], the one place here that
//! releases the global interpreter lock so other threads run while this one waits. A wait cut short by a signal (EINTR) raises
//! `KeyboardInterrupt` after Ctrl-C and otherwise resumes with what is left of its timeout
//! (PEP 475), so an asyncio program waiting for its next timer stops on Ctrl-C.
//!
//! Waits are cut into slices of at most [`SLICE_MILLISECONDS`]: the SIGINT handler may run on
//! another thread than the one waiting (krait runs Python code on a worker thread), and then
//! the wait sees no EINTR; between slices it looks at the interrupt flag, as `time.sleep`
//! does ([`wait_in_slices`]).
//!
//! `select.select` is built on `poll(2)`: it has no `FD_SETSIZE` limit and no undefined
//! behaviour for large descriptors, and it reports the same readiness.

use std::time::{Duration, Instant};

use super::{argument, int_argument};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_select");
    super::add_functions(
        runtime,
        module,
        "_select",
        &[
            ("select", select),
            ("poll", poll),
            ("epoll_create", epoll_create),
            ("epoll_ctl", epoll_ctl),
            ("epoll_wait", epoll_wait),
        ],
    );
    let constants: &[(&str, i64)] = &[
        ("POLLIN", i64::from(libc::POLLIN)),
        ("POLLPRI", i64::from(libc::POLLPRI)),
        ("POLLOUT", i64::from(libc::POLLOUT)),
        ("POLLERR", i64::from(libc::POLLERR)),
        ("POLLHUP", i64::from(libc::POLLHUP)),
        ("POLLNVAL", i64::from(libc::POLLNVAL)),
        ("POLLRDHUP", i64::from(libc::POLLRDHUP)),
        ("EPOLLIN", i64::from(libc::EPOLLIN)),
        ("EPOLLPRI", i64::from(libc::EPOLLPRI)),
        ("EPOLLOUT", i64::from(libc::EPOLLOUT)),
        ("EPOLLERR", i64::from(libc::EPOLLERR)),
        ("EPOLLHUP", i64::from(libc::EPOLLHUP)),
        ("EPOLLRDHUP", i64::from(libc::EPOLLRDHUP)),
        ("EPOLLET", i64::from(libc::EPOLLET as u32)),
        ("EPOLLONESHOT", i64::from(libc::EPOLLONESHOT)),
        ("EPOLLEXCLUSIVE", i64::from(libc::EPOLLEXCLUSIVE)),
        ("EPOLL_CTL_ADD", i64::from(libc::EPOLL_CTL_ADD)),
        ("EPOLL_CTL_MOD", i64::from(libc::EPOLL_CTL_MOD)),
        ("EPOLL_CTL_DEL", i64::from(libc::EPOLL_CTL_DEL)),
    ];
    for &(name, value) in constants {
        super::set(
            runtime,
            module,
            name,
            Value::small_int(value).unwrap_or(Value::NONE),
        );
    }
    module
}

/// Runs a wait that may block the thread (`poll(2)`, `epoll_wait(2)`) with the global
/// interpreter lock released, so other Python threads run meanwhile.
///
/// blocking: the GIL is released here. The closure must not touch Python values: it only
/// makes system calls on plain data.
fn blocking<R>(host: &mut dyn Host, call: impl FnOnce() -> R) -> R {
    crate::allow_threads(host, call)
}

fn descriptor(host: &mut dyn Host, value: Value) -> PyResult<libc::c_int> {
    let number = int_argument(host, value)?;
    if number < 0 {
        let message = format!("file descriptor cannot be a negative integer ({number})");
        return Err(host.runtime().value_error(message));
    }
    match libc::c_int::try_from(number) {
        Ok(number) => Ok(number),
        Err(_) => Err(host.runtime().overflow_error("fd is greater than maximum")),
    }
}

fn descriptors(host: &mut dyn Host, list: Value) -> PyResult<Vec<libc::c_int>> {
    let items: Vec<Value> = match crate::types::list::items(list) {
        Some(items) => items.clone(),
        None => crate::types::tuple::items(list).unwrap_or(&[]).to_vec(),
    };
    items
        .into_iter()
        .map(|item| descriptor(host, item))
        .collect()
}

/// A timeout in seconds (`None`: wait forever), as a deadline.
fn deadline(host: &mut dyn Host, value: Value) -> PyResult<Option<Instant>> {
    if value.is_none() {
        return Ok(None);
    }
    let seconds = match value.as_float() {
        Some(seconds) => seconds,
        None => int_argument(host, value)? as f64,
    };
    if seconds.is_nan() {
        return Err(host
            .runtime()
            .value_error("Invalid value NaN (not a number)"));
    }
    let wait = Duration::try_from_secs_f64(seconds.max(0.0)).unwrap_or(Duration::MAX);
    Ok(Instant::now().checked_add(wait))
}

/// The longest single wait, in milliseconds: how soon a Ctrl-C handled on another thread is
/// noticed.
pub(crate) const SLICE_MILLISECONDS: libc::c_int = 50;

/// Runs `wait(milliseconds)` (a poll-like call returning the number of ready descriptors, 0 on
/// timeout, -1 with errno on failure) in slices until something is ready or `deadline`
/// passes (None: no deadline); returns the count (0: timed out). Each slice runs through
/// [`blocking`], with the interpreter lock released. On the main thread, a pending Ctrl-C
/// raises `KeyboardInterrupt` between slices and on EINTR; other EINTRs just wait again
/// (PEP 475).
pub(crate) fn wait_in_slices(
    host: &mut dyn Host,
    deadline: Option<Instant>,
    mut wait: impl FnMut(libc::c_int) -> libc::c_int,
) -> PyResult<usize> {
    let interruptible = host.is_main_thread();
    loop {
        let milliseconds = match deadline {
            None => SLICE_MILLISECONDS,
            Some(deadline) => {
                let left = deadline.saturating_duration_since(Instant::now());
                // Round up so a short wait does not become a busy loop of zero timeouts.
                let left = left.as_nanos().div_ceil(1_000_000);
                libc::c_int::try_from(left)
                    .unwrap_or(libc::c_int::MAX)
                    .min(SLICE_MILLISECONDS)
            }
        };
        // errno is read inside: taking the lock back may change it.
        let (result, code) = blocking(host, || {
            let result = wait(milliseconds);
            (result, if result < 0 { last_errno() } else { 0 })
        });
        if result > 0 {
            return Ok(result as usize);
        }
        if result < 0 && code != libc::EINTR {
            return Err(super::posix::os_error(
                host,
                &std::io::Error::from_raw_os_error(code),
                &[],
            ));
        }
        if interruptible && crate::signals::take_interrupt() {
            return Err(crate::signals::keyboard_interrupt(host.runtime()));
        }
        if result == 0 && deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            return Ok(0);
        }
    }
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Polls `entries` until one is ready or the deadline passes; returns how many are ready.
fn poll_entries(
    host: &mut dyn Host,
    entries: &mut [libc::pollfd],
    deadline: Option<Instant>,
) -> PyResult<usize> {
    let pointer = entries.as_mut_ptr();
    let count = entries.len() as libc::nfds_t;
    wait_in_slices(host, deadline, |milliseconds| {
        // SAFETY: `pointer` addresses `count` initialized pollfd entries that stay borrowed
        // (and so alive and unaliased) for the whole wait.
        unsafe { libc::poll(pointer, count, milliseconds) }
    })
}

/// `select(read_fds, write_fds, except_fds, timeout)` → three lists of ready descriptors, in
/// the order given (as CPython's).
fn select(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let read = descriptors(host, argument(&arguments, 0))?;
    let write = descriptors(host, argument(&arguments, 1))?;
    let except = descriptors(host, argument(&arguments, 2))?;
    let deadline = deadline(host, argument(&arguments, 3))?;
    let mut entries: Vec<libc::pollfd> = Vec::new();
    let mut add = |descriptor: libc::c_int, events: libc::c_short| match entries
        .iter_mut()
        .find(|entry| entry.fd == descriptor)
    {
        Some(entry) => entry.events |= events,
        None => entries.push(libc::pollfd {
            fd: descriptor,
            events,
            revents: 0,
        }),
    };
    read.iter().for_each(|&fd| add(fd, libc::POLLIN));
    write.iter().for_each(|&fd| add(fd, libc::POLLOUT));
    except.iter().for_each(|&fd| add(fd, libc::POLLPRI));
    poll_entries(host, &mut entries, deadline)?;
    if let Some(bad) = entries
        .iter()
        .find(|entry| entry.revents & libc::POLLNVAL != 0)
    {
        let _ = bad;
        return Err(super::posix::os_error(
            host,
            &std::io::Error::from_raw_os_error(libc::EBADF),
            &[],
        ));
    }
    let revents = |descriptor: libc::c_int| {
        entries
            .iter()
            .find(|entry| entry.fd == descriptor)
            .map_or(0, |entry| entry.revents)
    };
    let readable = libc::POLLIN | libc::POLLHUP | libc::POLLERR;
    let writable = libc::POLLOUT | libc::POLLERR;
    let runtime = host.runtime();
    let mut lists = Vec::new();
    for (wanted, mask) in [
        (&read, readable),
        (&write, writable),
        (&except, libc::POLLPRI),
    ] {
        let ready: Vec<Value> = wanted
            .iter()
            .filter(|&&fd| revents(fd) & mask != 0)
            .map(|&fd| Value::small_int(i64::from(fd)).unwrap_or(Value::NONE))
            .collect();
        lists.push(runtime.new_list(ready));
    }
    Ok(runtime.new_tuple(lists))
}

/// `poll(entries, timeout)`: `entries` a list of `(fd, events)`, timeout in seconds or None;
/// returns the `(fd, revents)` pairs that have events.
fn poll(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let list = argument(&arguments, 0);
    let items: Vec<Value> = crate::types::list::items(list)
        .map(|items| items.clone())
        .unwrap_or_default();
    let mut entries = Vec::with_capacity(items.len());
    for item in items {
        let pair = crate::types::tuple::items(item).unwrap_or(&[]);
        let (Some(&fd), Some(&events)) = (pair.first(), pair.get(1)) else {
            return Err(host
                .runtime()
                .type_error("poll entries must be (fd, events)"));
        };
        let fd = descriptor(host, fd)?;
        let events = int_argument(host, events)? as libc::c_short;
        entries.push(libc::pollfd {
            fd,
            events,
            revents: 0,
        });
    }
    let deadline = deadline(host, argument(&arguments, 1))?;
    poll_entries(host, &mut entries, deadline)?;
    let runtime = host.runtime();
    let mut ready = Vec::new();
    for entry in entries.iter().filter(|entry| entry.revents != 0) {
        let items = vec![
            Value::small_int(i64::from(entry.fd)).unwrap_or(Value::NONE),
            Value::small_int(i64::from(entry.revents as u16)).unwrap_or(Value::NONE),
        ];
        ready.push(runtime.new_tuple(items));
    }
    Ok(runtime.new_list(ready))
}

fn epoll_create(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    // SAFETY: epoll_create1 takes a flag word.
    let descriptor = unsafe { libc::epoll_create1(libc::EPOLL_CLOEXEC) };
    if descriptor < 0 {
        let code = last_errno();
        return Err(super::posix::os_error(
            host,
            &std::io::Error::from_raw_os_error(code),
            &[],
        ));
    }
    Ok(host.runtime().new_int(i64::from(descriptor)))
}

/// `epoll_ctl(epoll_fd, op, fd, events)`.
fn epoll_ctl(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let epoll = descriptor(host, argument(&arguments, 0))?;
    let operation = int_argument(host, argument(&arguments, 1))? as libc::c_int;
    let target = descriptor(host, argument(&arguments, 2))?;
    let events = int_argument(host, argument(&arguments, 3))? as u32;
    let mut event = libc::epoll_event {
        events,
        u64: target as u64,
    };
    // SAFETY: `event` is a valid epoll_event for the call (ignored by EPOLL_CTL_DEL).
    let result = unsafe { libc::epoll_ctl(epoll, operation, target, &mut event) };
    if result < 0 {
        let code = last_errno();
        return Err(super::posix::os_error(
            host,
            &std::io::Error::from_raw_os_error(code),
            &[],
        ));
    }
    Ok(Value::NONE)
}

/// `epoll_wait(epoll_fd, timeout, maxevents)` → list of `(fd, events)`; timeout in seconds or
/// None.
fn epoll_wait(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let epoll = descriptor(host, argument(&arguments, 0))?;
    let deadline = deadline(host, argument(&arguments, 1))?;
    let capacity = int_argument(host, argument(&arguments, 2))?.clamp(1, 1 << 16) as usize;
    let mut events = vec![libc::epoll_event { events: 0, u64: 0 }; capacity];
    let pointer = events.as_mut_ptr();
    let count = wait_in_slices(host, deadline, |milliseconds| {
        // SAFETY: `pointer` addresses `capacity` writable epoll_event entries, borrowed for
        // the whole wait.
        unsafe { libc::epoll_wait(epoll, pointer, capacity as libc::c_int, milliseconds) }
    })?;
    let runtime = host.runtime();
    let mut ready = Vec::with_capacity(count);
    for event in &events[..count] {
        let descriptor = event.u64;
        let items = vec![
            Value::small_int(descriptor as i64).unwrap_or(Value::NONE),
            Value::small_int(i64::from(event.events)).unwrap_or(Value::NONE),
        ];
        ready.push(runtime.new_tuple(items));
    }
    Ok(runtime.new_list(ready))
}
