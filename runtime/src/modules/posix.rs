//! `posix`: the operating-system calls under `lib/os.py`, as in CPython.
//!
//! Functions take their arguments positionally; `os.py` gives them CPython's signatures
//! (keywords, defaults, `exist_ok`, path-like objects). A failing call raises the `OSError`
//! subclass for its errno with CPython's message (`[Errno 2] No such file or directory: 'x'`),
//! through [`os_error`], which the `_io` module uses too.

use std::ffi::OsStr;
use std::os::unix::ffi::{OsStrExt, OsStringExt};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::PathBuf;

use num_traits::ToPrimitive;

use super::{argument, int_argument};
use crate::protocol::{str_value, type_name};
use crate::value::Value;
use crate::{Arguments, Host, PyErr, PyResult, Runtime};

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("posix");
    super::add_functions(
        runtime,
        module,
        "posix",
        &[
            ("getcwd", getcwd),
            ("getcwdb", getcwdb),
            ("chdir", chdir),
            ("listdir", listdir),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("unlink", unlink),
            ("remove", unlink),
            ("rename", rename),
            ("replace", rename),
            ("stat", stat),
            ("lstat", lstat),
            ("fstat", fstat),
            ("access", access),
            ("chmod", chmod),
            ("symlink", symlink),
            ("link", link),
            ("readlink", readlink),
            ("truncate", truncate),
            ("utime", utime),
            ("getpid", getpid),
            ("getppid", getppid),
            ("getuid", getuid),
            ("geteuid", geteuid),
            ("getgid", getgid),
            ("getegid", getegid),
            ("umask", umask),
            ("urandom", urandom),
            ("strerror", strerror),
            ("cpu_count", cpu_count),
            ("environ_items", environ_items),
            ("putenv", putenv),
            ("unsetenv", unsetenv),
            ("open", open),
            ("read", read),
            ("write", write),
            ("close", close),
            ("lseek", lseek),
            ("isatty", isatty),
            ("_exit", exit_now),
        ],
    );
    for (name, value) in [
        ("O_RDONLY", libc::O_RDONLY),
        ("O_WRONLY", libc::O_WRONLY),
        ("O_RDWR", libc::O_RDWR),
        ("O_APPEND", libc::O_APPEND),
        ("O_CREAT", libc::O_CREAT),
        ("O_EXCL", libc::O_EXCL),
        ("O_TRUNC", libc::O_TRUNC),
        ("O_NONBLOCK", libc::O_NONBLOCK),
        ("O_CLOEXEC", libc::O_CLOEXEC),
        ("F_OK", libc::F_OK),
        ("R_OK", libc::R_OK),
        ("W_OK", libc::W_OK),
        ("X_OK", libc::X_OK),
    ] {
        super::set(
            runtime,
            module,
            name,
            Value::small_int(i64::from(value)).unwrap_or(Value::NONE),
        );
    }
    module
}

/// Raises the `OSError` subclass for `error`, with CPython's strerror and the file name(s).
pub fn os_error(host: &mut dyn Host, error: &std::io::Error, filenames: &[Value]) -> PyErr {
    let runtime = host.runtime();
    let Some(code) = error.raw_os_error() else {
        let message = error.to_string();
        return runtime.new_error(runtime.types.os_error, message);
    };
    let errno = Value::small_int(i64::from(code)).unwrap_or(Value::NONE);
    let message = runtime.new_str(&error_message(code));
    let mut arguments = vec![errno, message];
    match filenames {
        [] => {}
        [one] => arguments.push(*one),
        [first, second, ..] => arguments.extend([*first, Value::NONE, *second]),
    }
    let class = runtime.types.os_error;
    match crate::types::exception::construct(host, class, Arguments::positional(&arguments)) {
        Ok(exception) => PyErr { exception },
        Err(error) => error,
    }
}

/// The C library's text for an errno (`strerror`), without Rust's " (os error N)".
pub fn error_message(code: i32) -> String {
    let text = std::io::Error::from_raw_os_error(code).to_string();
    match text.rfind(" (os error ") {
        Some(end) => text[..end].to_string(),
        None => text,
    }
}

