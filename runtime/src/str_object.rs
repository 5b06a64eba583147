//! The payload of a `str`: immutable UTF-8 with a cached hash and character count.
//!
//! Why short text lives inside the object: most strs a program makes are short (words, dict
//! keys, digits, one line of output), and every heap object already occupies a fixed slot (see
//! `heap.rs`). Storing up to [`INLINE_CAPACITY`] bytes in the slot itself makes such a str one
//! allocation instead of two (the slot and a separate text buffer): half the allocator calls,
//! no second cache miss to read the text, and no separate buffer for the collector to free.
//! Longer text is boxed, with the character index that makes indexing non-ASCII text fast.
//!
//! Whether a str is ASCII is not stored: UTF-8 text is ASCII exactly when it has as many
//! characters as bytes.
//!
//! Every str is built by [`StrObject::new`] (or its variants that skip work the caller has
//! already done), so the representation is chosen in one place.

use std::cell::{Cell, OnceCell};

/// The most bytes of text stored inline; longer text is boxed.
///
/// With the enum tag, length and interned flag this fills 32 bytes, as does the boxed form
/// (pointer, length, character index): the payload stays within a 64-byte heap object slot
/// (checked by `layout::tests::heap_objects_fit_a_cache_line`).
pub const INLINE_CAPACITY: usize = 29;

/// Strs of at most this many characters always keep their text inline: a character is at
/// most 4 bytes of UTF-8, and text of up to `INLINE_CAPACITY` bytes is always stored inline
/// (every constructor chooses by the byte length alone). Compiled code compares two such texts
/// as a few words (`jit/src/translate/strings.rs`).
pub const SHORT_CHARS: usize = 7;
const _: () = assert!(4 * SHORT_CHARS <= INLINE_CAPACITY && 4 * SHORT_CHARS >= 28);

/// A `str`; see the module documentation.
pub struct StrObject {
    /// The hash, computed on first use (0 = not yet).
    pub hash: Cell<i64>,
    /// Number of characters (code points).
    char_count: usize,
    /// The text.
    text: Text,
}

/// Where the text is.
enum Text {
    /// In the object: `bytes[..length]` is valid UTF-8.
    Inline {
        length: u8,
        interned: Cell<bool>,
        bytes: [u8; INLINE_CAPACITY],
    },
    /// In its own allocation (longer than `INLINE_CAPACITY` bytes).
    Boxed {
        interned: Cell<bool>,
        text: Box<str>,
        /// For non-ASCII text, the index by character, built on first indexing (boxed: most
        /// strs never need one).
        char_index: OnceCell<Box<CharIndex>>,
    },
}

/// How a long non-ASCII str finds the byte offset of a character without scanning from the
/// start.
pub struct CharIndex {
    /// The byte offset of every 64th character.
    offsets: Box<[u32]>,
    /// The character index and byte offset of the last lookup: scanning on from there makes a
    /// parser's `text[i]`, `text[i + 1]`, … O(1) each.
    cursor: Cell<(u32, u32)>,
}

impl StrObject {
    /// Characters per entry of `CharIndex::offsets`.
    const OFFSET_STRIDE: usize = 64;

    /// A str holding `text`.
    #[inline]
    pub fn new(text: &str) -> StrObject {
        let char_count = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        StrObject::with_char_count(text, char_count)
    }

    /// A str holding `text`, whose character count the caller knows (`text.len()` for text
    /// known to be ASCII, such as the result of an ASCII-only operation on ASCII text).
    #[inline]
    pub fn with_char_count(text: &str, char_count: usize) -> StrObject {
        debug_assert_eq!(char_count, text.chars().count());
        let text = if text.len() <= INLINE_CAPACITY {
            let mut bytes = [0; INLINE_CAPACITY];
            bytes[..text.len()].copy_from_slice(text.as_bytes());
            Text::Inline {
                length: text.len() as u8,
                interned: Cell::new(false),
                bytes,
            }
        } else {
            Text::Boxed {
                interned: Cell::new(false),
                text: text.into(),
                char_index: OnceCell::new(),
            }
        };
        StrObject {
            hash: Cell::new(0),
            char_count,
            text,
        }
    }

    /// The concatenation of `parts`, whose characters number `char_count` in all, built in
    /// place (inline) or in one exact allocation.
    pub fn concat(parts: &[&str], char_count: usize) -> StrObject {
        let length: usize = parts.iter().map(|part| part.len()).sum();
        if length > INLINE_CAPACITY {
            let mut text = String::with_capacity(length);
            parts.iter().for_each(|part| text.push_str(part));
            return StrObject::from_string_with_char_count(text, char_count);
        }
        let mut bytes = [0; INLINE_CAPACITY];
        let mut end = 0;
        for part in parts {
            bytes[end..end + part.len()].copy_from_slice(part.as_bytes());
            end += part.len();
        }
        StrObject {
            hash: Cell::new(0),
            char_count,
            text: Text::Inline {
                length: length as u8,
                interned: Cell::new(false),
                bytes,
            },
        }
    }

