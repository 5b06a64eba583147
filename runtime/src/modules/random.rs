//! `_random`: the Mersenne Twister (MT19937) behind the `random` module.
//!
//! CPython's `random` gives the same sequences on every platform for a given integer seed, and
//! programs depend on that; so this generator follows the published MT19937 algorithm (Matsumoto
//! and Nishimura, 1998) and CPython's documented conventions on top of it: an integer seed is
//! fed to `init_by_array` as the 32-bit words of its absolute value (least significant first;
//! zero is one word 0), `random()` builds 53 random bits from two outputs (27 + 26 bits), and
//! `getrandbits(k)` fills 32-bit words from the least significant end, the last one keeping
//! its top bits. Everything above that (`randrange`, `shuffle`, `gauss`, …) is Python code in
//! `lib/random.py` that consumes outputs exactly as CPython's does.

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive};

use super::native;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

const STATE_WORDS: usize = 624;
const MIDDLE_WORD: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The generator's state: 624 words and the index of the next one to temper.
pub struct MersenneTwister {
    state: [u32; STATE_WORDS],
    index: usize,
}

impl MersenneTwister {
    /// A generator seeded with `init_genrand(19650218)`'s state (reseeded before use).
    fn new() -> MersenneTwister {
        let mut generator = MersenneTwister {
            state: [0; STATE_WORDS],
            index: STATE_WORDS + 1,
        };
        generator.seed_word(19_650_218);
        generator
    }

    /// `init_genrand`: fills the state from one 32-bit word.
    fn seed_word(&mut self, seed: u32) {
        self.state[0] = seed;
        for index in 1..STATE_WORDS {
            let previous = self.state[index - 1];
            self.state[index] = 1_812_433_253u32
                .wrapping_mul(previous ^ (previous >> 30))
                .wrapping_add(index as u32);
        }
        self.index = STATE_WORDS;
    }

    /// `init_by_array`: fills the state from a key of 32-bit words.
    fn seed_key(&mut self, key: &[u32]) {
        self.seed_word(19_650_218);
        let mut index = 1;
        let mut key_index = 0;
        for _ in 0..STATE_WORDS.max(key.len()) {
            let previous = self.state[index - 1];
            self.state[index] = (self.state[index]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_664_525))
            .wrapping_add(key[key_index])
            .wrapping_add(key_index as u32);
            index += 1;
            key_index += 1;
            if index >= STATE_WORDS {
                self.state[0] = self.state[STATE_WORDS - 1];
                index = 1;
            }
            if key_index >= key.len() {
                key_index = 0;
            }
        }
        for _ in 0..STATE_WORDS - 1 {
            let previous = self.state[index - 1];
            self.state[index] = (self.state[index]
                ^ (previous ^ (previous >> 30)).wrapping_mul(1_566_083_941))
            .wrapping_sub(index as u32);
            index += 1;
            if index >= STATE_WORDS {
                self.state[0] = self.state[STATE_WORDS - 1];
                index = 1;
            }
        }
        self.state[0] = 0x8000_0000;
        self.index = STATE_WORDS;
    }

    /// Regenerates all 624 words at once.
    fn twist(&mut self) {
        let mix = |upper: u32, lower: u32, far: u32| {
            let y = (upper & UPPER_MASK) | (lower & LOWER_MASK);
            far ^ (y >> 1) ^ if y & 1 == 1 { MATRIX_A } else { 0 }
        };
        for index in 0..STATE_WORDS {
            let next = self.state[(index + 1) % STATE_WORDS];
            let far = self.state[(index + MIDDLE_WORD) % STATE_WORDS];
            self.state[index] = mix(self.state[index], next, far);
        }
        self.index = 0;
    }

    /// The next 32-bit output (`genrand_uint32`).
    #[inline]
    fn next_word(&mut self) -> u32 {
        if self.index >= STATE_WORDS {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits.
    #[inline]
    fn next_float(&mut self) -> f64 {
        let high = (self.next_word() >> 5) as f64;
        let low = (self.next_word() >> 6) as f64;
        (high * 67_108_864.0 + low) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_random");
    native::new_class(
        runtime,
        module,
        "_random",
        "Generator",
        &[
            ("seed", seed),
            ("random", random),
            ("getrandbits", getrandbits),
            ("getstate", getstate),
            ("setstate", setstate),
        ],
    );
    super::add_functions(runtime, module, "_random", &[("new", new)]);
    module
}

fn generator_class(host: &mut dyn Host) -> PyResult<Value> {
    let runtime = host.runtime();
    let modules = runtime.modules;
    let name = runtime.intern("_random");
    let module = crate::types::dict::get_str_key(runtime, modules, name);
    let class_name = runtime.intern("Generator");
    let class = module.and_then(
        |module| match module.as_object().map(|object| &object.payload) {
            Some(crate::object::Payload::Module { dict, .. }) => {
                crate::types::dict::get_str_key(runtime, *dict, class_name)
            }
            _ => None,
        },
    );
    class.ok_or_else(|| runtime.runtime_error("_random.Generator is missing"))
}

/// `_random.new()`: a generator seeded from the operating system's randomness.
fn new(host: &mut dyn Host, _arguments: Arguments) -> PyResult<Value> {
    let class = generator_class(host)?;
    let mut generator = MersenneTwister::new();
    generator.seed_key(&entropy_key());
    Ok(native::new_object(host.runtime(), class, generator))
}

/// 624 words from `/dev/urandom`, or from the clock and process id where it cannot be read.
fn entropy_key() -> Vec<u32> {
    let mut bytes = vec![0u8; STATE_WORDS * 4];
    let read = std::fs::File::open("/dev/urandom")
        .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut bytes));
    if read.is_err() {
        let nanoseconds = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap_or_default()
            .as_nanos();
        return vec![
            nanoseconds as u32,
            (nanoseconds >> 32) as u32,
            std::process::id(),
        ];
    }
    bytes
        .chunks_exact(4)
        .map(|chunk| u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]))
        .collect()
}