/// A path argument: a str or bytes (os.py has already applied `os.fspath`).
fn path_argument(host: &mut dyn Host, value: Value, function: &str) -> PyResult<PathBuf> {
    if let Some(text) = str_value(value) {
        if text.contains('\0') {
            return Err(host.runtime().value_error("embedded null byte"));
        }
        return Ok(PathBuf::from(text));
    }
    if let Some((bytes, _)) = crate::types::bytes::bytes_of(value) {
        if bytes.contains(&0) {
            return Err(host.runtime().value_error("embedded null byte"));
        }
        return Ok(PathBuf::from(OsStr::from_bytes(bytes)));
    }
    let runtime = host.runtime();
    let message = format!(
        "{function}: path should be string, bytes or os.PathLike, not {}",
        type_name(runtime, value)
    );
    Err(runtime.type_error(message))
}

/// A name from the file system as the same kind as the path it came from.
fn name_value(runtime: &mut Runtime, name: &OsStr, as_bytes: bool) -> Value {
    if as_bytes {
        crate::types::bytes::new_bytes(runtime, name.as_bytes().to_vec())
    } else {
        runtime.new_string(name.to_string_lossy().into_owned())
    }
}

fn is_bytes(value: Value) -> bool {
    crate::types::bytes::bytes_of(value).is_some()
}

fn getcwd(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(path) => Ok(name_value(host.runtime(), path.as_os_str(), false)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn getcwdb(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(path) => Ok(name_value(host.runtime(), path.as_os_str(), true)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn chdir(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "chdir")?;
    std::env::set_current_dir(&path).map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn listdir(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "listdir")?;
    let entries = std::fs::read_dir(&path).map_err(|error| os_error(host, &error, &[value]))?;
    let mut names = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|error| os_error(host, &error, &[value]))?;
        names.push(entry.file_name());
    }
    let as_bytes = is_bytes(value);
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let list = runtime.new_list(Vec::with_capacity(names.len()));
    runtime.push_root(list);
    for name in names {
        let item = name_value(runtime, &name, as_bytes);
        if let Some(items) = crate::types::list::items(list) {
            items.push(item);
        }
    }
    runtime.pop_roots(mark);
    Ok(list)
}

fn mkdir(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "mkdir")?;
    let mode = match arguments.values.get(1) {
        Some(&mode) => int_argument(host, mode)?,
        None => 0o777,
    };
    let mut builder = std::fs::DirBuilder::new();
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, mode as u32);
    builder
        .create(&path)
        .map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn rmdir(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "rmdir")?;
    std::fs::remove_dir(&path).map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn unlink(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "remove")?;
    std::fs::remove_file(&path).map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn rename(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let source = argument(&arguments, 0);
    let target = argument(&arguments, 1);
    let source_path = path_argument(host, source, "rename")?;
    let target_path = path_argument(host, target, "rename")?;
    std::fs::rename(&source_path, &target_path)
        .map_err(|error| os_error(host, &error, &[source, target]))?;
    Ok(Value::NONE)
}

/// The fields `os.stat_result` is built from: mode, ino, dev, nlink, uid, gid, size, then
/// atime, mtime, ctime as floats and as nanoseconds, then blksize and blocks.
fn stat_tuple(host: &mut dyn Host, metadata: &std::fs::Metadata) -> Value {
    let runtime = host.runtime();
    let seconds = |whole: i64, nanoseconds: i64| whole as f64 + nanoseconds as f64 * 1e-9;
    let nanoseconds = |runtime: &mut Runtime, whole: i64, nanoseconds: i64| {
        runtime.new_bigint(
            num_bigint::BigInt::from(whole) * 1_000_000_000 + num_bigint::BigInt::from(nanoseconds),
        )
    };
    let mut items = vec![
        runtime.new_int(i64::from(metadata.mode())),
        runtime.new_bigint(metadata.ino().into()),
        runtime.new_bigint(metadata.dev().into()),
        runtime.new_bigint(metadata.nlink().into()),
        runtime.new_int(i64::from(metadata.uid())),
        runtime.new_int(i64::from(metadata.gid())),
        runtime.new_bigint(metadata.size().into()),
        Value::float(seconds(metadata.atime(), metadata.atime_nsec())),
        Value::float(seconds(metadata.mtime(), metadata.mtime_nsec())),
        Value::float(seconds(metadata.ctime(), metadata.ctime_nsec())),
    ];
    // The big ints above are fresh heap objects: root them while making the rest.
    let mark = runtime.root_mark();
    items.iter().for_each(|&item| runtime.push_root(item));
    for (whole, fraction) in [
        (metadata.atime(), metadata.atime_nsec()),
        (metadata.mtime(), metadata.mtime_nsec()),
        (metadata.ctime(), metadata.ctime_nsec()),
    ] {
        let value = nanoseconds(runtime, whole, fraction);
        runtime.push_root(value);
        items.push(value);
    }
    items.push(runtime.new_bigint(metadata.blksize().into()));
    runtime.push_root(items[items.len() - 1]);
    items.push(runtime.new_bigint(metadata.blocks().into()));
    let tuple = runtime.new_tuple(items);
    runtime.pop_roots(mark);
    tuple
}