    /// The decimal text of an integer (`str(n)` for an int in the inline range), written
    /// straight into the object.
    pub fn decimal(value: i64) -> StrObject {
        let mut digits = [0u8; 20];
        let mut start = digits.len();
        let mut rest = value.unsigned_abs();
        loop {
            start -= 1;
            digits[start] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let mut bytes = [0; INLINE_CAPACITY];
        let mut length = 0;
        if value < 0 {
            bytes[0] = b'-';
            length = 1;
        }
        let digits = &digits[start..];
        bytes[length..length + digits.len()].copy_from_slice(digits);
        length += digits.len();
        StrObject {
            hash: Cell::new(0),
            char_count: length,
            text: Text::Inline {
                length: length as u8,
                interned: Cell::new(false),
                bytes,
            },
        }
    }

    /// A str taking over `text`'s buffer when it is too long to store inline.
    pub fn from_string(text: String) -> StrObject {
        let char_count = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        StrObject::from_string_with_char_count(text, char_count)
    }

    /// [`StrObject::from_string`] for text whose character count the caller knows.
    pub fn from_string_with_char_count(text: String, char_count: usize) -> StrObject {
        if text.len() <= INLINE_CAPACITY {
            return StrObject::with_char_count(&text, char_count);
        }
        debug_assert_eq!(char_count, text.chars().count());
        StrObject {
            hash: Cell::new(0),
            char_count,
            text: Text::Boxed {
                interned: Cell::new(false),
                text: text.into_boxed_str(),
                char_index: OnceCell::new(),
            },
        }
    }

    /// The text.
    #[inline]
    pub fn text(&self) -> &str {
        match &self.text {
            Text::Inline { length, bytes, .. } => {
                let bytes = bytes.get(..*length as usize).unwrap_or_default();
                // SAFETY: `with_char_count` copied exactly `length` bytes of a `&str` into
                // `bytes`, and inline text is never modified afterwards, so they are UTF-8.
                unsafe { std::str::from_utf8_unchecked(bytes) }
            }
            Text::Boxed { text, .. } => text,
        }
    }

    /// Whether the two strs hold the same text. Two inline texts compare their whole byte
    /// arrays, a few word compares without a call: every constructor zero-fills the bytes past
    /// the length and inline text is never modified, so equal texts have equal arrays.
    #[inline]
    pub fn same_text(&self, other: &StrObject) -> bool {
        match (&self.text, &other.text) {
            (
                Text::Inline {
                    length, bytes: own, ..
                },
                Text::Inline {
                    length: other_length,
                    bytes: others,
                    ..
                },
            ) => length == other_length && own == others,
            _ => self.text() == other.text(),
        }
    }

    /// The byte length and byte array of inline text, for `layout::measure` (compiled code
    /// compares short texts by reading them; the bytes past the length are zero).
    pub(crate) fn inline_fields(&self) -> Option<(&u8, &[u8; INLINE_CAPACITY])> {
        match &self.text {
            Text::Inline { length, bytes, .. } => Some((length, bytes)),
            Text::Boxed { .. } => None,
        }
    }

    /// The character count's field, for `layout::measure` (compiled code reads it).
    pub(crate) fn char_count_field(&self) -> &usize {
        &self.char_count
    }

    /// Number of characters (code points).
    #[inline]
    pub fn char_count(&self) -> usize {
        self.char_count
    }

    /// Number of bytes of UTF-8.
    #[inline]
    pub fn byte_len(&self) -> usize {
        match &self.text {
            Text::Inline { length, .. } => *length as usize,
            Text::Boxed { text, .. } => text.len(),
        }
    }

    /// Whether every character is ASCII (then indexing is by byte).
    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_count == self.byte_len()
    }

    /// Whether this is the interned str for its text.
    #[inline]
    pub fn is_interned(&self) -> bool {
        match &self.text {
            Text::Inline { interned, .. } | Text::Boxed { interned, .. } => interned.get(),
        }
    }

    /// Records that this is the interned str for its text.
    pub fn set_interned(&self) {
        match &self.text {
            Text::Inline { interned, .. } | Text::Boxed { interned, .. } => interned.set(true),
        }
    }

    /// Whether this str owns memory outside its heap slot (boxed text), so that freeing it
    /// must run its drop.
    #[inline]
    pub fn owns_memory(&self) -> bool {
        matches!(self.text, Text::Boxed { .. })
    }

    /// Bytes this str owns outside its heap slot, for GC accounting.
    pub fn owned_bytes(&self) -> usize {
        match &self.text {
            Text::Inline { .. } => 0,
            Text::Boxed { text, .. } => text.len(),
        }
    }

