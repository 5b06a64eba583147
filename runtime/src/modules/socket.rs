//! `_socket`: the BSD socket calls under `lib/socket.py`.
//!
//! A socket is its file descriptor: the functions take it (an int) first and the Python class
//! `socket.socket` keeps it, with its family, type and timeout, so the state CPython keeps in C
//! lives in Python attributes where `repr`, `fileno()` and `detach()` can see it. Addresses come
//! in already resolved (`socket.py` turns host names into numeric addresses with
//! [`getaddrinfo`] first) and go out as CPython's tuples: `(host, port)` for IPv4,
//! `(host, port, flowinfo, scope_id)` for IPv6, a path for Unix sockets.
//!
//! Timeouts follow CPython's `sock_call`: `None` blocks, `0` never waits (a call that would
//! block raises `BlockingIOError`), a positive number waits that long for readiness with
//! `poll(2)` and then raises `TimeoutError('timed out')`. `send`/`recv`/`accept` never block
//! in the kernel: every wait is a `poll` in slices (`select::wait_in_slices`) with the global
//! interpreter lock released, and a Ctrl-C during a wait on the main thread raises
//! `KeyboardInterrupt`; other signals resume it with what is left of the timeout (PEP 475).
//! The `connect` of a blocking socket and `getaddrinfo` are blocking calls, as in CPython,
//! made through [`blocking`] (see [`connect_errno`]).

use std::ffi::CString;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::{Duration, Instant};

use super::{argument, int_argument};
use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_socket");
    super::add_functions(
        runtime,
        module,
        "_socket",
        &[
            ("socket", socket),
            ("socketpair", socketpair),
            ("close", close),
            ("set_blocking", set_blocking),
            ("get_blocking", get_blocking),
            ("bind", bind),
            ("listen", listen),
            ("accept", accept),
            ("connect", connect),
            ("send", send),
            ("recv", recv),
            ("shutdown", shutdown),
            ("getsockname", getsockname),
            ("getpeername", getpeername),
            ("setsockopt", setsockopt),
            ("getsockopt", getsockopt),
            ("getaddrinfo", getaddrinfo),
            ("gethostname", gethostname),
            ("socket_info", socket_info),
        ],
    );
    for (name, value) in CONSTANTS {
        super::set(
            runtime,
            module,
            name,
            Value::small_int(i64::from(*value)).unwrap_or(Value::NONE),
        );
    }
    module
}

/// The constants `socket.py` exports, with the platform's values.
const CONSTANTS: &[(&str, libc::c_int)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC),
    ("AF_INET", libc::AF_INET),
    ("AF_INET6", libc::AF_INET6),
    ("AF_UNIX", libc::AF_UNIX),
    ("SOCK_STREAM", libc::SOCK_STREAM),
    ("SOCK_DGRAM", libc::SOCK_DGRAM),
    ("SOCK_RAW", libc::SOCK_RAW),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC),
    ("SOL_SOCKET", libc::SOL_SOCKET),
    ("SO_REUSEADDR", libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SO_REUSEPORT),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
    ("SO_ERROR", libc::SO_ERROR),
    ("SO_TYPE", libc::SO_TYPE),
    ("SO_SNDBUF", libc::SO_SNDBUF),
    ("SO_RCVBUF", libc::SO_RCVBUF),
    ("SO_BROADCAST", libc::SO_BROADCAST),
    ("SO_LINGER", libc::SO_LINGER),
    ("SOMAXCONN", libc::SOMAXCONN),
    ("IPPROTO_IP", libc::IPPROTO_IP),
    ("IPPROTO_TCP", libc::IPPROTO_TCP),
    ("IPPROTO_UDP", libc::IPPROTO_UDP),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6),
    ("TCP_NODELAY", libc::TCP_NODELAY),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
    ("SHUT_RD", libc::SHUT_RD),
    ("SHUT_WR", libc::SHUT_WR),
    ("SHUT_RDWR", libc::SHUT_RDWR),
    ("MSG_PEEK", libc::MSG_PEEK),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT),
    ("MSG_WAITALL", libc::MSG_WAITALL),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL),
    ("AI_PASSIVE", libc::AI_PASSIVE),
    ("AI_CANONNAME", libc::AI_CANONNAME),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG),
    ("AI_V4MAPPED", libc::AI_V4MAPPED),
    ("AI_ALL", libc::AI_ALL),
    ("EAI_NONAME", libc::EAI_NONAME),
    ("EAI_AGAIN", libc::EAI_AGAIN),
    ("EAI_FAIL", libc::EAI_FAIL),
    ("EAI_FAMILY", libc::EAI_FAMILY),
    ("EAI_SERVICE", libc::EAI_SERVICE),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE),
];