fn stat(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let follow = arguments
        .values
        .get(1)
        .is_none_or(|&flag| flag != Value::FALSE);
    let path = path_argument(host, value, "stat")?;
    let metadata = if follow {
        std::fs::metadata(&path)
    } else {
        std::fs::symlink_metadata(&path)
    };
    match metadata {
        Ok(metadata) => Ok(stat_tuple(host, &metadata)),
        Err(error) => Err(os_error(host, &error, &[value])),
    }
}

fn lstat(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "lstat")?;
    match std::fs::symlink_metadata(&path) {
        Ok(metadata) => Ok(stat_tuple(host, &metadata)),
        Err(error) => Err(os_error(host, &error, &[value])),
    }
}

fn fstat(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = int_argument(host, argument(&arguments, 0))?;
    // /proc/self/fd/N names the open file on Linux; stat through it follows to the file.
    let path = format!("/proc/self/fd/{descriptor}");
    match std::fs::metadata(path) {
        Ok(metadata) => Ok(stat_tuple(host, &metadata)),
        Err(_) => Err(os_error(
            host,
            &std::io::Error::from_raw_os_error(libc::EBADF),
            &[],
        )),
    }
}

fn c_path(host: &mut dyn Host, value: Value, function: &str) -> PyResult<std::ffi::CString> {
    let path = path_argument(host, value, function)?;
    std::ffi::CString::new(path.into_os_string().into_vec())
        .map_err(|_| host.runtime().value_error("embedded null byte"))
}

fn access(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let path = c_path(host, argument(&arguments, 0), "access")?;
    let mode = int_argument(host, argument(&arguments, 1))?;
    // SAFETY: `path` is a NUL-terminated string that outlives the call; access only reads it.
    let result = unsafe { libc::access(path.as_ptr(), mode as libc::c_int) };
    Ok(Value::bool(result == 0))
}

fn chmod(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "chmod")?;
    let mode = int_argument(host, argument(&arguments, 1))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode as u32))
        .map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn symlink(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let source = argument(&arguments, 0);
    let target = argument(&arguments, 1);
    let source_path = path_argument(host, source, "symlink")?;
    let target_path = path_argument(host, target, "symlink")?;
    std::os::unix::fs::symlink(&source_path, &target_path)
        .map_err(|error| os_error(host, &error, &[source, target]))?;
    Ok(Value::NONE)
}

fn link(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let source = argument(&arguments, 0);
    let target = argument(&arguments, 1);
    let source_path = path_argument(host, source, "link")?;
    let target_path = path_argument(host, target, "link")?;
    std::fs::hard_link(&source_path, &target_path)
        .map_err(|error| os_error(host, &error, &[source, target]))?;
    Ok(Value::NONE)
}

fn readlink(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "readlink")?;
    match std::fs::read_link(&path) {
        Ok(target) => Ok(name_value(
            host.runtime(),
            target.as_os_str(),
            is_bytes(value),
        )),
        Err(error) => Err(os_error(host, &error, &[value])),
    }
}

