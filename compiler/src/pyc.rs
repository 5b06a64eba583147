//! The bytecode cache format: a [`CodeObject`] tree as bytes, behind a header that says which
//! source and which compiler it came from.
//!
//! A cache file is `__pycache__/NAME.krait-N.pyc`, N being [`FORMAT_VERSION`]. Its layout
//! (integers little-endian):
//!
//! | offset | size | field |
//! |---|---|---|
//! | 0 | 4 | [`MAGIC`] |
//! | 4 | 4 | [`FORMAT_VERSION`] |
//! | 8 | 4 | flags: [`flags::HASH_BASED`], [`flags::VERIFY_HASH`] |
//! | 12 | 4 | length of the body |
//! | 16 | 8 | [`COMPILER_FINGERPRINT`] of the compiler that wrote it |
//! | 24 | 8 | source size in bytes |
//! | 32 | 8 | source modification time, nanoseconds since the Unix epoch |
//! | 40 | 8 | source hash ([`checksum`] of its bytes), or 0 |
//! | 48 | 8 | [`checksum`] of the body |
//! | 56 | … | the body |
//!
//! The body is a string table followed by the module's code object; code objects nest through
//! their constants. See `pyc/encode.rs` for the exact encoding (LEB128 numbers, strings by
//! index into the table).
//!
//! Decoding is total: any byte string gives `Ok` or `Err`, never a panic, an unbounded
//! allocation or a native stack overflow, and what it returns passes the same structural checks
//! as the compiler's own output (arguments in range, a consistent stack depth), so the VM can
//! run it. The body checksum catches damage that still parses; the fingerprint makes code from
//! any other build of the compiler stale, so a changed code generator never runs old code.

mod decode;
mod encode;
#[cfg(test)]
mod tests;

use std::fmt;
use std::rc::Rc;

use crate::code::CodeObject;

pub use decode::verify;

/// The first bytes of every krait cache file (CPython's start with a version-specific number
/// and `\r\n`; this cannot be mistaken for one).
pub const MAGIC: [u8; 4] = *b"\x89KRT";

/// The version of the cache format and of the bytecode in it: the `N` of `NAME.krait-N.pyc`.
/// Bump it when the layout or the meaning of the encoded data changes.
pub const FORMAT_VERSION: u32 = 1;

/// The size of the header before the body.
pub const HEADER_SIZE: usize = 56;

/// A fingerprint of the compiler's own sources (computed by `build.rs`): a cache written by a
/// compiler whose code generation may differ is stale, even if the source is unchanged.
pub const COMPILER_FINGERPRINT: u64 = parse_hex(env!("KRAIT_COMPILER_FINGERPRINT"));

/// Nesting of code objects and constant tuples beyond this is not cached (the encoder refuses;
/// the decoder rejects it). As CPython's marshal; it bounds the decoder's recursion.
pub const MAX_NESTING: usize = 2_000;

/// Bits of the header's flags word.
pub mod flags {
    /// The cache is checked against the source's hash (`--check-source-hash`), not its
    /// modification time.
    pub const HASH_BASED: u32 = 0x1;
    /// A timestamp-based cache whose source was modified just before it was compiled: the
    /// timestamp alone could miss an edit made in the same clock tick, so the hash is checked
    /// as well.
    pub const VERIFY_HASH: u32 = 0x2;
    /// Every defined bit; a file with others set is from a newer format.
    pub const ALL: u32 = HASH_BASED | VERIFY_HASH;
}

/// What a cache file records about the source it was compiled from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceStamp {
    /// The source's size in bytes.
    pub size: u64,
    /// Its modification time in nanoseconds since the Unix epoch.
    pub mtime_ns: i64,
    /// Its [`checksum`], when the cache is checked by hash (see [`flags`]).
    pub hash: Option<u64>,
}

/// A decoded header.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Header {
    /// Bits from [`flags`].
    pub flags: u32,
    /// The source the body was compiled from.
    pub source: SourceStamp,
}

impl Header {
    /// A header for a cache checked by modification time and size; `hash` too when given.
    pub fn timestamp(size: u64, mtime_ns: i64, hash: Option<u64>) -> Header {
        let flags = if hash.is_some() {
            flags::VERIFY_HASH
        } else {
            0
        };
        Header {
            flags,
            source: SourceStamp {
                size,
                mtime_ns,
                hash,
            },
        }
    }