/// Runs a call that may block the thread — `getaddrinfo`, the `connect` of a blocking
/// socket — with the global interpreter lock released. `send` and `recv` never block
/// (`MSG_DONTWAIT`): they wait for readiness through `select::wait_in_slices`, which releases
/// the lock in its own `blocking`.
///
/// blocking: the GIL is released here. The closure must not touch Python values: it only
/// makes system calls on plain data.
fn blocking<R>(host: &mut dyn Host, call: impl FnOnce() -> R) -> R {
    crate::allow_threads(host, call)
}

fn descriptor_argument(host: &mut dyn Host, arguments: &Arguments) -> PyResult<libc::c_int> {
    let descriptor = int_argument(host, argument(arguments, 0))?;
    match libc::c_int::try_from(descriptor) {
        Ok(descriptor) if descriptor >= 0 => Ok(descriptor),
        _ => Err(os_error(host, libc::EBADF)),
    }
}

/// How long a call may wait: `None` forever, `Some(ZERO)` not at all.
fn timeout_argument(host: &mut dyn Host, value: Value) -> PyResult<Option<Duration>> {
    if value.is_none() {
        return Ok(None);
    }
    let seconds = match value.as_float() {
        Some(seconds) => seconds,
        None => int_argument(host, value)? as f64,
    };
    if seconds.is_nan() || seconds < 0.0 {
        return Err(host.runtime().value_error("Timeout value out of range"));
    }
    Ok(Some(
        Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX),
    ))
}

/// The `OSError` subclass for `code` with CPython's message.
fn os_error(host: &mut dyn Host, code: i32) -> crate::PyErr {
    super::posix::os_error(host, &std::io::Error::from_raw_os_error(code), &[])
}

fn last_errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// An `OSError` with only a message.
fn plain_os_error(host: &mut dyn Host, message: &str) -> crate::PyErr {
    let runtime = host.runtime();
    let class = runtime.types.os_error;
    runtime.new_error(class, message)
}

/// The `TimeoutError('timed out')` of a socket operation that waited too long.
fn timed_out(host: &mut dyn Host) -> crate::PyErr {
    let runtime = host.runtime();
    let class = runtime.types.timeout_error;
    runtime.new_error(class, "timed out")
}

/// What [`wait_ready`] found.
enum Readiness {
    Ready,
    TimedOut,
}

/// Waits until `descriptor` is readable (or writable) or `timeout` passes (None: forever), in
/// slices that notice Ctrl-C (`select::wait_in_slices`).
fn wait_ready(
    host: &mut dyn Host,
    descriptor: libc::c_int,
    writable: bool,
    timeout: Option<Duration>,
) -> PyResult<Readiness> {
    let deadline = timeout.and_then(|timeout| Instant::now().checked_add(timeout));
    let mut entry = libc::pollfd {
        fd: descriptor,
        events: if writable {
            libc::POLLOUT
        } else {
            libc::POLLIN
        },
        revents: 0,
    };
    let ready = super::select::wait_in_slices(host, deadline, |milliseconds| {
        // SAFETY: `entry` is one valid, initialized pollfd and the count passed is 1.
        unsafe { libc::poll(&mut entry, 1, milliseconds) }
    })?;
    Ok(if ready > 0 {
        Readiness::Ready
    } else {
        Readiness::TimedOut
    })
}