fn truncate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "truncate")?;
    let length = int_argument(host, argument(&arguments, 1))?;
    std::fs::OpenOptions::new()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_len(length.max(0) as u64))
        .map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn utime(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = path_argument(host, value, "utime")?;
    let times = argument(&arguments, 1);
    let to_time = |seconds: f64| {
        if seconds >= 0.0 {
            std::time::UNIX_EPOCH + std::time::Duration::from_secs_f64(seconds)
        } else {
            std::time::UNIX_EPOCH - std::time::Duration::from_secs_f64(-seconds)
        }
    };
    let from_nanoseconds = |value: Value| {
        let nanoseconds = crate::types::int::as_int(value)?.to_bigint().into_owned();
        let (seconds, remainder) = num_integer::Integer::div_mod_floor(
            &nanoseconds,
            &num_bigint::BigInt::from(1_000_000_000),
        );
        let seconds = seconds.to_i64()?;
        let remainder = remainder.to_u32()?;
        Some(if seconds >= 0 {
            std::time::UNIX_EPOCH + std::time::Duration::new(seconds as u64, remainder)
        } else {
            std::time::UNIX_EPOCH - std::time::Duration::new(seconds.unsigned_abs(), 0)
                + std::time::Duration::new(0, remainder)
        })
    };
    let nanoseconds = argument(&arguments, 2);
    let exact = match crate::types::tuple::items(nanoseconds) {
        Some([accessed, modified]) => from_nanoseconds(*accessed).zip(from_nanoseconds(*modified)),
        _ => None,
    };
    let (accessed, modified) = if let Some(exact) = exact {
        exact
    } else {
        match crate::types::tuple::items(times) {
            Some([accessed, modified]) => {
                let number = |value: Value| {
                    value
                        .as_float()
                        .or_else(|| crate::types::int::as_int(value).and_then(|int| int.to_f64()))
                };
                match (number(*accessed), number(*modified)) {
                    (Some(accessed), Some(modified)) => (to_time(accessed), to_time(modified)),
                    _ => {
                        return Err(host.runtime().type_error(
                            "utime: 'times' must be either a tuple of two ints or None",
                        ))
                    }
                }
            }
            _ => {
                let now = std::time::SystemTime::now();
                (now, now)
            }
        }
    };
    let file_times = std::fs::FileTimes::new()
        .set_accessed(accessed)
        .set_modified(modified);
    std::fs::File::options()
        .write(true)
        .open(&path)
        .or_else(|_| std::fs::File::open(&path))
        .and_then(|file| file.set_times(file_times))
        .map_err(|error| os_error(host, &error, &[value]))?;
    Ok(Value::NONE)
}

fn getpid(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(host.runtime().new_int(i64::from(std::process::id())))
}

fn getppid(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    Ok(host
        .runtime()
        .new_int(i64::from(std::os::unix::process::parent_id())))
}

fn getuid(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    // SAFETY: getuid has no preconditions and cannot fail.
    let id = unsafe { libc::getuid() };
    Ok(host.runtime().new_int(i64::from(id)))
}

fn geteuid(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    // SAFETY: geteuid has no preconditions and cannot fail.
    let id = unsafe { libc::geteuid() };
    Ok(host.runtime().new_int(i64::from(id)))
}

fn getgid(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    // SAFETY: getgid has no preconditions and cannot fail.
    let id = unsafe { libc::getgid() };
    Ok(host.runtime().new_int(i64::from(id)))
}

fn getegid(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    // SAFETY: getegid has no preconditions and cannot fail.
    let id = unsafe { libc::getegid() };
    Ok(host.runtime().new_int(i64::from(id)))
}

fn umask(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let mask = int_argument(host, argument(&arguments, 0))?;
    // SAFETY: umask has no preconditions and cannot fail.
    let previous = unsafe { libc::umask(mask as libc::mode_t) };
    Ok(host.runtime().new_int(i64::from(previous)))
}

fn urandom(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let count = int_argument(host, argument(&arguments, 0))?;
    if count < 0 {
        return Err(host.runtime().value_error("negative argument not allowed"));
    }
    let mut bytes = vec![0u8; count as usize];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut bytes))
        .map_err(|error| os_error(host, &error, &[]))?;
    Ok(crate::types::bytes::new_bytes(host.runtime(), bytes))
}

fn strerror(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let code = int_argument(host, argument(&arguments, 0))?;
    let text = error_message(code as i32);
    Ok(host.runtime().new_string(text))
}

fn cpu_count(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    match std::thread::available_parallelism() {
        Ok(count) => Ok(host.runtime().new_int(count.get() as i64)),
        Err(_) => Ok(Value::NONE),
    }
}

/// The process environment as a list of (name, value) str pairs, in the OS's order.
fn environ_items(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let runtime = host.runtime();
    let mark = runtime.root_mark();
    let list = runtime.new_list(Vec::new());
    runtime.push_root(list);
    for (name, value) in std::env::vars_os() {
        let name = runtime.new_string(name.to_string_lossy().into_owned());
        runtime.push_root(name);
        let value = runtime.new_string(value.to_string_lossy().into_owned());
        runtime.push_root(value);
        let pair = runtime.new_tuple_from(&[name, value]);
        if let Some(items) = crate::types::list::items(list) {
            items.push(pair);
        }
    }
    runtime.pop_roots(mark);
    Ok(list)
}

fn environment_name(host: &mut dyn Host, value: Value) -> PyResult<&'static str> {
    match str_value(value) {
        Some(text) if text.contains('\0') => Err(host.runtime().value_error("embedded null byte")),
        Some(text) => Ok(text),
        None => {
            let runtime = host.runtime();
            let message = format!("str expected, not {}", type_name(runtime, value));
            Err(runtime.type_error(message))
        }
    }
}

