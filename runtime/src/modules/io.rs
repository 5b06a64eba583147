//! `_io`: open files with buffering, under `lib/io.py`.
//!
//! A `_io.RawFile` is an open file with a read buffer and a write buffer, so that reading line
//! by line and writing many small pieces cost one system call per buffer, not per call. Text
//! decoding, newline translation, `StringIO` and the classes programs see are Python code in
//! `lib/io.py`, which calls these methods.
//!
//! Buffered writes are never lost: every open file is in a registry that
//! [`flush_open_files`] walks (the runtime's output flush calls it, at exit among other times),
//! and a file the collector frees flushes itself when dropped.

use std::cell::RefCell;
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::io::{AsRawFd, FromRawFd};
use std::rc::{Rc, Weak};

use super::native;
use super::posix::os_error;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// Bytes gathered before a write reaches the operating system.
const WRITE_BUFFER_SIZE: usize = 64 * 1024;
/// Bytes read from the operating system at a time.
const READ_CHUNK_SIZE: usize = 64 * 1024;

/// An open file and its buffers.
pub struct FileState {
    file: Option<std::fs::File>,
    /// Whether closing the object closes the descriptor (false for `open(fd, closefd=False)`).
    close_descriptor: bool,
    descriptor: i32,
    read_buffer: Vec<u8>,
    read_position: usize,
    write_buffer: Vec<u8>,
}

impl FileState {
    /// Writes out buffered data.
    fn flush(&mut self) -> std::io::Result<()> {
        if self.write_buffer.is_empty() {
            return Ok(());
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(());
        };
        let result = file.write_all(&self.write_buffer);
        self.write_buffer.clear();
        result
    }

    /// Gives back read-ahead so the descriptor's position is the logical position.
    fn drop_read_ahead(&mut self) -> std::io::Result<()> {
        let unread = self.read_buffer.len() - self.read_position;
        self.read_buffer.clear();
        self.read_position = 0;
        if unread > 0 {
            if let Some(file) = self.file.as_mut() {
                file.seek(SeekFrom::Current(-(unread as i64)))?;
            }
        }
        Ok(())
    }

    /// Fills the read buffer when empty; false at end of file.
    fn fill(&mut self) -> std::io::Result<bool> {
        if self.read_position < self.read_buffer.len() {
            return Ok(true);
        }
        let Some(file) = self.file.as_mut() else {
            return Ok(false);
        };
        self.read_buffer.resize(READ_CHUNK_SIZE, 0);
        self.read_position = 0;
        loop {
            match file.read(&mut self.read_buffer) {
                Ok(count) => {
                    self.read_buffer.truncate(count);
                    return Ok(count > 0);
                }
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => {
                    self.read_buffer.clear();
                    return Err(error);
                }
            }
        }
    }

    fn close(&mut self) -> std::io::Result<()> {
        let result = self.flush();
        if let Some(file) = self.file.take() {
            if !self.close_descriptor {
                // The descriptor belongs to someone else: forget it without closing.
                std::mem::forget(file);
            }
        }
        result
    }
}

impl Drop for FileState {
    fn drop(&mut self) {
        let _ = self.close();
    }
}

/// A native file object's state, shared with the registry of open files.
type SharedFile = Rc<RefCell<FileState>>;

thread_local! {
    static OPEN_FILES: RefCell<Vec<Weak<RefCell<FileState>>>> = const { RefCell::new(Vec::new()) };
}

/// Flushes every open file's write buffer (at exit, and whenever standard output is flushed,
/// so that output to files and to the terminal keeps its order); forgets files freed since.
pub fn flush_open_files() {
    OPEN_FILES.with(|files| {
        let Ok(mut files) = files.try_borrow_mut() else {
            return;
        };
        files.retain(|file| match file.upgrade() {
            Some(file) => {
                if let Ok(mut state) = file.try_borrow_mut() {
                    let _ = state.flush();
                }
                true
            }
            None => false,
        });
    });
}

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_io");
    native::new_class(
        runtime,
        module,
        "_io",
        "RawFile",
        &[
            ("read", read),
            ("readline", readline),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("flush", flush),
            ("close", close),
            ("fileno", fileno),
            ("isatty", isatty),
            ("truncate", truncate),
            ("closed", closed),
        ],
    );
    super::add_functions(runtime, module, "_io", &[("open", open)]);
    module
}

fn raw_file_class(runtime: &mut Runtime) -> Option<Value> {
    let name = runtime.intern("_io");
    let module = crate::types::dict::get_str_key(runtime, runtime.modules, name)?;
    let class_name = runtime.intern("RawFile");
    match module.as_object().map(|object| &object.payload) {
        Some(crate::object::Payload::Module { dict, .. }) => {
            crate::types::dict::get_str_key(runtime, *dict, class_name)
        }
        _ => None,
    }
}

