//! Float to text exactly as CPython's `PyOS_double_to_string` (`Python/pystrtod.c`) does it, for
//! `format()`, `str.format` and `%`-formatting.
//!
//! CPython asks David Gay's `dtoa` for a digit string and a decimal point position, then lays
//! them out. Rust's own formatting supplies the same digits: `{:e}` gives the shortest digits
//! that round-trip (dtoa mode 0), and `{:.N}`/`{:.Ne}` round the exact binary value half-even
//! (dtoa modes 3 and 2).

/// Options of [`double_to_string`] (CPython's `Py_DTSF_*` flags).
#[derive(Clone, Copy, Debug, Default)]
pub struct FloatFlags {
    /// `#`: keep trailing zeros for `g` and always write a decimal point.
    pub alternate: bool,
    /// `z`: write negative zero (after rounding) as zero.
    pub no_negative_zero: bool,
    /// Make integral results look like floats (`1.0`, not `1`): the no-type presentation.
    pub add_dot_0: bool,
}

/// Digits of a positive finite value: `(digits, decimal point position)`, where the value is
/// `0.digits * 10**position`; no trailing zeros.
type Digits = (String, i64);

/// Splits Rust's `d.ddde±x` output into digits and decimal point position.
fn from_scientific(text: &str) -> Digits {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_end_matches('0');
    let digits = if digits.is_empty() { "0" } else { digits };
    (digits.to_owned(), exponent.parse::<i64>().unwrap_or(0) + 1)
}

/// The shortest digits that round-trip (dtoa mode 0).
fn shortest(value: f64) -> Digits {
    if value == 0.0 {
        return ("0".into(), 1);
    }
    from_scientific(&format!("{value:e}"))
}

/// `count` significant digits, correctly rounded (dtoa mode 2).
fn significant(value: f64, count: usize) -> Digits {
    if value == 0.0 {
        return ("0".into(), 1);
    }
    from_scientific(&format!("{value:.*e}", count.saturating_sub(1)))
}

/// Digits up to `places` after the decimal point, correctly rounded (dtoa mode 3). A value
/// that rounds to zero has no digits and its point at `-places`, as dtoa reports it.
fn fixed(value: f64, places: usize) -> Digits {
    let text = format!("{value:.places$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let all = format!("{whole}{fraction}");
    let leading = all.bytes().take_while(|&byte| byte == b'0').count();
    let digits = all[leading..].trim_end_matches('0');
    if digits.is_empty() {
        return (String::new(), -(places as i64));
    }
    (digits.to_owned(), whole.len() as i64 - leading as i64)
}

fn push_zeros(out: &mut String, count: i64) {
    if count > 0 {
        out.extend(std::iter::repeat_n('0', count as usize));
    }
}

/// Formats `value` with presentation `code` (`e`, `E`, `f`, `F`, `g`, `G`, or `r` for repr
/// style) and `precision`, as CPython's `PyOS_double_to_string` followed by its
/// `format_float_short`.
pub fn double_to_string(value: f64, code: char, precision: usize, flags: FloatFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let precision = match code {
        'e' => precision + 1,
        'g' => precision.max(1),
        'r' => 0,
        _ => precision,
    };
    if value.is_nan() {
        return if upper { "NAN" } else { "nan" }.into();
    }
    let mut negative = value.is_sign_negative();
    if value.is_infinite() {
        let sign = if negative { "-" } else { "" };
        return format!("{sign}{}", if upper { "INF" } else { "inf" });
    }
    let (digits, point) = match code {
        'r' => shortest(value.abs()),
        'f' => fixed(value.abs(), precision),
        _ => significant(value.abs(), precision),
    };
    if flags.no_negative_zero && negative && (digits.is_empty() || digits == "0") {
        negative = false;
    }
    let digit_count = digits.len() as i64;
    let precision = precision as i64;
    let mut point = point;
    let mut use_exponent = false;
    let mut end = digit_count;
    match code {
        'e' => {
            use_exponent = true;
            end = precision;
        }
        'f' => end = point + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exponent = point <= -4 || point > limit;
            if flags.alternate {
                end = precision;
            }
        }
        _ => use_exponent = point <= -4 || point > 16,
    }
    let mut exponent = 0;
    if use_exponent {
        exponent = point - 1;
        point = 1;
    }
    // Output the slice [start, end) of the digits padded with zeros on both sides; the
    // decimal point lies strictly inside it.
    let start = if point <= 0 { point - 1 } else { 0 };
    end = if !use_exponent && flags.add_dot_0 {
        end.max(point + 1)
    } else {
        end.max(point)
    };
    let mut out = String::with_capacity((end - start).max(0) as usize + 8);
    if negative {
        out.push('-');
    }
    if point <= 0 {
        push_zeros(&mut out, point - start);
        out.push('.');
        push_zeros(&mut out, -point);
    } else {
        push_zeros(&mut out, -start);
    }
    if 0 < point && point <= digit_count {
        out.push_str(&digits[..point as usize]);
        out.push('.');
        out.push_str(&digits[point as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digit_count < point {
        push_zeros(&mut out, point - digit_count);
        out.push('.');
        push_zeros(&mut out, end - point);
    } else {
        push_zeros(&mut out, end - digit_count);
    }
    if out.ends_with('.') && !flags.alternate {
        out.pop();
    }
    if use_exponent {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{exponent:+03}"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(value: f64, code: char, precision: usize) -> String {
        double_to_string(value, code, precision, FloatFlags::default())
    }

    // Expected values from CPython 3.11 ('%.Nx' % value, repr(value)).
    #[test]
    fn matches_cpython() {
        let repr = FloatFlags {
            add_dot_0: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(1e16, 'r', 0, repr), "1e+16");
        assert_eq!(double_to_string(1e15, 'r', 0, repr), "1000000000000000.0");
        assert_eq!(double_to_string(0.0001, 'r', 0, repr), "0.0001");
        assert_eq!(double_to_string(0.00001, 'r', 0, repr), "1e-05");
        assert_eq!(double_to_string(-2.5, 'r', 0, repr), "-2.5");
        assert_eq!(plain(1.0, 'f', 6), "1.000000");
        assert_eq!(plain(0.5, 'f', 0), "0");
        assert_eq!(plain(1.5, 'f', 0), "2");
        assert_eq!(plain(2.675, 'f', 2), "2.67");
        assert_eq!(plain(1e-10, 'f', 3), "0.000");
        assert_eq!(plain(123.456, 'e', 2), "1.23e+02");
        assert_eq!(plain(1e-310, 'e', 3), "1.000e-310");
        assert_eq!(plain(0.0, 'e', 0), "0e+00");
        assert_eq!(plain(123456.0, 'g', 6), "123456");
        assert_eq!(plain(1234567.0, 'g', 6), "1.23457e+06");
        assert_eq!(plain(0.0, 'g', 6), "0");
        assert_eq!(plain(1e-5, 'G', 3), "1E-05");
        assert_eq!(plain(f64::INFINITY, 'F', 2), "INF");
        assert_eq!(plain(-f64::INFINITY, 'g', 2), "-inf");
        let alternate = FloatFlags {
            alternate: true,
            ..FloatFlags::default()
        };
        assert_eq!(double_to_string(1.0, 'g', 3, alternate), "1.00");
        assert_eq!(double_to_string(1.0, 'f', 0, alternate), "1.");
        assert_eq!(double_to_string(1e10, 'g', 2, alternate), "1.0e+10");
    }
}