fn putenv(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let name = environment_name(host, argument(&arguments, 0))?;
    let value = environment_name(host, argument(&arguments, 1))?;
    if name.is_empty() || name.contains('=') {
        return Err(host
            .runtime()
            .value_error("illegal environment variable name"));
    }
    std::env::set_var(name, value);
    Ok(Value::NONE)
}

fn unsetenv(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let name = environment_name(host, argument(&arguments, 0))?;
    if name.is_empty() || name.contains('=') {
        return Err(host
            .runtime()
            .value_error("illegal environment variable name"));
    }
    std::env::remove_var(name);
    Ok(Value::NONE)
}

/// The result of a libc call that returns -1 and sets errno on failure.
fn check(host: &mut dyn Host, result: i64, filenames: &[Value]) -> PyResult<i64> {
    if result == -1 {
        Err(os_error(host, &std::io::Error::last_os_error(), filenames))
    } else {
        Ok(result)
    }
}

fn open(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let value = argument(&arguments, 0);
    let path = c_path(host, value, "open")?;
    let flags = int_argument(host, argument(&arguments, 1))?;
    let mode = match arguments.values.get(2) {
        Some(&mode) => int_argument(host, mode)?,
        None => 0o777,
    };
    // SAFETY: `path` is NUL-terminated and outlives the call; the flags and mode are plain
    // integers that open(2) validates itself. O_CLOEXEC matches CPython's non-inheritable fds.
    let descriptor = unsafe {
        libc::open(
            path.as_ptr(),
            flags as libc::c_int | libc::O_CLOEXEC,
            mode as libc::c_uint,
        )
    };
    let descriptor = check(host, i64::from(descriptor), &[value])?;
    Ok(host.runtime().new_int(descriptor))
}

fn read(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = int_argument(host, argument(&arguments, 0))?;
    let count = int_argument(host, argument(&arguments, 1))?;
    if count < 0 {
        return Err(host.runtime().value_error("negative count"));
    }
    let mut buffer = vec![0u8; count as usize];
    // SAFETY: `buffer` is valid for writes of `count` bytes; read(2) writes at most that many.
    let read = unsafe {
        libc::read(
            descriptor as libc::c_int,
            buffer.as_mut_ptr().cast(),
            buffer.len(),
        )
    };
    let read = check(host, read as i64, &[])?;
    buffer.truncate(read as usize);
    Ok(crate::types::bytes::new_bytes(host.runtime(), buffer))
}

fn write(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = int_argument(host, argument(&arguments, 0))?;
    let data = argument(&arguments, 1);
    let Some(bytes) = crate::types::bytes::buffer(data) else {
        let runtime = host.runtime();
        let message = format!(
            "a bytes-like object is required, not '{}'",
            type_name(runtime, data)
        );
        return Err(runtime.type_error(message));
    };
    if descriptor == 1 || descriptor == 2 {
        // Keep the order with print(), whose output the runtime buffers.
        host.runtime().output.flush_or_defer();
    }
    // SAFETY: `bytes` is valid for reads of its length for the duration of the call.
    let written = unsafe {
        libc::write(
            descriptor as libc::c_int,
            bytes.as_ptr().cast(),
            bytes.len(),
        )
    };
    let written = check(host, written as i64, &[])?;
    Ok(host.runtime().new_int(written))
}

fn close(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = int_argument(host, argument(&arguments, 0))?;
    // SAFETY: closing a descriptor number has no memory-safety preconditions; a file the
    // runtime itself holds open through std is never closed this way by krait's own code.
    let result = unsafe { libc::close(descriptor as libc::c_int) };
    check(host, i64::from(result), &[])?;
    Ok(Value::NONE)
}

fn lseek(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = int_argument(host, argument(&arguments, 0))?;
    let offset = int_argument(host, argument(&arguments, 1))?;
    let whence = int_argument(host, argument(&arguments, 2))?;
    // SAFETY: lseek only takes integers.
    let position = unsafe {
        libc::lseek(
            descriptor as libc::c_int,
            offset as libc::off_t,
            whence as libc::c_int,
        )
    };
    let position = check(host, position as i64, &[])?;
    Ok(host.runtime().new_int(position))
}

fn isatty(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let descriptor = int_argument(host, argument(&arguments, 0))?;
    // SAFETY: isatty only takes an integer.
    let result = unsafe { libc::isatty(descriptor as libc::c_int) };
    Ok(Value::bool(result == 1))
}

fn exit_now(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let status = int_argument(host, argument(&arguments, 0))?;
    std::process::exit(status as i32)
}
