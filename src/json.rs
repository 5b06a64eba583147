//! A small JSON value and writer, for `--profile-out` and the data `krait explain` embeds in
//! its page. The command line needs to write JSON, never to read it, and the data is small, so
//! a dependency would buy nothing.
//!
//! Strings are escaped so that the text is also safe inside an HTML `<script>` element: `<`,
//! `>` and `&` become `\u003c`, `\u003e` and `\u0026` (so no `</script>` or `<!--` can appear),
//! and U+2028/U+2029 are escaped too (they end lines in old JavaScript parsers).

use std::fmt::Write;

/// A JSON value.
#[derive(Clone, Debug)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer.
    Integer(i128),
    /// A number (non-finite values are written as `null`).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its keys in the order given.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// A string value.
    pub fn string(text: impl Into<String>) -> Json {
        Json::String(text.into())
    }

    /// An integer value.
    pub fn integer(number: impl Into<i128>) -> Json {
        Json::Integer(number.into())
    }

    /// An object from `(key, value)` pairs.
    pub fn object<const N: usize>(pairs: [(&str, Json); N]) -> Json {
        Json::Object(
            pairs
                .into_iter()
                .map(|(key, value)| (key.to_owned(), value))
                .collect(),
        )
    }

    /// The JSON text, compact.
    pub fn render(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Json::Integer(value) => {
                let _ = write!(out, "{value}");
            }
            Json::Number(value) if value.is_finite() => {
                // Rust's shortest round-trip form is valid JSON for finite values, except
                // that it may end in ".0" — also valid.
                let _ = write!(out, "{value:?}");
            }
            Json::Number(_) => out.push_str("null"),
            Json::String(text) => write_string(text, out),
            Json::Array(items) => {
                out.push('[');
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Object(pairs) => {
                out.push('{');
                for (index, (key, value)) in pairs.iter().enumerate() {
                    if index > 0 {
                        out.push(',');
                    }
                    write_string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                let _ = write!(out, "\\u{:04x}", character as u32);
            }
            control if (control as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", control as u32);
            }
            other => out.push(other),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::Json;

    #[test]
    fn strings_are_safe_inside_a_script_element() {
        let text = Json::string("</script><!-- \"a\"\n\u{2028}é\u{1}").render();
        assert_eq!(
            text,
            "\"\\u003c/script\\u003e\\u003c!-- \\\"a\\\"\\n\\u2028é\\u0001\""
        );
    }

    #[test]
    fn values_render_compactly() {
        let value = Json::object([
            ("a", Json::Array(vec![Json::integer(1), Json::Number(0.5)])),
            ("b", Json::Null),
            ("c", Json::Number(f64::NAN)),
            ("d", Json::Bool(true)),
        ]);
        assert_eq!(
            value.render(),
            r#"{"a":[1,0.5],"b":null,"c":null,"d":true}"#
        );
    }
}