/// CPython's `sock_call`: runs `call` (a non-blocking attempt returning -1 and errno on
/// failure) until it succeeds, waiting for readiness as the timeout allows.
fn socket_call(
    host: &mut dyn Host,
    descriptor: libc::c_int,
    writable: bool,
    timeout: Option<Duration>,
    mut call: impl FnMut() -> isize,
) -> PyResult<isize> {
    loop {
        if timeout != Some(Duration::ZERO) {
            if let Readiness::TimedOut = wait_ready(host, descriptor, writable, timeout)? {
                return Err(timed_out(host));
            }
        }
        let result = call();
        if result >= 0 {
            return Ok(result);
        }
        let code = last_errno();
        if code == libc::EINTR {
            if crate::signals::take_interrupt() {
                return Err(crate::signals::keyboard_interrupt(host.runtime()));
            }
            continue;
        }
        let would_block = code == libc::EAGAIN || code == libc::EWOULDBLOCK;
        if would_block && timeout != Some(Duration::ZERO) {
            continue;
        }
        return Err(os_error(host, code));
    }
}

fn socket(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let family = int_argument(host, argument(&arguments, 0))? as libc::c_int;
    let kind = int_argument(host, argument(&arguments, 1))? as libc::c_int;
    let protocol = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    // SAFETY: socket(2) takes plain integers.
    let descriptor = unsafe { libc::socket(family, kind | libc::SOCK_CLOEXEC, protocol) };
    if descriptor < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(host.runtime().new_int(i64::from(descriptor)))
}

fn socketpair(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let family = int_argument(host, argument(&arguments, 0))? as libc::c_int;
    let kind = int_argument(host, argument(&arguments, 1))? as libc::c_int;
    let protocol = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    let mut pair = [0 as libc::c_int; 2];
    // SAFETY: `pair` has room for the two descriptors socketpair(2) writes.
    let result = unsafe {
        libc::socketpair(
            family,
            kind | libc::SOCK_CLOEXEC,
            protocol,
            pair.as_mut_ptr(),
        )
    };
    if result < 0 {
        return Err(os_error(host, last_errno()));
    }
    let runtime = host.runtime();
    let items = vec![
        runtime.new_int(i64::from(pair[0])),
        runtime.new_int(i64::from(pair[1])),
    ];
    Ok(runtime.new_tuple(items))
}

fn close(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    // SAFETY: closing a descriptor number has no memory-safety preconditions; socket.py owns
    // this descriptor and forgets it once closed.
    let result = unsafe { libc::close(descriptor) };
    // As CPython: ECONNRESET on close is not an error worth raising.
    if result < 0 && last_errno() != libc::ECONNRESET {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::NONE)
}

fn set_blocking(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let block = argument(&arguments, 1) != Value::FALSE;
    // SAFETY: fcntl(2) with F_GETFL/F_SETFL takes and returns plain integers.
    let flags = unsafe { libc::fcntl(descriptor, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_error(host, last_errno()));
    }
    let wanted = if block {
        flags & !libc::O_NONBLOCK
    } else {
        flags | libc::O_NONBLOCK
    };
    // SAFETY: as above.
    if wanted != flags && unsafe { libc::fcntl(descriptor, libc::F_SETFL, wanted) } < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::NONE)
}

fn get_blocking(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    // SAFETY: fcntl(2) with F_GETFL takes and returns plain integers.
    let flags = unsafe { libc::fcntl(descriptor, libc::F_GETFL) };
    if flags < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::bool(flags & libc::O_NONBLOCK == 0))
}

/// A socket address in the C layout, with its length.
struct SocketAddress {
    storage: libc::sockaddr_storage,
    length: libc::socklen_t,
}

