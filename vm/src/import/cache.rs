//! The bytecode cache on disk: finding a source file's code in `__pycache__`, or compiling it
//! and writing the cache (the format itself is `krait_compiler::pyc`).
//!
//! - A cache file is used only if its header matches the source: modification time and size
//!   (and the hash too when the source was modified just before it was compiled — within the
//!   same clock tick an edit could keep both), or the hash and size for hash-based files and
//!   with `--check-source-hash`. Anything else (missing, unreadable, truncated, corrupt,
//!   foreign, another format version, another compiler build) means compile, then rewrite.
//! - Writing goes to a temporary file beside the cache file, then a rename: readers and
//!   concurrent writers only ever see a complete file. A directory that cannot be written
//!   means no cache, and no error.
//! - Cache files are read through a memory map and decoded in place.

use std::fmt;
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use krait_compiler::pyc::{self, DecodeError, Header};
use krait_compiler::{CodeObject, SyntaxError};

/// How the cache is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CacheSettings {
    /// Whether cache files are written (`-B`, `KRAIT_DONTWRITEBYTECODE`, `sys.dont_write_bytecode`
    /// turn it off); they are read either way.
    pub write: bool,
    /// `--check-source-hash`: validate by the source's hash and write hash-based files.
    pub check_source_hash: bool,
}

impl Default for CacheSettings {
    fn default() -> Self {
        CacheSettings {
            write: true,
            check_source_hash: false,
        }
    }
}

/// A source modified less than this long before it was compiled may change again within the
/// same timestamp: its cache also records the source hash, which is then checked as well.
const RACY_WINDOW: Duration = Duration::from_secs(2);

/// Code for a source file, and how it was obtained.
pub struct CachedCode {
    /// The module's code object.
    pub code: Rc<CodeObject>,
    /// The source text, when it was read (always when compiled).
    pub source: Option<Rc<str>>,
    /// Where the cache file is (whether or not it exists).
    pub cache_path: Option<PathBuf>,
    /// Loaded or compiled, and why.
    pub outcome: Outcome,
}

/// Where code came from, for `krait -v`.
#[derive(Debug)]
pub enum Outcome {
    /// Decoded from the cache file.
    Loaded,
    /// Compiled from source.
    Compiled {
        /// Why the cache was not used.
        reason: Stale,
        /// What happened to the cache afterwards.
        write: CacheWrite,
    },
}

/// Why a cache file was not used.
#[derive(Debug)]
pub enum Stale {
    /// There is none.
    Missing,
    /// The source is not a regular file (a pipe, a device): never cached.
    NotRegularFile,
    /// It could not be opened or mapped.
    Unreadable(io::Error),
    /// It is damaged, foreign, or of another version or compiler build.
    Damaged(DecodeError),
    /// The source changed since it was written.
    SourceChanged,
    /// It is checked by timestamp but `--check-source-hash` asks for a hash.
    NotHashBased,
}

/// What happened to the cache file after compiling.
#[derive(Debug)]
pub enum CacheWrite {
    /// Written.
    Written,
    /// Writing is turned off.
    Disabled,
    /// Not attempted (the source is not a regular file).
    NotApplicable,
    /// Writing failed (a read-only directory, a full disk); nothing else is affected.
    Failed(String),
}

/// Why a source file has no code.
#[derive(Debug)]
pub enum Failure {
    /// The source could not be read.
    Io(io::Error),
    /// It is not UTF-8: the first bad byte, its offset and its line (CPython's message).
    NotUtf8 {
        /// The first byte that is not part of valid UTF-8.
        byte: u8,
        /// Its offset in the file.
        offset: usize,
        /// Its 1-based line.
        line: usize,
    },
    /// It does not compile.
    Syntax(SyntaxError),
}

impl fmt::Display for Stale {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Stale::Missing => write!(formatter, "no cache file"),
            Stale::NotRegularFile => write!(formatter, "not a regular file"),
            Stale::Unreadable(error) => write!(formatter, "cache file unreadable: {error}"),
            Stale::Damaged(error) => write!(formatter, "cache file ignored: {error}"),
            Stale::SourceChanged => write!(formatter, "source changed"),
            Stale::NotHashBased => write!(
                formatter,
                "cache file is timestamp-based, a source hash is required"
            ),
        }
    }
}

/// The cache file of a source file: `DIR/__pycache__/STEM.krait-N.pyc`.
pub fn cache_path(source: &Path) -> Option<PathBuf> {
    let stem = source.file_stem()?.to_str()?;
    let directory = source.parent().unwrap_or(Path::new(""));
    Some(
        directory
            .join("__pycache__")
            .join(pyc::cache_file_name(stem)),
    )
}