/// `_io.open(path_or_fd, read, write, append, create, truncate, exclusive, closefd)`.
fn open(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let target = arguments.values.first().copied().unwrap_or(Value::NONE);
    let flag = |index: usize| arguments.values.get(index) == Some(&Value::TRUE);
    let (read, write, append, create, truncate, exclusive, close_descriptor) = (
        flag(1),
        flag(2),
        flag(3),
        flag(4),
        flag(5),
        flag(6),
        flag(7),
    );
    let descriptor_given = crate::types::int::as_int(target).and_then(|int| int.to_i64());
    let file = if let Some(descriptor) = descriptor_given {
        if descriptor < 0 {
            return Err(host.runtime().value_error("negative file descriptor"));
        }
        // Check that the descriptor is open before taking it.
        // SAFETY: fcntl(F_GETFD) only inspects the descriptor table.
        if unsafe { libc::fcntl(descriptor as i32, libc::F_GETFD) } == -1 {
            return Err(os_error(host, &std::io::Error::last_os_error(), &[]));
        }
        // SAFETY: the descriptor is open (checked above); the File owns it from now on, and
        // when `closefd` is false `FileState::close` forgets the File instead of closing it.
        unsafe { std::fs::File::from_raw_fd(descriptor as i32) }
    } else {
        let path = match crate::protocol::str_value(target) {
            Some(text) => std::path::PathBuf::from(text),
            None => match crate::types::bytes::bytes_of(target) {
                Some((bytes, _)) => std::path::PathBuf::from(
                    <std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes),
                ),
                None => {
                    let runtime = host.runtime();
                    let message = format!(
                        "expected str, bytes or os.PathLike object, not {}",
                        crate::protocol::type_name(runtime, target)
                    );
                    return Err(runtime.type_error(message));
                }
            },
        };
        if path.as_os_str().as_encoded_bytes().contains(&0) {
            return Err(host.runtime().value_error("embedded null byte"));
        }
        let mut options = std::fs::OpenOptions::new();
        options.read(read).write(write || append).append(append);
        if exclusive {
            options.create_new(true);
        } else {
            options.create(create).truncate(truncate);
        }
        let file = options
            .open(&path)
            .map_err(|error| os_error(host, &error, &[target]))?;
        if file.metadata().is_ok_and(|metadata| metadata.is_dir()) {
            let error = std::io::Error::from_raw_os_error(libc::EISDIR);
            return Err(os_error(host, &error, &[target]));
        }
        file
    };
    let descriptor = file.as_raw_fd();
    let state = Rc::new(RefCell::new(FileState {
        file: Some(file),
        close_descriptor: close_descriptor || descriptor_given.is_none(),
        descriptor,
        read_buffer: Vec::new(),
        read_position: 0,
        write_buffer: Vec::new(),
    }));
    OPEN_FILES.with(|files| files.borrow_mut().push(Rc::downgrade(&state)));
    let runtime = host.runtime();
    let Some(class) = raw_file_class(runtime) else {
        return Err(runtime.runtime_error("_io.RawFile is missing"));
    };
    Ok(native::new_object(runtime, class, state))
}

/// The receiver's state, or ValueError when it is closed.
fn open_state(host: &mut dyn Host, arguments: &Arguments) -> PyResult<SharedFile> {
    let state = native::receiver::<SharedFile>(host, arguments, "_io.RawFile")?.clone();
    if state.borrow().file.is_none() {
        return Err(host.runtime().value_error("I/O operation on closed file."));
    }
    Ok(state)
}

fn optional_size(host: &mut dyn Host, arguments: &Arguments, index: usize) -> PyResult<i64> {
    match arguments.values.get(index) {
        None => Ok(-1),
        Some(&value) if value.is_none() => Ok(-1),
        Some(&value) => match crate::types::int::as_int(value).and_then(|int| int.to_i64()) {
            Some(size) => Ok(size),
            None => {
                let runtime = host.runtime();
                let message = format!(
                    "argument should be integer or None, not '{}'",
                    crate::protocol::type_name(runtime, value)
                );
                Err(runtime.type_error(message))
            }
        },
    }
}