fn generator<'a>(host: &mut dyn Host, arguments: &Arguments) -> PyResult<&'a mut MersenneTwister> {
    native::receiver::<MersenneTwister>(host, arguments, "_random.Generator")
}

/// `seed(n)`: `n` an int (the Python layer turns other seeds into one) or None.
fn seed(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = generator(host, &arguments)?;
    let value = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    if value.is_none() {
        generator.seed_key(&entropy_key());
        return Ok(Value::NONE);
    }
    let Some(int) = crate::types::int::as_int(value) else {
        return Err(host.runtime().type_error("seed must be an int"));
    };
    let magnitude = int.to_bigint().abs();
    let mut key = magnitude.to_u32_digits().1;
    if key.is_empty() {
        key.push(0);
    }
    generator.seed_key(&key);
    Ok(Value::NONE)
}

fn random(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = generator(host, &arguments)?;
    if arguments.values.len() != 1 {
        let message = format!(
            "Random.random() takes no arguments ({} given)",
            arguments.values.len() - 1
        );
        return Err(host.runtime().type_error(message));
    }
    Ok(Value::float(generator.next_float()))
}

fn getrandbits(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = generator(host, &arguments)?;
    let Some(&count) = arguments.values.get(1) else {
        return Err(host
            .runtime()
            .type_error("getrandbits() takes exactly one argument (0 given)"));
    };
    let Some(int) = crate::types::int::as_int(count) else {
        let runtime = host.runtime();
        let message = format!(
            "'{}' object cannot be interpreted as an integer",
            crate::protocol::type_name(runtime, count)
        );
        return Err(runtime.type_error(message));
    };
    let Some(bits) = int.to_i64() else {
        return Err(host
            .runtime()
            .overflow_error("Python int too large to convert to C int"));
    };
    if bits < 0 {
        return Err(host
            .runtime()
            .value_error("number of bits must be non-negative"));
    }
    if bits <= 32 {
        let word = if bits == 0 {
            0
        } else {
            generator.next_word() >> (32 - bits)
        };
        return Ok(host.runtime().new_int(i64::from(word)));
    }
    let mut remaining = bits;
    let mut words = Vec::with_capacity(((bits - 1) / 32 + 1) as usize);
    while remaining > 0 {
        let mut word = generator.next_word();
        if remaining < 32 {
            word >>= 32 - remaining;
        }
        words.push(word);
        remaining -= 32;
    }
    let value = BigInt::from_slice(Sign::Plus, &words);
    Ok(host.runtime().new_bigint(value))
}

/// `getstate()`: a tuple of the 624 words and the index, as CPython's C generator gives it.
fn getstate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = generator(host, &arguments)?;
    let mut items: Vec<Value> = generator
        .state
        .iter()
        .map(|&word| Value::small_int(i64::from(word)).unwrap_or(Value::NONE))
        .collect();
    items.push(Value::small_int(generator.index as i64).unwrap_or(Value::NONE));
    Ok(host.runtime().new_tuple(items))
}

fn setstate(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let generator = generator(host, &arguments)?;
    let state = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    let Some(items) = crate::types::tuple::items(state) else {
        return Err(host.runtime().type_error("state vector must be a tuple"));
    };
    if items.len() != STATE_WORDS + 1 {
        return Err(host.runtime().value_error("state vector is the wrong size"));
    }
    let mut words = [0u32; STATE_WORDS];
    for (word, &item) in words.iter_mut().zip(items) {
        let value = crate::types::int::as_int(item).map(|int| int.to_bigint().into_owned());
        match value.and_then(|value| value.to_u32()) {
            Some(value) => *word = value,
            None => {
                return Err(host
                    .runtime()
                    .overflow_error("Python int too large to convert to C unsigned long"))
            }
        }
    }
    let index = crate::types::int::as_int(items[STATE_WORDS])
        .and_then(|int| int.to_i64())
        .unwrap_or(-1);
    if !(0..=STATE_WORDS as i64).contains(&index) {
        return Err(host.runtime().value_error("invalid state"));
    }
    generator.state = words;
    generator.index = index as usize;
    Ok(Value::NONE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_outputs_of_init_by_array() {
        // The first outputs of mt19937ar.c's test driver, seeded with {0x123, 0x234, 0x345, 0x456}.
        let mut generator = MersenneTwister::new();
        generator.seed_key(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..3).map(|_| generator.next_word()).collect();
        assert_eq!(first, vec![1_067_595_299, 955_945_823, 477_289_528]);
    }
}