/// Where the code of the module file at `source` is cached: beside it ([`cache_path`]), or in
/// the per-user cache for a library module embedded in the binary.
pub fn module_cache_path(source: &Path) -> Option<PathBuf> {
    match super::library::relative(source)
        .filter(|relative| super::library::embedded(relative).is_some())
    {
        Some(relative) => super::library::cache_path(&relative),
        None => cache_path(source),
    }
}

/// The code of the source file at `path`, from its cache when that is fresh, else compiled
/// (and cached, if the settings allow). `filename` is what the code objects record (the
/// absolute path, as tracebacks show it).
pub fn load(path: &Path, filename: &str, settings: CacheSettings) -> Result<CachedCode, Failure> {
    let metadata = fs::metadata(path).map_err(Failure::Io)?;
    if !metadata.is_file() {
        let source = read_source(path)?;
        let code = compile(&source, filename)?;
        let outcome = Outcome::Compiled {
            reason: Stale::NotRegularFile,
            write: CacheWrite::NotApplicable,
        };
        return Ok(CachedCode {
            code,
            source: Some(source),
            cache_path: None,
            outcome,
        });
    }
    let stamp = SourceInfo::of(&metadata);
    let Some(cache) = cache_path(path) else {
        let source = read_source(path)?;
        let code = compile(&source, filename)?;
        let outcome = Outcome::Compiled {
            reason: Stale::NotRegularFile,
            write: CacheWrite::NotApplicable,
        };
        return Ok(CachedCode {
            code,
            source: Some(source),
            cache_path: None,
            outcome,
        });
    };
    let mut source: Option<Rc<str>> = None;
    let reason = match try_cache(path, &cache, &stamp, settings, &mut source, filename) {
        Ok(code) => {
            return Ok(CachedCode {
                code,
                source,
                cache_path: Some(cache),
                outcome: Outcome::Loaded,
            })
        }
        Err(reason) => reason,
    };
    let source = match source {
        Some(source) => source,
        None => read_source(path)?,
    };
    let code = compile(&source, filename)?;
    let write = if settings.write {
        match write_cache(&cache, &code, &stamp, source.as_bytes(), settings) {
            Ok(()) => CacheWrite::Written,
            Err(error) => CacheWrite::Failed(error),
        }
    } else {
        CacheWrite::Disabled
    };
    Ok(CachedCode {
        code,
        source: Some(source),
        cache_path: Some(cache),
        outcome: Outcome::Compiled { reason, write },
    })
}

/// The code of a library module embedded in the binary (`library.rs`): from its per-user
/// cache file when that holds this build's code for exactly this source (hash-based: the
/// embedded source has no modification time), else compiled and cached there.
pub fn load_embedded(
    relative: &str,
    source: &'static str,
    filename: &str,
    settings: CacheSettings,
) -> Result<CachedCode, Failure> {
    let cache = super::library::cache_path(relative);
    let size = source.len() as u64;
    let hash = pyc::checksum(source.as_bytes());
    let reason = match &cache {
        None => Stale::Missing,
        Some(cache) => match try_embedded_cache(cache, size, hash, filename) {
            Ok(code) => {
                return Ok(CachedCode {
                    code,
                    source: Some(Rc::from(source)),
                    cache_path: Some(cache.clone()),
                    outcome: Outcome::Loaded,
                })
            }
            Err(reason) => reason,
        },
    };
    let code = compile(source, filename)?;
    let write = match &cache {
        None => CacheWrite::NotApplicable,
        Some(_) if !settings.write => CacheWrite::Disabled,
        Some(cache) => {
            let written = pyc::encode(&code, &Header::hash_based(size, 0, hash))
                .map_err(|error| error.to_string())
                .and_then(|bytes| {
                    create_directories(cache)?;
                    write_atomically(cache, &bytes).map_err(|error| describe_io_error(&error))
                });
            match written {
                Ok(()) => CacheWrite::Written,
                Err(error) => CacheWrite::Failed(error),
            }
        }
    };
    Ok(CachedCode {
        code,
        source: Some(Rc::from(source)),
        cache_path: cache,
        outcome: Outcome::Compiled { reason, write },
    })
}

/// The cached code of an embedded module if its cache file matches the source's size and hash.
fn try_embedded_cache(
    cache: &Path,
    size: u64,
    hash: u64,
    filename: &str,
) -> Result<Rc<CodeObject>, Stale> {
    let file = match fs::File::open(cache) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(Stale::Missing),
        Err(error) => return Err(Stale::Unreadable(error)),
    };
    if file.metadata().is_ok_and(|metadata| metadata.len() == 0) {
        return Err(Stale::Damaged(DecodeError::Truncated));
    }
    let map = map(&file).map_err(Stale::Unreadable)?;
    let header = pyc::read_header(&map).map_err(Stale::Damaged)?;
    if !header.is_hash_based() || header.source.size != size || header.source.hash != Some(hash) {
        return Err(Stale::SourceChanged);
    }
    let (_, code) = pyc::decode(&map, Some(filename)).map_err(Stale::Damaged)?;
    Ok(code)
}