    /// A header for a cache checked by the source's hash and size.
    pub fn hash_based(size: u64, mtime_ns: i64, hash: u64) -> Header {
        Header {
            flags: flags::HASH_BASED,
            source: SourceStamp {
                size,
                mtime_ns,
                hash: Some(hash),
            },
        }
    }

    /// Whether the cache is checked by hash only.
    pub fn is_hash_based(&self) -> bool {
        self.flags & flags::HASH_BASED != 0
    }
}

/// Why a byte string is not a usable cache file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Shorter than its header or than the body length it declares.
    Truncated,
    /// Not a krait cache file (another program's, or garbage).
    Foreign,
    /// A krait cache file of another format version.
    OtherVersion(u32),
    /// Written by another build of the compiler.
    OtherCompiler,
    /// The body does not match its checksum.
    ChecksumMismatch,
    /// The body is malformed: what was wrong.
    Corrupt(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Truncated => write!(formatter, "truncated"),
            DecodeError::Foreign => {
                write!(formatter, "not a krait bytecode file (bad magic number)")
            }
            DecodeError::OtherVersion(version) => {
                write!(
                    formatter,
                    "bytecode format version {version}, expected {FORMAT_VERSION}"
                )
            }
            DecodeError::OtherCompiler => {
                write!(formatter, "written by another build of the compiler")
            }
            DecodeError::ChecksumMismatch => write!(formatter, "corrupt (checksum mismatch)"),
            DecodeError::Corrupt(what) => write!(formatter, "corrupt ({what})"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Why a code object cannot be cached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// Code objects or constant tuples nest deeper than [`MAX_NESTING`].
    TooDeep,
    /// The body would exceed the 4 GiB the header can describe.
    TooLarge,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::TooDeep => {
                write!(formatter, "constants nest deeper than {MAX_NESTING} levels")
            }
            EncodeError::TooLarge => write!(formatter, "the code is larger than 4 GiB"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// The cache tag of this format, `krait-N` (also `sys.implementation.cache_tag`).
pub fn cache_tag() -> String {
    format!("krait-{FORMAT_VERSION}")
}

/// The cache file name for a source file's stem: `NAME.krait-N.pyc`.
pub fn cache_file_name(stem: &str) -> String {
    format!("{stem}.{}.pyc", cache_tag())
}

/// A whole cache file: header, then the encoded `code`.
pub fn encode(code: &CodeObject, header: &Header) -> Result<Vec<u8>, EncodeError> {
    let mut out = Vec::with_capacity(HEADER_SIZE + 4096);
    out.resize(HEADER_SIZE, 0);
    encode::body(code, &mut out)?;
    let body_length = u32::try_from(out.len() - HEADER_SIZE).map_err(|_| EncodeError::TooLarge)?;
    let checksum = checksum(&out[HEADER_SIZE..]);
    write_header(&mut out[..HEADER_SIZE], header, body_length, checksum);
    Ok(out)
}

/// The same body behind a new header (to refresh a header without re-encoding).
pub fn with_header(file: &[u8], header: &Header) -> Result<Vec<u8>, DecodeError> {
    read_header(file)?;
    let body_length =
        u32::try_from(file.len() - HEADER_SIZE).map_err(|_| DecodeError::Truncated)?;
    let mut out = file.to_vec();
    let checksum = read_u64(file, 48);
    write_header(&mut out[..HEADER_SIZE], header, body_length, checksum);
    Ok(out)
}

fn write_header(out: &mut [u8], header: &Header, body_length: u32, body_checksum: u64) {
    out[0..4].copy_from_slice(&MAGIC);
    out[4..8].copy_from_slice(&FORMAT_VERSION.to_le_bytes());
    out[8..12].copy_from_slice(&header.flags.to_le_bytes());
    out[12..16].copy_from_slice(&body_length.to_le_bytes());
    out[16..24].copy_from_slice(&COMPILER_FINGERPRINT.to_le_bytes());
    out[24..32].copy_from_slice(&header.source.size.to_le_bytes());
    out[32..40].copy_from_slice(&header.source.mtime_ns.to_le_bytes());
    out[40..48].copy_from_slice(&header.source.hash.unwrap_or(0).to_le_bytes());
    out[48..56].copy_from_slice(&body_checksum.to_le_bytes());
}

/// Reads and checks the header of a cache file (magic, version, compiler, declared length);
/// the body is not looked at.
pub fn read_header(file: &[u8]) -> Result<Header, DecodeError> {
    if file.len() < 4 {
        return Err(if MAGIC.starts_with(file) {
            DecodeError::Truncated
        } else {
            DecodeError::Foreign
        });
    }
    if file[0..4] != MAGIC {
        return Err(DecodeError::Foreign);
    }
    if file.len() < HEADER_SIZE {
        return Err(DecodeError::Truncated);
    }
    let version = read_u32(file, 4);
    if version != FORMAT_VERSION {
        return Err(DecodeError::OtherVersion(version));
    }
    if read_u64(file, 16) != COMPILER_FINGERPRINT {
        return Err(DecodeError::OtherCompiler);
    }
    let flags = read_u32(file, 8);
    if flags & !flags::ALL != 0 {
        return Err(DecodeError::Corrupt(format!("unknown flags {flags:#x}")));
    }
    let body_length = read_u32(file, 12) as usize;
    match (file.len() - HEADER_SIZE).cmp(&body_length) {
        std::cmp::Ordering::Less => return Err(DecodeError::Truncated),
        std::cmp::Ordering::Greater => return Err(DecodeError::Corrupt("trailing bytes".into())),
        std::cmp::Ordering::Equal => {}
    }
    let hash = read_u64(file, 40);
    let has_hash = flags & (flags::HASH_BASED | flags::VERIFY_HASH) != 0;
    let source = SourceStamp {
        size: read_u64(file, 24),
        mtime_ns: read_u64(file, 32) as i64,
        hash: has_hash.then_some(hash),
    };
    Ok(Header { flags, source })
}

/// Decodes a whole cache file: checks the header and the body's checksum, then decodes and
/// verifies the code. `filename`, when given, replaces the file name recorded in every code
/// object (the source may have moved since it was compiled, as CPython's `_fix_co_filename`).
pub fn decode(
    file: &[u8],
    filename: Option<&str>,
) -> Result<(Header, Rc<CodeObject>), DecodeError> {
    let header = read_header(file)?;
    let body = &file[HEADER_SIZE..];
    if checksum(body) != read_u64(file, 48) {
        return Err(DecodeError::ChecksumMismatch);
    }
    let code = decode_body(body, filename)?;
    Ok((header, code))
}

/// Decodes a body (no header, no checksum): the string table and the code object tree.
pub fn decode_body(body: &[u8], filename: Option<&str>) -> Result<Rc<CodeObject>, DecodeError> {
    decode::body(body, filename)
}

fn read_u32(bytes: &[u8], offset: usize) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[offset..offset + 4]);
    u32::from_le_bytes(word)
}

fn read_u64(bytes: &[u8], offset: usize) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[offset..offset + 8]);
    u64::from_le_bytes(word)
}