    /// The byte offset of the character at `index` (`text.len()` for `char_count`).
    pub fn byte_offset(&self, index: usize) -> usize {
        let text = self.text();
        if self.is_ascii() {
            return index.min(text.len());
        }
        if index >= self.char_count {
            return text.len();
        }
        let Some(char_index) = self.char_index() else {
            // Short inline text: scanning it is as fast as an index.
            return text
                .char_indices()
                .nth(index)
                .map_or(text.len(), |(offset, _)| offset);
        };
        let (cursor_index, cursor_byte) = char_index.cursor.get();
        let bytes = text.as_bytes();
        if index < cursor_index as usize && cursor_index as usize - index < Self::OFFSET_STRIDE {
            // A little behind the cursor (the start of a token whose end a parser has just
            // reached): step back, leaving the cursor where the parser is.
            let mut offset = cursor_byte as usize;
            for _ in index..cursor_index as usize {
                offset -= 1;
                while offset > 0 && bytes[offset] & 0xC0 == 0x80 {
                    offset -= 1;
                }
            }
            return offset;
        }
        let (start, skip) = if index >= cursor_index as usize
            && index - (cursor_index as usize) < Self::OFFSET_STRIDE
        {
            (cursor_byte as usize, index - cursor_index as usize)
        } else {
            (
                char_index.offsets[index / Self::OFFSET_STRIDE] as usize,
                index % Self::OFFSET_STRIDE,
            )
        };
        // Skip `skip` characters: count the bytes that start one (not 0b10xxxxxx).
        let mut offset = start;
        let mut remaining = skip;
        while remaining > 0 && offset < bytes.len() {
            offset += 1;
            while offset < bytes.len() && bytes[offset] & 0xC0 == 0x80 {
                offset += 1;
            }
            remaining -= 1;
        }
        if bytes.len() <= u32::MAX as usize {
            char_index.cursor.set((index as u32, offset as u32));
        }
        offset
    }

    /// The character index of a boxed str (built on first use); `None` for inline text.
    fn char_index(&self) -> Option<&CharIndex> {
        let Text::Boxed {
            text, char_index, ..
        } = &self.text
        else {
            return None;
        };
        Some(char_index.get_or_init(|| {
            Box::new(CharIndex {
                offsets: text
                    .char_indices()
                    .step_by(Self::OFFSET_STRIDE)
                    .map(|(offset, _)| offset as u32)
                    .collect(),
                cursor: Cell::new((0, 0)),
            })
        }))
    }

    /// The character index of a byte offset on a character boundary.
    pub fn char_index_of_byte(&self, byte: usize) -> usize {
        if self.is_ascii() {
            return byte;
        }
        let text = self.text();
        let byte = byte.min(text.len());
        let Some(char_index) = self.char_index() else {
            return text.get(..byte).map_or(0, |part| part.chars().count());
        };
        // Find the block holding `byte`.
        let offsets = &char_index.offsets;
        let block = offsets
            .partition_point(|&offset| offset as usize <= byte)
            .saturating_sub(1);
        let start = offsets.get(block).copied().unwrap_or(0) as usize;
        block * Self::OFFSET_STRIDE + text.get(start..byte).map_or(0, |part| part.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_str_fits_its_budget() {
        // 56 bytes of payload in a 64-byte slot, less the payload enum's tag word.
        assert!(std::mem::size_of::<StrObject>() <= 48);
    }

    #[test]
    fn decimal_text_of_integers() {
        for value in [
            0,
            7,
            -7,
            10,
            -10,
            1234567890,
            i64::MAX,
            i64::MIN,
            (1 << 47) - 1,
            -(1 << 47),
        ] {
            assert_eq!(StrObject::decimal(value).text(), value.to_string());
            assert_eq!(
                StrObject::decimal(value).char_count(),
                value.to_string().len()
            );
        }
    }

    #[test]
    fn byte_offsets_in_any_order() {
        let text: String = (0..500)
            .map(|index| ["a", "é", "€", "😀"][index % 4].repeat(index % 3 + 1))
            .collect();
        let object = StrObject::new(&text);
        let offsets: Vec<usize> = text
            .char_indices()
            .map(|(offset, _)| offset)
            .chain([text.len()])
            .collect();
        let mut index = 0usize;
        for step in 0..5000usize {
            // Forward, a little back, far back, far forward.
            index = match step % 7 {
                0..=2 => index + 1,
                3 => index.saturating_sub(5),
                4 => index.saturating_sub(70),
                5 => index + 90,
                _ => (index * 31 + 7) % offsets.len(),
            } % offsets.len();
            assert_eq!(object.byte_offset(index), offsets[index], "index {index}");
        }
    }

    #[test]
    fn text_survives_either_representation() {
        for length in 0..=40 {
            for unit in ["a", "é", "€", "😀"] {
                let text = unit.repeat(length);
                let object = StrObject::new(&text);
                assert_eq!(object.text(), text);
                assert_eq!(object.char_count(), length);
                assert_eq!(object.is_ascii(), unit == "a" || length == 0);
                let owned = StrObject::from_string(text.clone());
                assert_eq!(owned.text(), text);
                let half = unit.repeat(length / 2);
                let joined = StrObject::concat(&[&half, "", &text], length / 2 + length);
                assert_eq!(joined.text(), half.clone() + &text);
                for index in 0..=length {
                    assert_eq!(object.byte_offset(index), index * unit.len());
                    assert_eq!(object.char_index_of_byte(index * unit.len()), index);
                }
            }
        }
    }
}