/// Creates the directories above a per-user cache file (the `__pycache__` beside a source is
/// created by [`write_atomically`] itself).
fn create_directories(cache: &Path) -> Result<(), String> {
    match cache.parent().and_then(Path::parent) {
        Some(grandparent) => {
            fs::create_dir_all(grandparent).map_err(|error| describe_io_error(&error))
        }
        None => Ok(()),
    }
}

/// What `krait compile` did with one file.
#[derive(Debug, PartialEq, Eq)]
pub enum Precompiled {
    /// The cache was already fresh.
    UpToDate,
    /// Compiled and written.
    Written,
}

/// Compiles `path` into its cache file unless that is fresh (`krait compile`). Unlike
/// [`load`], failing to write is an error here: writing is the point.
pub fn precompile(
    path: &Path,
    filename: &str,
    settings: CacheSettings,
) -> Result<Precompiled, String> {
    let metadata = fs::metadata(path).map_err(|error| error.to_string())?;
    let stamp = SourceInfo::of(&metadata);
    let cache = cache_path(path).ok_or("no cache file name for this path")?;
    let mut source = None;
    if try_cache(path, &cache, &stamp, settings, &mut source, filename).is_ok() {
        return Ok(Precompiled::UpToDate);
    }
    let source = match source {
        Some(source) => source,
        None => read_source(path).map_err(|failure| describe_failure(&failure, filename))?,
    };
    let code =
        compile(&source, filename).map_err(|failure| describe_failure(&failure, filename))?;
    write_cache(&cache, &code, &stamp, source.as_bytes(), settings)
        .map_err(|error| format!("krait compile: can't write {}: {error}", cache.display()))?;
    Ok(Precompiled::Written)
}

/// A failure as CPython prints it (a syntax error's full report).
pub fn describe_failure(failure: &Failure, filename: &str) -> String {
    match failure {
        Failure::Io(error) => format!("can't read {filename}: {error}"),
        Failure::NotUtf8 { byte, line, .. } => non_utf8_message(*byte, filename, *line),
        Failure::Syntax(error) => error.to_string(),
    }
}

/// CPython's message for a source that is not UTF-8 and declares no encoding.
pub fn non_utf8_message(byte: u8, filename: &str, line: usize) -> String {
    format!(
        "SyntaxError: Non-UTF-8 code starting with '\\x{byte:02x}' in file {filename} on line {line}, but no encoding declared; see https://peps.python.org/pep-0263/ for details"
    )
}

/// Reads and decodes a cache file without checking it against any source (`krait --dis`).
pub fn read_cache_file(path: &Path) -> Result<Rc<CodeObject>, String> {
    let file = fs::File::open(path).map_err(|error| error.to_string())?;
    let map = map(&file).map_err(|error| error.to_string())?;
    pyc::decode(&map, None)
        .map(|(_, code)| code)
        .map_err(|error| error.to_string())
}

/// The stat information a cache is checked against.
struct SourceInfo {
    size: u64,
    mtime_ns: i64,
    /// Whether the source was modified so recently that the same timestamp could hide another
    /// edit.
    racy: bool,
}

impl SourceInfo {
    fn of(metadata: &fs::Metadata) -> SourceInfo {
        let modified = metadata.modified().ok();
        let mtime_ns = modified.map_or(0, |time| match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_nanos()).unwrap_or(i64::MAX),
            Err(before) => {
                i64::try_from(before.duration().as_nanos()).map_or(i64::MIN, |nanos| -nanos)
            }
        });
        let racy = modified.is_none_or(|time| {
            SystemTime::now()
                .duration_since(time)
                .map_or(true, |age| age < RACY_WINDOW)
        });
        SourceInfo {
            size: metadata.len(),
            mtime_ns,
            racy,
        }
    }
}