/// A 64-bit hash of `bytes`, for the body checksum and the source hash. Not cryptographic: it
/// detects damage and edits. Each 8-byte word goes through a step that is a bijection of the
/// running state for a fixed word and of the word for a fixed state, so changing any single
/// word always changes the result; the length is mixed in, and a final avalanche spreads every
/// bit. Fast enough (8 bytes per multiply) to check a large body on every load.
pub fn checksum(bytes: &[u8]) -> u64 {
    const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut state: u64 = 0x6B72_6169_7421_7079 ^ (bytes.len() as u64).wrapping_mul(MULTIPLIER);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        state = (state.rotate_left(23) ^ u64::from_le_bytes(word)).wrapping_mul(MULTIPLIER);
    }
    let mut tail = [0; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    state = (state.rotate_left(23) ^ u64::from_le_bytes(tail)).wrapping_mul(MULTIPLIER);
    // MurmurHash3's finalizer.
    state ^= state >> 33;
    state = state.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    state ^= state >> 33;
    state = state.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    state ^ (state >> 33)
}

/// Parses the fingerprint `build.rs` provides (16 hex digits) at compile time.
const fn parse_hex(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut value: u64 = 0;
    let mut index = 0;
    while index < bytes.len() {
        let digit = match bytes[index] {
            byte @ b'0'..=b'9' => byte - b'0',
            byte @ b'a'..=b'f' => byte - b'a' + 10,
            byte @ b'A'..=b'F' => byte - b'A' + 10,
            _ => panic!("KRAIT_COMPILER_FINGERPRINT must be hexadecimal"),
        };
        value = (value << 4) | digit as u64;
        index += 1;
    }
    value
}
