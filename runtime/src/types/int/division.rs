//! Floor division and modulo of big integers, with a linear path for short quotients.
//!
//! num-bigint divides large operands with Burnikel–Ziegler recursion, which is the right choice
//! when the quotient is long but costs many copies when it is a single machine word — the common
//! case in digit-by-digit algorithms (`(10 * (3 * q + r)) // t` in a pi spigot, where `q` and `t`
//! have thousands of digits and the quotient is below 10). When the dividend has at most 63 more
//! bits than the divisor, the quotient fits in a `u64`: it is estimated from the leading 128 bits
//! of the dividend and the leading 64 of the divisor, then corrected with one multiply-subtract,
//! which is linear in the operands' length (CPython's schoolbook division is too, for such
//! quotients). Everything else keeps num-bigint's algorithm.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{Signed, Zero};

/// Quotient and remainder of `a / b` rounded toward negative infinity (Python's `//` and `%`);
/// `b` must not be zero.
pub fn floor_divide_and_remainder(a: &BigInt, b: &BigInt) -> (BigInt, BigInt) {
    match short_quotient(a, b) {
        Some(result) => result,
        None => a.div_mod_floor(b),
    }
}

/// The floor quotient and remainder when the magnitudes' quotient fits in 63 bits, else `None`.
fn short_quotient(a: &BigInt, b: &BigInt) -> Option<(BigInt, BigInt)> {
    let divisor_bits = b.bits();
    // Small divisors are cheap in num-bigint already (a scalar division).
    if divisor_bits <= 128 || a.bits() > divisor_bits + 63 {
        return None;
    }
    let (dividend, divisor) = (a.magnitude(), b.magnitude());
    // Leading bits: the dividend shifted so that the divisor keeps exactly 64 bits.
    let shift = divisor_bits - 64;
    let dividend_top = leading_u128(dividend, shift);
    let divisor_top = leading_u128(divisor, shift);
    if divisor_top == 0 {
        return None;
    }
    // The estimate is within a few units of the true quotient (the truncated parts are below one
    // unit of the shifted divisor, which is at least 2**63): correct it by adding or subtracting
    // the divisor.
    let estimate = dividend_top / divisor_top;
    let mut quotient = u64::try_from(estimate).ok()?;
    let product = divisor * quotient;
    let (mut remainder, mut negative) = if &product > dividend {
        (&product - dividend, true)
    } else {
        (dividend - &product, false)
    };
    // `negative` means the true remainder is `-remainder`: the estimate was too large.
    while negative {
        quotient = quotient.checked_sub(1)?;
        if &remainder <= divisor {
            remainder = divisor - &remainder;
            negative = false;
        } else {
            remainder -= divisor;
        }
    }
    while &remainder >= divisor {
        remainder -= divisor;
        quotient = quotient.checked_add(1)?;
    }
    // Truncated division of the magnitudes is done; apply the signs with floor semantics.
    let quotient = BigInt::from(quotient);
    let remainder = BigInt::from_biguint(Sign::Plus, remainder);
    let same_sign = a.is_negative() == b.is_negative();
    Some(if same_sign {
        // Both non-negative, or both negative (then the remainder takes the divisor's sign).
        (
            quotient,
            if b.is_negative() {
                -remainder
            } else {
                remainder
            },
        )
    } else if remainder.is_zero() {
        (-quotient, remainder)
    } else {
        // Floor rounds the negative quotient down; the remainder moves to the divisor's side.
        let adjusted = b.abs() - remainder;
        (
            -quotient - 1,
            if b.is_negative() { -adjusted } else { adjusted },
        )
    })
}

/// The value's bits from `shift` upward, as far as they fit in 128 bits (the caller keeps the
/// result below 2**127 by choosing `shift`).
fn leading_u128(value: &num_bigint::BigUint, shift: u64) -> u128 {
    let word = (shift / 64) as usize;
    let offset = (shift % 64) as u32;
    let digits = value.iter_u64_digits().skip(word);
    let mut result: u128 = 0;
    // Three words cover 128 bits after dropping `offset` low bits.
    for (index, digit) in digits.take(3).enumerate() {
        let position = (index as u32) * 64;
        if position >= offset + 128 {
            break;
        }
        let digit = u128::from(digit);
        if position >= offset {
            result |= digit.checked_shl(position - offset).unwrap_or(0);
        } else {
            result |= digit >> (offset - position);
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(a: &BigInt, b: &BigInt) {
        let expected = a.div_mod_floor(b);
        assert_eq!(floor_divide_and_remainder(a, b), expected, "{a} divmod {b}");
    }

    #[test]
    fn short_quotients_match_the_general_algorithm() {
        let big = BigInt::from(3).pow(400u32) + BigInt::from(12345);
        let mut divisor = BigInt::from(7).pow(300u32) - BigInt::from(1);
        for step in 0..40u32 {
            for (x, y) in [
                (big.clone(), divisor.clone()),
                (-big.clone(), divisor.clone()),
                (big.clone(), -divisor.clone()),
                (-big.clone(), -divisor.clone()),
                (&divisor * 9u32, divisor.clone()),
                (&divisor * 9u32 + 1u32, divisor.clone()),
                (&divisor * 9u32 - 1u32, divisor.clone()),
                (-(&divisor * 9u32), divisor.clone()),
                (divisor.clone() - 1u32, divisor.clone()),
                (divisor.clone(), divisor.clone()),
                (
                    (BigInt::from(1) << (divisor.bits() + 62)) - 1u32,
                    divisor.clone(),
                ),
            ] {
                check(&x, &y);
            }
            divisor = divisor * BigInt::from(step + 2) + BigInt::from(step);
        }
    }
}
