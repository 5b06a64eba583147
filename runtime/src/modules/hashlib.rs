//! `_hashlib`: MD5, SHA-1 and the SHA-2 family for `lib/hashlib.py`, on the RustCrypto
//! implementations.

use md5::Md5;
use sha1::Sha1;
use sha2::{Digest, Sha224, Sha256, Sha384, Sha512};

use super::native;
use crate::value::Value;
use crate::{Arguments, Host, PyResult, Runtime};

/// A running digest of one algorithm.
#[derive(Clone)]
pub enum HashState {
    /// MD5.
    Md5(Md5),
    /// SHA-1.
    Sha1(Sha1),
    /// SHA-224.
    Sha224(Sha224),
    /// SHA-256.
    Sha256(Sha256),
    /// SHA-384.
    Sha384(Sha384),
    /// SHA-512.
    Sha512(Sha512),
}

impl HashState {
    fn new(name: &str) -> Option<HashState> {
        Some(match name {
            "md5" => HashState::Md5(Md5::new()),
            "sha1" => HashState::Sha1(Sha1::new()),
            "sha224" => HashState::Sha224(Sha224::new()),
            "sha256" => HashState::Sha256(Sha256::new()),
            "sha384" => HashState::Sha384(Sha384::new()),
            "sha512" => HashState::Sha512(Sha512::new()),
            _ => return None,
        })
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            HashState::Md5(state) => state.update(data),
            HashState::Sha1(state) => state.update(data),
            HashState::Sha224(state) => state.update(data),
            HashState::Sha256(state) => state.update(data),
            HashState::Sha384(state) => state.update(data),
            HashState::Sha512(state) => state.update(data),
        }
    }

    /// The digest of what was fed so far (the state goes on).
    fn digest(&self) -> Vec<u8> {
        match self.clone() {
            HashState::Md5(state) => state.finalize().to_vec(),
            HashState::Sha1(state) => state.finalize().to_vec(),
            HashState::Sha224(state) => state.finalize().to_vec(),
            HashState::Sha256(state) => state.finalize().to_vec(),
            HashState::Sha384(state) => state.finalize().to_vec(),
            HashState::Sha512(state) => state.finalize().to_vec(),
        }
    }
}

/// Builds the module.
pub fn create(runtime: &mut Runtime) -> Value {
    let module = runtime.new_module("_hashlib");
    native::new_class(
        runtime,
        module,
        "_hashlib",
        "HASH",
        &[("update", update), ("digest", digest), ("copy", copy)],
    );
    super::add_functions(runtime, module, "_hashlib", &[("new", new)]);
    module
}

fn hash_class(runtime: &mut Runtime) -> Option<Value> {
    let name = runtime.intern("_hashlib");
    let module = crate::types::dict::get_str_key(runtime, runtime.modules, name)?;
    let class_name = runtime.intern("HASH");
    match module.as_object().map(|object| &object.payload) {
        Some(crate::object::Payload::Module { dict, .. }) => {
            crate::types::dict::get_str_key(runtime, *dict, class_name)
        }
        _ => None,
    }
}

fn wrap(host: &mut dyn Host, state: HashState) -> PyResult<Value> {
    let runtime = host.runtime();
    let Some(class) = hash_class(runtime) else {
        return Err(runtime.runtime_error("_hashlib.HASH is missing"));
    };
    Ok(native::new_object(runtime, class, state))
}

/// `new(name)`: a fresh digest, or None for an unknown name.
fn new(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let name = arguments
        .values
        .first()
        .and_then(|&value| crate::protocol::str_value(value))
        .unwrap_or("");
    match HashState::new(&name.to_ascii_lowercase()) {
        Some(state) => wrap(host, state),
        None => Ok(Value::NONE),
    }
}

fn update(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = native::receiver::<HashState>(host, &arguments, "_hashlib.HASH")?;
    let data = arguments.values.get(1).copied().unwrap_or(Value::NONE);
    if crate::protocol::str_value(data).is_some() {
        return Err(host
            .runtime()
            .type_error("Strings must be encoded before hashing"));
    }
    let Some(bytes) = crate::types::bytes::buffer(data) else {
        return Err(host
            .runtime()
            .type_error("object supporting the buffer API required"));
    };
    state.update(&bytes);
    Ok(Value::NONE)
}

fn digest(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = native::receiver::<HashState>(host, &arguments, "_hashlib.HASH")?;
    let bytes = state.digest();
    Ok(crate::types::bytes::new_bytes(host.runtime(), bytes))
}

fn copy(host: &mut dyn Host, arguments: Arguments) -> PyResult<Value> {
    let state = native::receiver::<HashState>(host, &arguments, "_hashlib.HASH")?.clone();
    wrap(host, state)
}