/// `read(size=-1)`: up to `size` bytes (all the rest when negative).
fn read(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let size = optional_size(host, &arguments, 1)?;
    let result = {
        let mut state = state.borrow_mut();
        read_bytes(&mut state, size)
    };
    match result {
        Ok(bytes) => Ok(crate::types::bytes::new_bytes(host.runtime(), bytes)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn read_bytes(state: &mut FileState, size: i64) -> std::io::Result<Vec<u8>> {
    state.flush()?;
    let mut out = Vec::new();
    if size < 0 {
        out.extend_from_slice(&state.read_buffer[state.read_position..]);
        state.read_buffer.clear();
        state.read_position = 0;
        if let Some(file) = state.file.as_mut() {
            file.read_to_end(&mut out)?;
        }
        return Ok(out);
    }
    let size = size as usize;
    while out.len() < size {
        if !state.fill()? {
            break;
        }
        let available = &state.read_buffer[state.read_position..];
        let take = available.len().min(size - out.len());
        out.extend_from_slice(&available[..take]);
        state.read_position += take;
    }
    Ok(out)
}

/// `readline(limit=-1)`: bytes up to and including the next `\n`.
fn readline(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let limit = optional_size(host, &arguments, 1)?;
    let result = {
        let mut state = state.borrow_mut();
        read_line(&mut state, limit)
    };
    match result {
        Ok(bytes) => Ok(crate::types::bytes::new_bytes(host.runtime(), bytes)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn read_line(state: &mut FileState, limit: i64) -> std::io::Result<Vec<u8>> {
    state.flush()?;
    let limit = if limit < 0 {
        usize::MAX
    } else {
        limit as usize
    };
    let mut out = Vec::new();
    while out.len() < limit {
        if !state.fill()? {
            break;
        }
        let available = &state.read_buffer[state.read_position..];
        let room = available.len().min(limit - out.len());
        match available[..room].iter().position(|&byte| byte == b'\n') {
            Some(end) => {
                out.extend_from_slice(&available[..=end]);
                state.read_position += end + 1;
                break;
            }
            None => {
                out.extend_from_slice(&available[..room]);
                state.read_position += room;
            }
        }
    }
    Ok(out)
}

fn write(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let data = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    let Some(bytes) = crate::types::bytes::buffer(data) else {
        let runtime = host.runtime();
        let message = format!(
            "a bytes-like object is required, not '{}'",
            crate::protocol::type_name(runtime, data)
        );
        return Err(runtime.type_error(message));
    };
    let count = bytes.len();
    let result = {
        let mut state = state.borrow_mut();
        let state = &mut *state;
        state.drop_read_ahead().and_then(|()| {
            state.write_buffer.extend_from_slice(&bytes);
            if state.write_buffer.len() >= WRITE_BUFFER_SIZE {
                state.flush()
            } else {
                Ok(())
            }
        })
    };
    match result {
        Ok(()) => Ok(host.runtime().new_int(count as i64)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn seek(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let offset = optional_size(host, &arguments, 1)?;
    let whence = optional_size(host, &arguments, 2)?.max(0);
    let target = match whence {
        0 if offset < 0 => {
            let message = format!("negative seek position {offset}");
            return Err(host.runtime().value_error(message));
        }
        0 => SeekFrom::Start(offset as u64),
        1 => SeekFrom::Current(offset),
        2 => SeekFrom::End(offset),
        _ => {
            let message = format!("invalid whence ({whence}, should be 0, 1 or 2)");
            return Err(host.runtime().value_error(message));
        }
    };
    let result = {
        let mut state = state.borrow_mut();
        let state = &mut *state;
        state
            .flush()
            .and_then(|()| state.drop_read_ahead())
            .and_then(|()| match state.file.as_mut() {
                Some(file) => file.seek(target),
                None => Ok(0),
            })
    };
    match result {
        Ok(position) => Ok(host.runtime().new_int(position as i64)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn tell(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let result = {
        let mut state = state.borrow_mut();
        let unread = (state.read_buffer.len() - state.read_position) as u64;
        let pending = state.write_buffer.len() as u64;
        match state.file.as_mut() {
            Some(file) => file
                .stream_position()
                .map(|position| position + pending - unread),
            None => Ok(0),
        }
    };
    match result {
        Ok(position) => Ok(host.runtime().new_int(position as i64)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

fn flush(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let result = state.borrow_mut().flush();
    result.map_err(|error| os_error(host, &error, &[]))?;
    Ok(Value::NONE)
}

fn close(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = native::receiver::<SharedFile>(host, &arguments, "_io.RawFile")?.clone();
    let result = state.borrow_mut().close();
    result.map_err(|error| os_error(host, &error, &[]))?;
    Ok(Value::NONE)
}

fn closed(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = native::receiver::<SharedFile>(host, &arguments, "_io.RawFile")?;
    let is_closed = state.borrow().file.is_none();
    Ok(Value::bool(is_closed))
}

fn fileno(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let descriptor = state.borrow().descriptor;
    Ok(host.runtime().new_int(i64::from(descriptor)))
}

fn isatty(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let descriptor = state.borrow().descriptor;
    // SAFETY: isatty only takes an integer.
    let result = unsafe { libc::isatty(descriptor) };
    Ok(Value::bool(result == 1))
}

/// `truncate(size=None)`: cuts the file at `size` (the current position when None).
fn truncate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = open_state(host, &arguments)?;
    let size = optional_size(host, &arguments, 1)?;
    let result = {
        let mut state = state.borrow_mut();
        let state = &mut *state;
        state
            .flush()
            .and_then(|()| state.drop_read_ahead())
            .and_then(|()| match state.file.as_mut() {
                Some(file) => {
                    let size = if size < 0 {
                        file.stream_position()?
                    } else {
                        size as u64
                    };
                    file.set_len(size).map(|()| size)
                }
                None => Ok(0),
            })
    };
    match result {
        Ok(size) => Ok(host.runtime().new_int(size as i64)),
        Err(error) => Err(os_error(host, &error, &[])),
    }
}

/// The builtin `open`: `io.open`, importing `io` on first use.
pub fn builtin_open(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let module = host.import_module("io")?;
    let runtime = host.runtime();
    let name = runtime.intern("open");
    let function = crate::protocol::attribute::get_attribute(host, module, name)?;
    crate::protocol::call::call(host, function, arguments.values, arguments.keyword_names)
}