/// The cached code if the cache file is fresh; otherwise why not. Reads the source into
/// `source` when checking a hash needs it.
fn try_cache(
    path: &Path,
    cache: &Path,
    stamp: &SourceInfo,
    settings: CacheSettings,
    source: &mut Option<Rc<str>>,
    filename: &str,
) -> Result<Rc<CodeObject>, Stale> {
    let file = match fs::File::open(cache) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Err(Stale::Missing),
        Err(error) => return Err(Stale::Unreadable(error)),
    };
    if file.metadata().is_ok_and(|metadata| metadata.len() == 0) {
        return Err(Stale::Damaged(DecodeError::Truncated));
    }
    let map = map(&file).map_err(Stale::Unreadable)?;
    let header = pyc::read_header(&map).map_err(Stale::Damaged)?;
    let hash_of_source = |source: &mut Option<Rc<str>>| -> Option<u64> {
        if source.is_none() {
            *source = read_source(path).ok();
        }
        source.as_ref().map(|text| pyc::checksum(text.as_bytes()))
    };
    let fresh = if header.is_hash_based() {
        header.source.size == stamp.size
            && header.source.hash.is_some()
            && hash_of_source(source) == header.source.hash
    } else if settings.check_source_hash {
        return Err(Stale::NotHashBased);
    } else {
        header.source.size == stamp.size
            && header.source.mtime_ns == stamp.mtime_ns
            && (header.source.hash.is_none() || hash_of_source(source) == header.source.hash)
    };
    if !fresh {
        return Err(Stale::SourceChanged);
    }
    let (_, code) = pyc::decode(&map, Some(filename)).map_err(Stale::Damaged)?;
    // A cache that also checks the hash because its source was new when it was compiled no
    // longer needs to once the source has aged: rewrite its header, so later runs skip reading
    // the source.
    if header.flags & pyc::flags::VERIFY_HASH != 0 && !stamp.racy && settings.write {
        let refreshed = Header::timestamp(stamp.size, stamp.mtime_ns, None);
        if let Ok(bytes) = pyc::with_header(&map, &refreshed) {
            drop(map);
            let _ = write_atomically(cache, &bytes);
        }
    }
    Ok(code)
}

/// Maps a cache file (read-only).
fn map(file: &fs::File) -> io::Result<memmap2::Mmap> {
    // SAFETY: the map is only read, and every caller drops it before returning (decoding copies
    // what it keeps). krait never writes a cache file in place — it writes a temporary file and
    // renames it over the old one — so a mapping always sees one complete file; only another
    // program truncating the file while it is mapped could make a read fault, as with any
    // mapped file.
    unsafe { memmap2::Mmap::map(file) }
}

fn read_source(path: &Path) -> Result<Rc<str>, Failure> {
    let bytes = fs::read(path).map_err(Failure::Io)?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Rc::from(text)),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let line = 1 + bytes[..offset]
                .iter()
                .filter(|&&byte| byte == b'\n')
                .count();
            Err(Failure::NotUtf8 {
                byte: bytes.get(offset).copied().unwrap_or(0),
                offset,
                line,
            })
        }
    }
}

fn compile(source: &str, filename: &str) -> Result<Rc<CodeObject>, Failure> {
    krait_compiler::compile_module(source, filename).map_err(Failure::Syntax)
}

fn write_cache(
    cache: &Path,
    code: &CodeObject,
    stamp: &SourceInfo,
    source: &[u8],
    settings: CacheSettings,
) -> Result<(), String> {
    let header = if settings.check_source_hash {
        Header::hash_based(stamp.size, stamp.mtime_ns, pyc::checksum(source))
    } else {
        Header::timestamp(
            stamp.size,
            stamp.mtime_ns,
            stamp.racy.then(|| pyc::checksum(source)),
        )
    };
    let bytes = pyc::encode(code, &header).map_err(|error| error.to_string())?;
    write_atomically(cache, &bytes).map_err(|error| describe_io_error(&error))
}

/// A temporary file name that no other writer (another thread or process) uses at the same
/// time: the process id and a per-process counter.
fn temporary_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut name = path
        .file_name()
        .map(|name| name.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{}.{count}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Writes `bytes` to `path` through a temporary file and a rename, creating the directory.
fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(directory) = path.parent() {
        match fs::create_dir(directory) {
            Ok(()) => {}
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
    let mut attempts = 0;
    let (temporary, mut file) = loop {
        let temporary = temporary_path(path);
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temporary)
        {
            Ok(file) => break (temporary, file),
            // A file left by a crashed process with the same id: take the next name.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && attempts < 8 => {
                attempts += 1
            }
            Err(error) => return Err(error),
        }
    };
    let result = file.write_all(bytes).and_then(|()| file.flush());
    drop(file);
    let result = result.and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result
}

fn describe_io_error(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "read-only file system".to_owned(),
        io::ErrorKind::NotADirectory => "__pycache__ is not a directory".to_owned(),
        io::ErrorKind::AlreadyExists => "__pycache__ is not a directory".to_owned(),
        _ => error.to_string(),
    }
}