impl SocketAddress {
    fn empty() -> SocketAddress {
        SocketAddress {
            // SAFETY: sockaddr_storage is plain data for which all-zero bytes are valid.
            storage: unsafe { std::mem::zeroed() },
            length: std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }

    fn pointer(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    fn pointer_mut(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

/// Converts a Python address for `family` (already numeric) to its C form.
fn socket_address(host: &mut dyn Host, family: i64, address: Value) -> PyResult<SocketAddress> {
    let mut result = SocketAddress::empty();
    if family == i64::from(libc::AF_UNIX) {
        let path: Vec<u8> = if let Some(text) = str_value(address) {
            text.as_bytes().to_vec()
        } else if let Some((bytes, _)) = crate::types::bytes::bytes_of(address) {
            bytes.to_vec()
        } else {
            let runtime = host.runtime();
            let message = format!(
                "a bytes-like object is required, not '{}'",
                type_name(runtime, address)
            );
            return Err(runtime.type_error(message));
        };
        // SAFETY: sockaddr_storage is large enough and suitably aligned for sockaddr_un.
        let unix = unsafe { &mut *(result.pointer_mut().cast::<libc::sockaddr_un>()) };
        if path.len() >= unix.sun_path.len() {
            return Err(plain_os_error(host, "AF_UNIX path too long"));
        }
        unix.sun_family = libc::AF_UNIX as libc::sa_family_t;
        for (slot, byte) in unix.sun_path.iter_mut().zip(&path) {
            *slot = *byte as libc::c_char;
        }
        result.length = (std::mem::size_of::<libc::sa_family_t>() + path.len() + 1) as u32;
        return Ok(result);
    }
    let items = crate::types::tuple::items(address).unwrap_or(&[]);
    let expected = if family == i64::from(libc::AF_INET6) {
        2..=4
    } else {
        2..=2
    };
    if !expected.contains(&items.len()) {
        let runtime = host.runtime();
        let message = if family == i64::from(libc::AF_INET6) {
            "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
        } else {
            "AF_INET address must be a tuple (host, port)"
        };
        return Err(runtime.type_error(message));
    }
    let host_text = match str_value(items[0]) {
        Some(text) => text.to_string(),
        None => {
            let runtime = host.runtime();
            let message = format!("str expected, not {}", type_name(runtime, items[0]));
            return Err(runtime.type_error(message));
        }
    };
    let port = int_argument(host, items[1])?;
    let Ok(port) = u16::try_from(port) else {
        return Err(host.runtime().overflow_error("port must be 0-65535."));
    };
    if family == i64::from(libc::AF_INET6) {
        let address = match host_text.as_str() {
            "" => Ipv6Addr::UNSPECIFIED,
            text => match text.parse::<Ipv6Addr>() {
                Ok(address) => address,
                Err(_) => return Err(plain_os_error(host, "illegal IP address string")),
            },
        };
        let flow = match items.get(2) {
            Some(&value) => int_argument(host, value)? as u32,
            None => 0,
        };
        let scope = match items.get(3) {
            Some(&value) => int_argument(host, value)? as u32,
            None => 0,
        };
        // SAFETY: sockaddr_storage is large enough and suitably aligned for sockaddr_in6.
        let inet6 = unsafe { &mut *(result.pointer_mut().cast::<libc::sockaddr_in6>()) };
        inet6.sin6_family = libc::AF_INET6 as libc::sa_family_t;
        inet6.sin6_port = port.to_be();
        inet6.sin6_flowinfo = flow.to_be();
        inet6.sin6_addr.s6_addr = address.octets();
        inet6.sin6_scope_id = scope;
        result.length = std::mem::size_of::<libc::sockaddr_in6>() as u32;
        return Ok(result);
    }
    let address = match host_text.as_str() {
        "" => Ipv4Addr::UNSPECIFIED,
        "<broadcast>" => Ipv4Addr::BROADCAST,
        text => match text.parse::<Ipv4Addr>() {
            Ok(address) => address,
            Err(_) => return Err(plain_os_error(host, "illegal IP address string")),
        },
    };
    // SAFETY: sockaddr_storage is large enough and suitably aligned for sockaddr_in.
    let inet = unsafe { &mut *(result.pointer_mut().cast::<libc::sockaddr_in>()) };
    inet.sin_family = libc::AF_INET as libc::sa_family_t;
    inet.sin_port = port.to_be();
    inet.sin_addr.s_addr = u32::from_ne_bytes(address.octets());
    result.length = std::mem::size_of::<libc::sockaddr_in>() as u32;
    Ok(result)
}

/// Converts a C socket address to CPython's Python form.
fn address_value(runtime: &mut Runtime, address: &SocketAddress) -> Value {
    let family = i32::from(address.storage.ss_family);
    if family == libc::AF_INET {
        // SAFETY: the family says the storage holds a sockaddr_in.
        let inet = unsafe { &*(address.pointer().cast::<libc::sockaddr_in>()) };
        let ip = Ipv4Addr::from(inet.sin_addr.s_addr.to_ne_bytes());
        let items = vec![
            runtime.new_string(ip.to_string()),
            runtime.new_int(i64::from(u16::from_be(inet.sin_port))),
        ];
        return runtime.new_tuple(items);
    }
    if family == libc::AF_INET6 {
        // SAFETY: the family says the storage holds a sockaddr_in6.
        let inet6 = unsafe { &*(address.pointer().cast::<libc::sockaddr_in6>()) };
        let ip = Ipv6Addr::from(inet6.sin6_addr.s6_addr);
        let items = vec![
            runtime.new_string(ip.to_string()),
            runtime.new_int(i64::from(u16::from_be(inet6.sin6_port))),
            runtime.new_int(i64::from(u32::from_be(inet6.sin6_flowinfo))),
            runtime.new_int(i64::from(inet6.sin6_scope_id)),
        ];
        return runtime.new_tuple(items);
    }
    if family == libc::AF_UNIX {
        // SAFETY: the family says the storage holds a sockaddr_un.
        let unix = unsafe { &*(address.pointer().cast::<libc::sockaddr_un>()) };
        let offset = std::mem::size_of::<libc::sa_family_t>();
        let length = (address.length as usize).saturating_sub(offset);
        let raw: Vec<u8> = unix.sun_path[..length.min(unix.sun_path.len())]
            .iter()
            .map(|&byte| byte as u8)
            .collect();
        if raw.first() == Some(&0) {
            // Linux's abstract namespace: CPython returns the name as bytes.
            return crate::types::bytes::new_bytes(runtime, raw);
        }
        let end = raw.iter().position(|&byte| byte == 0).unwrap_or(raw.len());
        return runtime.new_string(String::from_utf8_lossy(&raw[..end]).into_owned());
    }
    let items = vec![runtime.new_int(i64::from(family)), Value::NONE];
    runtime.new_tuple(items)
}

fn bind(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let family = int_argument(host, argument(&arguments, 1))?;
    let address = socket_address(host, family, argument(&arguments, 2))?;
    // SAFETY: `address` holds a valid socket address of `address.length` bytes.
    let result = unsafe { libc::bind(descriptor, address.pointer(), address.length) };
    if result < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::NONE)
}

fn listen(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let backlog = int_argument(host, argument(&arguments, 1))?;
    let backlog = backlog.clamp(0, i64::from(libc::c_int::MAX)) as libc::c_int;
    // SAFETY: listen(2) takes plain integers.
    if unsafe { libc::listen(descriptor, backlog) } < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::NONE)
}

/// `accept(fd, timeout)` → `(new_fd, address)`.
fn accept(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let timeout = timeout_argument(host, argument(&arguments, 1))?;
    let mut address = SocketAddress::empty();
    let new_descriptor = socket_call(host, descriptor, false, timeout, || {
        address.length = std::mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
        // SAFETY: `address` has room for `address.length` bytes; accept4 writes at most that
        // and updates the length.
        unsafe {
            libc::accept4(
                descriptor,
                address.pointer_mut(),
                &mut address.length,
                libc::SOCK_CLOEXEC,
            ) as isize
        }
    })?;
    let runtime = host.runtime();
    let items = vec![
        runtime.new_int(new_descriptor as i64),
        address_value(runtime, &address),
    ];
    Ok(runtime.new_tuple(items))
}

/// `connect(fd, family, address, timeout, raise)`: connects; with `raise` false returns the
/// errno instead of raising (`connect_ex`).
fn connect(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let family = int_argument(host, argument(&arguments, 1))?;
    let address = socket_address(host, family, argument(&arguments, 2))?;
    let timeout = timeout_argument(host, argument(&arguments, 3))?;
    let raise = argument(&arguments, 4) != Value::FALSE;
    let code = connect_errno(host, descriptor, &address, timeout)?;
    if code == 0 {
        return Ok(if raise {
            Value::NONE
        } else {
            Value::small_int(0).unwrap_or(Value::NONE)
        });
    }
    if !raise {
        return Ok(host.runtime().new_int(i64::from(code)));
    }
    if code == libc::ETIMEDOUT && timeout.is_some_and(|timeout| !timeout.is_zero()) {
        return Err(timed_out(host));
    }
    Err(os_error(host, code))
}

/// Connects and returns 0 or the errno of the failure (ETIMEDOUT when the timeout passed).
fn connect_errno(
    host: &mut dyn Host,
    descriptor: libc::c_int,
    address: &SocketAddress,
    timeout: Option<Duration>,
) -> PyResult<i32> {
    // A blocking socket (no timeout) connects with a blocking call, as CPython does: the
    // kernel then reports a refused connection at once and leaves the socket reusable, which
    // a non-blocking attempt does not (a second connect would fail with ECONNABORTED). Such a
    // call is only cut short by a signal delivered to this thread.
    let call = || {
        // SAFETY: `address` holds a valid socket address of `address.length` bytes.
        let result = unsafe { libc::connect(descriptor, address.pointer(), address.length) };
        // errno is read here: taking the interpreter lock back may change it.
        (result, if result < 0 { last_errno() } else { 0 })
    };
    let (result, code) = if timeout.is_none() {
        blocking(host, call)
    } else {
        call()
    };
    if result == 0 {
        return Ok(0);
    }
    let in_progress = code == libc::EINPROGRESS || code == libc::EINTR;
    if code == libc::EINTR && crate::signals::take_interrupt() {
        return Err(crate::signals::keyboard_interrupt(host.runtime()));
    }
    if !in_progress || (code == libc::EINPROGRESS && timeout == Some(Duration::ZERO)) {
        return Ok(code);
    }
    // The connection goes on in the background: wait until the socket is writable, then ask
    // it how the attempt ended.
    if let Readiness::TimedOut = wait_ready(host, descriptor, true, timeout)? {
        return Ok(libc::ETIMEDOUT);
    }
    let mut error: libc::c_int = 0;
    let mut length = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `error` and `length` are valid for the int getsockopt writes.
    let result = unsafe {
        libc::getsockopt(
            descriptor,
            libc::SOL_SOCKET,
            libc::SO_ERROR,
            (&mut error as *mut libc::c_int).cast(),
            &mut length,
        )
    };
    if result < 0 {
        return Ok(last_errno());
    }
    Ok(error)
}

/// `send(fd, data, flags, timeout)` → bytes sent.
fn send(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let data = argument(&arguments, 1);
    let Some(bytes) = crate::types::bytes::buffer(data) else {
        let runtime = host.runtime();
        let message = format!(
            "a bytes-like object is required, not '{}'",
            type_name(runtime, data)
        );
        return Err(runtime.type_error(message));
    };
    let flags = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    let timeout = timeout_argument(host, argument(&arguments, 3))?;
    let bytes = bytes.into_owned();
    let sent = socket_call(host, descriptor, true, timeout, || {
        // SAFETY: `bytes` is valid for reads of its length. MSG_NOSIGNAL turns SIGPIPE into
        // EPIPE, as CPython (which ignores SIGPIPE) reports it; MSG_DONTWAIT because all
        // waiting happens in `wait_ready`.
        unsafe {
            libc::send(
                descriptor,
                bytes.as_ptr().cast(),
                bytes.len(),
                flags | libc::MSG_NOSIGNAL | libc::MSG_DONTWAIT,
            )
        }
    })?;
    Ok(host.runtime().new_int(sent as i64))
}

/// `recv(fd, size, flags, timeout)` → bytes (empty at end of stream).
fn recv(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let size = int_argument(host, argument(&arguments, 1))?;
    if size < 0 {
        return Err(host.runtime().value_error("negative buffersize in recv"));
    }
    let flags = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    let timeout = timeout_argument(host, argument(&arguments, 3))?;
    let mut buffer = vec![0u8; size as usize];
    let received = socket_call(host, descriptor, false, timeout, || {
        // SAFETY: `buffer` is valid for writes of its length; recv writes at most that.
        // MSG_DONTWAIT because all waiting happens in `wait_ready`.
        unsafe {
            libc::recv(
                descriptor,
                buffer.as_mut_ptr().cast(),
                buffer.len(),
                flags | libc::MSG_DONTWAIT,
            )
        }
    })?;
    buffer.truncate(received as usize);
    Ok(crate::types::bytes::new_bytes(host.runtime(), buffer))
}

fn shutdown(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let how = int_argument(host, argument(&arguments, 1))? as libc::c_int;
    // SAFETY: shutdown(2) takes plain integers.
    if unsafe { libc::shutdown(descriptor, how) } < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::NONE)
}

fn getsockname(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let mut address = SocketAddress::empty();
    // SAFETY: `address` has room for `address.length` bytes.
    let result =
        unsafe { libc::getsockname(descriptor, address.pointer_mut(), &mut address.length) };
    if result < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(address_value(host.runtime(), &address))
}

fn getpeername(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let mut address = SocketAddress::empty();
    // SAFETY: `address` has room for `address.length` bytes.
    let result =
        unsafe { libc::getpeername(descriptor, address.pointer_mut(), &mut address.length) };
    if result < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(address_value(host.runtime(), &address))
}

/// `setsockopt(fd, level, option, value)` for integer options.
fn setsockopt(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let level = int_argument(host, argument(&arguments, 1))? as libc::c_int;
    let option = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    let value = argument(&arguments, 3);
    let result = if let Some(bytes) = crate::types::bytes::buffer(value) {
        // SAFETY: `bytes` is valid for reads of its length.
        unsafe {
            libc::setsockopt(
                descriptor,
                level,
                option,
                bytes.as_ptr().cast(),
                bytes.len() as libc::socklen_t,
            )
        }
    } else {
        let number = int_argument(host, value)? as libc::c_int;
        // SAFETY: `number` is a valid int for the duration of the call.
        unsafe {
            libc::setsockopt(
                descriptor,
                level,
                option,
                (&number as *const libc::c_int).cast(),
                std::mem::size_of::<libc::c_int>() as libc::socklen_t,
            )
        }
    };
    if result < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(Value::NONE)
}

/// `getsockopt(fd, level, option)` for integer options.
fn getsockopt(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let level = int_argument(host, argument(&arguments, 1))? as libc::c_int;
    let option = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    let mut value: libc::c_int = 0;
    let mut length = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: `value` and `length` are valid for the int getsockopt writes.
    let result = unsafe {
        libc::getsockopt(
            descriptor,
            level,
            option,
            (&mut value as *mut libc::c_int).cast(),
            &mut length,
        )
    };
    if result < 0 {
        return Err(os_error(host, last_errno()));
    }
    Ok(host.runtime().new_int(i64::from(value)))
}

/// `socket_info(fd)` → `(family, type, protocol)` of an existing descriptor.
fn socket_info(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = descriptor_argument(host, &arguments)?;
    let mut values = Vec::new();
    for option in [libc::SO_DOMAIN, libc::SO_TYPE, libc::SO_PROTOCOL] {
        let mut value: libc::c_int = 0;
        let mut length = std::mem::size_of::<libc::c_int>() as libc::socklen_t;
        // SAFETY: `value` and `length` are valid for the int getsockopt writes.
        let result = unsafe {
            libc::getsockopt(
                descriptor,
                libc::SOL_SOCKET,
                option,
                (&mut value as *mut libc::c_int).cast(),
                &mut length,
            )
        };
        if result < 0 {
            return Err(os_error(host, last_errno()));
        }
        values.push(host.runtime().new_int(i64::from(value)));
    }
    Ok(host.runtime().new_tuple(values))
}

/// `getaddrinfo(host, port, family, type, proto, flags)` → a list of
/// `(family, type, proto, canonname, sockaddr)`, or `(code, message)` when resolution fails
/// (socket.py raises `gaierror` from it).
fn getaddrinfo(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let node = optional_c_string(host, argument(&arguments, 0))?;
    let service = optional_c_string(host, argument(&arguments, 1))?;
    // SAFETY: addrinfo is plain data for which all-zero bytes are valid (null pointers).
    let mut hints: libc::addrinfo = unsafe { std::mem::zeroed() };
    hints.ai_family = int_argument(host, argument(&arguments, 2))? as libc::c_int;
    hints.ai_socktype = int_argument(host, argument(&arguments, 3))? as libc::c_int;
    hints.ai_protocol = int_argument(host, argument(&arguments, 4))? as libc::c_int;
    hints.ai_flags = int_argument(host, argument(&arguments, 5))? as libc::c_int;
    let mut list: *mut libc::addrinfo = std::ptr::null_mut();
    let node_pointer = node.as_ref().map_or(std::ptr::null(), |node| node.as_ptr());
    let service_pointer = service
        .as_ref()
        .map_or(std::ptr::null(), |service| service.as_ptr());
    // SAFETY: the strings are NUL-terminated and outlive the call; `hints` is initialized;
    // `list` receives a list freed below with freeaddrinfo.
    let code = blocking(host, || unsafe {
        libc::getaddrinfo(node_pointer, service_pointer, &hints, &mut list)
    });
    let runtime = host.runtime();
    if code != 0 {
        // SAFETY: gai_strerror returns a static NUL-terminated string for any code.
        let message = unsafe { std::ffi::CStr::from_ptr(libc::gai_strerror(code)) }
            .to_string_lossy()
            .into_owned();
        let items = vec![
            runtime.new_int(i64::from(code)),
            runtime.new_string(message),
        ];
        return Ok(runtime.new_tuple(items));
    }
    let mut entries = Vec::new();
    let mut cursor = list;
    while !cursor.is_null() {
        // SAFETY: `cursor` points into the list getaddrinfo returned, not yet freed.
        let entry = unsafe { &*cursor };
        let mut address = SocketAddress::empty();
        let length = (entry.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
        // SAFETY: `ai_addr` points to `ai_addrlen` readable bytes; we copy at most the storage
        // size into `address`.
        unsafe {
            std::ptr::copy_nonoverlapping(
                entry.ai_addr.cast::<u8>(),
                address.pointer_mut().cast::<u8>(),
                length,
            );
        }
        address.length = length as libc::socklen_t;
        let canonical = if entry.ai_canonname.is_null() {
            String::new()
        } else {
            // SAFETY: a non-null canonical name is a NUL-terminated string in the list.
            unsafe { std::ffi::CStr::from_ptr(entry.ai_canonname) }
                .to_string_lossy()
                .into_owned()
        };
        let items = vec![
            runtime.new_int(i64::from(entry.ai_family)),
            runtime.new_int(i64::from(entry.ai_socktype)),
            runtime.new_int(i64::from(entry.ai_protocol)),
            runtime.new_string(canonical),
            address_value(runtime, &address),
        ];
        entries.push(runtime.new_tuple(items));
        cursor = entry.ai_next;
    }
    // SAFETY: `list` came from a successful getaddrinfo and is freed exactly once.
    unsafe { libc::freeaddrinfo(list) };
    Ok(runtime.new_list(entries))
}

fn optional_c_string(host: &mut dyn Host, value: Value) -> PyResult<Option<CString>> {
    if value.is_none() {
        return Ok(None);
    }
    let text = if let Some(text) = str_value(value) {
        text.to_string()
    } else if let Some(int) = value.as_small_int() {
        int.to_string()
    } else if let Some((bytes, _)) = crate::types::bytes::bytes_of(value) {
        String::from_utf8_lossy(bytes).into_owned()
    } else {
        let runtime = host.runtime();
        let message = format!(
            "str, bytes or None expected, not {}",
            type_name(runtime, value)
        );
        return Err(runtime.type_error(message));
    };
    match CString::new(text) {
        Ok(text) => Ok(Some(text)),
        Err(_) => Err(host.runtime().value_error("embedded null character")),
    }
}

fn gethostname(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let mut buffer = vec![0u8; 256];
    // SAFETY: `buffer` is valid for writes of its length.
    if unsafe { libc::gethostname(buffer.as_mut_ptr().cast(), buffer.len()) } < 0 {
        return Err(os_error(host, last_errno()));
    }
    let end = buffer
        .iter()
        .position(|&byte| byte == 0)
        .unwrap_or(buffer.len());
    Ok(host
        .runtime()
        .new_string(String::from_utf8_lossy(&buffer[..end]).into_owned()))
}
